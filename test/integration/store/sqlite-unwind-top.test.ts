import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../../src/store/mingo-runtime.js';
import { pushdownPipeline, SqliteStore } from '../../../src/store/sqlite.js';
import { docsSpec } from '../../../src/store/sqlite-tables.js';
import type { Pipeline } from '../../../src/store/store.js';

/**
 * `$unwind` + `$sort` on the elements + `$limit` in SQL (`sqlite-unwind-top.ts`, the themes report's driver examples)
 * must keep what MongoDB keeps, in its order, and leave to mingo what it cannot order or unwind exactly.
 */
const e = (id: string, score: number | null | undefined, eng: number) => ({ id, ...(score !== undefined ? { score } : {}), eng });
const DOCS = [
  { _id: 'r1', brand: 'x', tops: { food: { negative: [e('m1', -0.9, 3), e('m2', -0.5, 10)], positive: [e('m3', 0.8, 1)] } } },
  { _id: 'r2', brand: 'x', tops: { food: { negative: [e('m4', -0.9, 7), e('m5', -0.95, 0)] }, 'price-value': { negative: [e('m6', -0.1, 0)] } } },
  { _id: 'r3', brand: 'x', tops: { food: { negative: [] } } },
  { _id: 'r4', brand: 'x', tops: { food: { negative: null } } },
  { _id: 'r5', brand: 'x', tops: { food: {} } },
  { _id: 'r6', brand: 'x' },
  { _id: 'r7', brand: 'x', tops: { food: { negative: [e('m7', -0.9, 7), e('m8', null, 1), e('m9', undefined, 2)] } } },
  { _id: 'r8', brand: 'y', tops: { food: { negative: [e('m0', -1, 99)] } } },
];
/** brand x's documents, by `_id` (the one indexed column of the docs table, so the `$match` is pushed whole). */
const X = { _id: { $in: ['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7'] } };
const top = (list: string, dir: 1 | -1, n: number): Pipeline => [
  { $match: X },
  { $unwind: `$${list}` },
  { $sort: { [`${list}.score`]: dir, [`${list}.eng`]: -1, [`${list}.id`]: 1 } },
  { $limit: n },
  { $project: { _id: 0, id: `$${list}.id` } },
];

