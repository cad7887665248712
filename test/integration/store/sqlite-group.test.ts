import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../../src/store/mingo-runtime.js';
import { pushdownPipeline, SqliteStore } from '../../../src/store/sqlite.js';
import { docsSpec, ROLLUPS } from '../../../src/store/sqlite-tables.js';
import { rollupId } from '../../../src/store/ids.js';
import type { Pipeline, Rollup } from '../../../src/store/store.js';

/**
 * The `$group` pushdown must mean what MongoDB (here: mingo, on the same documents) means — including the awkward
 * values: missing and null fields, strings where numbers are summed, booleans, dates at week and month edges — and
 * must hand back to mingo whatever it cannot say exactly.
 */
const DOCS = [
  { _id: 'a', brand: 'x', n: 2, s: 'pos', when: new Date('2024-03-03T23:59:59Z'), tags: ['churn', 'x'], o: { k1: { v: 1 }, k2: { v: 2 } } },
  { _id: 'b', brand: 'x', n: '7', s: 'neg', when: new Date('2024-03-04T00:00:00Z'), tags: [], o: { k1: { v: 3 } } },
  { _id: 'c', brand: 'x', n: null, s: null, when: new Date('2024-02-29T12:00:00Z'), o: {} },
  { _id: 'd', brand: 'x', n: true, when: new Date('2023-12-31T12:00:00Z'), tags: null, o: { k2: { v: 'x' } } },
  { _id: 'e', brand: 'x', n: 1.5, s: 'pos', when: new Date('2024-01-01T00:00:00Z'), tags: ['churn'], o: null },
  { _id: 'f', brand: 'y', n: 100, s: 'pos', when: new Date('2024-03-05T00:00:00Z') },
];

/** brand x's documents, by `_id` (the one indexed column of the docs table). */
const X = { _id: { $in: ['a', 'b', 'c', 'd', 'e'] } };

/** The pipelines are run on the `alerts` collection (the docs table: every field but `_id` is read from JSON). */
const PIPELINES: Record<string, Pipeline> = {
  'sum of a field with strings, booleans, nulls and missing': [{ $match: X }, { $group: { _id: null, t: { $sum: '$n' }, c: { $sum: 1 } } }],
  'count if equal, including null and missing': [
    { $match: X },
    { $group: { _id: null, pos: { $sum: { $cond: [{ $eq: ['$s', 'pos'] }, 1, 0] } }, nul: { $sum: { $cond: [{ $eq: ['$s', null] }, 1, 0] } }, ne: { $sum: { $cond: [{ $ne: ['$s', 'pos'] }, 1, 0] } } } },
  ],
  'isNumber, ifNull and arithmetic': [
    { $match: X },
    { $group: { _id: null, nums: { $sum: { $cond: [{ $isNumber: '$n' }, 1, 0] } }, dflt: { $sum: { $ifNull: ['$n', 10] } } } },
  ],
  'arithmetic on numbers (MongoDB refuses $multiply on strings and booleans)': [
    { $match: { _id: { $in: ['a', 'c', 'e', 'f'] } } },
    { $group: { _id: null, sq: { $sum: { $multiply: [{ $ifNull: ['$n', 0] }, 2] } }, plus: { $sum: { $add: [{ $ifNull: ['$n', 0] }, 1] } } } },
  ],
  'a constant in an array field that may be missing or null': [
    { $match: X },
    { $group: { _id: null, churn: { $sum: { $cond: [{ $in: ['churn', { $ifNull: ['$tags', []] }] }, 1, 0] } } } },
  ],
  // MongoDB orders other types above numbers (a string or boolean `$gte` 2 is true, null `$lt` 2 too) and the pushdown
  // does so; mingo answers false there, so the comparison with mingo is on numbers, null and missing only.
  'ordering comparisons with a number, null and missing': [
    { $match: { _id: { $in: ['a', 'c', 'e', 'nope'] } } },
    {
      $group: {
        _id: null,
        ge: { $sum: { $cond: [{ $gte: ['$n', 2] }, 1, 0] } },
        gt: { $sum: { $cond: [{ $gt: ['$n', 1] }, 1, 0] } },
        both: { $sum: { $cond: [{ $and: [{ $gt: ['$n', 1] }, { $or: [{ $eq: ['$s', 'pos'] }, { $eq: ['$s', null] }] }] }, 1, 0] } },
      },
    },
  ],
  'no rows: no document': [{ $match: { _id: 'nobody' } }, { $group: { _id: null, c: { $sum: 1 } } }],
  'entries of an object (missing, null and empty objects drop out)': [
    { $match: X },
    { $project: { e: { $objectToArray: '$o' } } },
    { $unwind: '$e' },
    { $group: { _id: '$e.k', v: { $sum: '$e.v.v' }, c: { $sum: 1 } } },
  ],
  'entries filtered by key': [
    { $match: X },
    { $project: { e: { $objectToArray: '$o' } } },
    { $unwind: '$e' },
    { $match: { 'e.k': 'k2' } },
    { $group: { _id: '$e.k', c: { $sum: 1 } } },
  ],
};