describe('the $unwind top-N pushdown keeps what MongoDB keeps', () => {
  let dataDir: string;
  let store: SqliteStore;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'earshot-unwind-'));
    store = await SqliteStore.open({ dataDir });
    for (const d of DOCS) await store.putDoc('alerts', d as unknown as { _id: string });
  });
  afterAll(async () => {
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const mingo = (pipeline: Pipeline, docs: unknown[] = DOCS) => runPipeline(structuredClone(docs) as Record<string, unknown>[], pipeline);

  it('the strongest examples across buckets, ties broken by engagement then id; empty, null and missing lists give none', async () => {
    const pipeline = top('tops.food.negative', 1, 4);
    expect(pushdownPipeline(pipeline, docsSpec('alerts')).query.unwindTop, 'runs in SQL').toBeDefined();
    // Null and missing scores sort first (below numbers), as in MongoDB.
    const want = ['m9', 'm8', 'm5', 'm4'];
    expect(mingo(pipeline).map((r) => r.id)).toEqual(want);
    expect((await store.aggregate('alerts', pipeline)).map((r) => r.id)).toEqual(want);
    const down = top('tops.food.negative', -1, 3);
    expect((await store.aggregate('alerts', down)).map((r) => r.id)).toEqual(mingo(down).map((r) => r.id));
    expect(await store.aggregate('alerts', top('tops.nothing.negative', 1, 2))).toEqual([]);
    // A theme key with a dash, and brand y's bucket never read.
    expect(await store.aggregate('alerts', top('tops.price-value.negative', 1, 5))).toEqual([{ id: 'm6' }]);
  });

  it('the whole unwound document comes back, the element in place of the array', async () => {
    const pipeline: Pipeline = [{ $match: X }, { $unwind: '$tops.food.positive' }, { $sort: { 'tops.food.positive.score': -1 } }, { $limit: 1 }];
    expect(await store.aggregate('alerts', pipeline)).toEqual(mingo(pipeline));
  });

  it('answers in SQL on well-formed documents (the odd flag is off)', async () => {
    const { query } = pushdownPipeline(top('tops.food.negative', 1, 2), docsSpec('alerts'));
    const db = new Database(store.file, { readonly: true });
    try {
      const rows = db.prepare(query.unwindTop!.top.sql).raw().all(...query.unwindTop!.top.params) as unknown[][];
      expect(rows.map((r) => [r[0], r[3]])).toEqual([
        ['r7', 0],
        ['r7', 0],
      ]);
    } finally {
      db.close();
    }
  });

  it('sort keys of different types follow BSON order: null, numbers, strings, booleans, dates', async () => {
    const docs = [
      { _id: 't1', brand: 't', l: [{ k: 'b' }, { k: true }, { k: 5 }, { k: new Date('2024-01-01T00:00:00Z') }] },
      { _id: 't2', brand: 't', l: [{ k: 'a' }, { k: false }, { k: -1.5 }, { k: null }, { other: 1 }, 7] },
    ];
    for (const d of docs) await store.putDoc('alerts', d as unknown as { _id: string });
    const T = { _id: { $in: ['t1', 't2'] } };
    const asc: Pipeline = [{ $match: T }, { $unwind: '$l' }, { $sort: { 'l.k': 1 } }, { $limit: 20 }];
    const keys = (rows: Array<Record<string, unknown>>) => rows.map((r) => (r.l as { k?: unknown })?.k);
    const got = keys(await store.aggregate('alerts', asc));
    // The three without a value (null, missing, a scalar element) come first, in document and array order.
    expect(got.slice(0, 3)).toEqual([null, undefined, undefined]);
    expect(got.slice(3)).toEqual([-1.5, 5, 'a', 'b', false, true, new Date('2024-01-01T00:00:00Z')]);
    const desc = keys(await store.aggregate('alerts', [{ $match: T }, { $unwind: '$l' }, { $sort: { 'l.k': -1 } }, { $limit: 2 }]));
    expect(desc).toEqual([new Date('2024-01-01T00:00:00Z'), true]);
  });

  it('what SQL cannot unwind or order exactly runs in mingo: a value that is not an array, a key that is an object', async () => {
    const docs = [
      { _id: 'o1', brand: 'o', l: { k: 3 } },
      { _id: 'o2', brand: 'o', l: [{ k: 2 }, { k: 9 }] },
      { _id: 'o3', brand: 'p', l: [{ k: { deep: 1 } }, { k: 1 }] },
    ];
    for (const d of docs) await store.putDoc('alerts', d as unknown as { _id: string });
    for (const [brand, ids] of [['o', ['o1', 'o2']], ['p', ['o3']]] as const) {
      const pipeline: Pipeline = [{ $match: { _id: { $in: [...ids] } } }, { $unwind: '$l' }, { $sort: { 'l.k': -1 } }, { $limit: 3 }];
      expect(pushdownPipeline(pipeline, docsSpec('alerts')).query.unwindTop, brand).toBeDefined();
      expect(await store.aggregate('alerts', pipeline), brand).toEqual(mingo(pipeline, docs));
      expect((await store.aggregate('alerts', pipeline)).length, brand).toBeGreaterThan(0);
    }
  });

  it('stays with mingo when the stages differ: unwind options, sort on another field, no limit, a later $lookup', () => {
    const spec = docsSpec('alerts');
    const plan = (p: Pipeline) => pushdownPipeline(p, spec).query.unwindTop;
    expect(plan([{ $match: X }, { $unwind: { path: '$l', preserveNullAndEmptyArrays: true } }, { $sort: { 'l.k': 1 } }, { $limit: 1 }])).toBeUndefined();
    expect(plan([{ $match: X }, { $unwind: '$l' }, { $sort: { brand: 1 } }, { $limit: 1 }])).toBeUndefined();
    expect(plan([{ $match: X }, { $unwind: '$l' }, { $sort: { 'l.k': 1 } }])).toBeUndefined();
    // A digit segment indexes an array in MongoDB, not a field SQL's path would name.
    expect(plan([{ $match: X }, { $unwind: '$l.0' }, { $sort: { 'l.0.k': 1 } }, { $limit: 1 }])).toBeUndefined();
    expect(plan([{ $match: X }, { $unwind: '$l' }, { $sort: { 'l.k.0': 1 } }, { $limit: 1 }])).toBeUndefined();
    // A later `$lookup` needs the other collection, which only mingo's run over stored documents has.
    expect(plan([{ $match: X }, { $unwind: '$l' }, { $sort: { 'l.k': 1 } }, { $limit: 1 }, { $lookup: { from: 'workflow', localField: 'l.id', foreignField: '_id', as: 'w' } }])).toBeUndefined();
    expect(plan([{ $match: X }, { $unwind: '$l' }, { $sort: { 'l.k': 1 } }, { $limit: 1 }])).toBeDefined();
  });
});