describe('the $group pushdown means what MongoDB means', () => {
  let dataDir: string;
  let store: SqliteStore;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'earshot-group-'));
    store = await SqliteStore.open({ dataDir });
    for (const d of DOCS) await store.putDoc('alerts', d as unknown as { _id: string });
  });
  afterAll(async () => {
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  for (const [name, pipeline] of Object.entries(PIPELINES)) {
    it(name, async () => {
      expect(pushdownPipeline(pipeline, docsSpec('alerts')).query.group, 'runs in SQL').toBeDefined();
      const sort = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).sort();
      expect(sort(await store.aggregate('alerts', pipeline))).toEqual(sort(runPipeline(DOCS as unknown as Record<string, unknown>[], pipeline)));
    });
  }

  it('$dateTrunc to Monday and Sunday weeks, days, hours and months on a date column, at the edges', async () => {
    const dates = ['2024-03-03T23:59:59Z', '2024-03-04T00:00:00Z', '2024-02-29T12:34:56Z', '1969-12-31T23:00:00Z', '2023-12-31T12:00:00Z', '2024-01-01T00:00:00Z'];
    const rollups = dates.map((d, i) => {
      const key = { brand: 'edge', day: d.slice(0, 10), source: `s${i}` };
      return { _id: rollupId(key), ...key, date: new Date(d), total: 1 } as unknown as Rollup;
    });
    await store.replaceRollups(rollups, rollups);
    const units = [{ unit: 'week', startOfWeek: 'monday' }, { unit: 'week', startOfWeek: 'sunday' }, { unit: 'week' }, { unit: 'day' }, { unit: 'hour' }, { unit: 'month' }];
    for (const u of units) {
      const pipeline = [{ $match: { brand: 'edge' } }, { $group: { _id: { $dateTrunc: { date: '$date', ...u } }, c: { $sum: '$total' } } }];
      expect(pushdownPipeline(pipeline, ROLLUPS).query.group, JSON.stringify(u)).toBeDefined();
      const sort = (rows: Array<Record<string, unknown>>) => rows.map((r) => `${(r._id as Date).toISOString()} ${String(r.c)}`).sort();
      expect(sort(await store.aggregate('rollups', pipeline)), JSON.stringify(u)).toEqual(sort(runPipeline(rollups as unknown as Record<string, unknown>[], pipeline)));
    }
  });

  it('comparisons across types follow MongoDB\'s BSON order: strings and booleans above numbers, null below', async () => {
    const rows = await store.aggregate('alerts', [
      { $match: { _id: { $in: ['b', 'c', 'd'] } } },
      { $group: { _id: null, ge: { $sum: { $cond: [{ $gte: ['$n', 2] }, 1, 0] } }, lt: { $sum: { $cond: [{ $lt: ['$n', 2] }, 1, 0] } } } },
    ]);
    expect(rows).toEqual([{ _id: null, ge: 2, lt: 1 }]);
  });

  it('what SQL cannot say exactly stays with mingo: $first, paths through array indexes, unknown operators', () => {
    const spec = docsSpec('alerts');
    expect(pushdownPipeline([{ $match: X }, { $group: { _id: null, f: { $sum: '$n' } } }], spec).query.group).toBeDefined();
    expect(pushdownPipeline([{ $match: X }, { $group: { _id: null, f: { $first: '$n' } } }], spec).query.group).toBeUndefined();
    expect(pushdownPipeline([{ $match: X }, { $group: { _id: null, f: { $sum: '$tags.0' } } }], spec).query.group).toBeUndefined();
    expect(pushdownPipeline([{ $match: X }, { $group: { _id: null, f: { $sum: { $abs: '$n' } } } }], spec).query.group).toBeUndefined();
    // A group key that may be missing (MongoDB keeps {} apart from {k: null}).
    expect(pushdownPipeline([{ $match: X }, { $group: { _id: { s: '$s' }, c: { $sum: 1 } } }], spec).query.group).toBeUndefined();
  });
});
