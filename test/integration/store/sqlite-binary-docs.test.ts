import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rollupId } from '../../../src/store/ids.js';
import { SqliteStore } from '../../../src/store/sqlite.js';
import type { Rollup } from '../../../src/store/store.js';

/**
 * Rollups are stored as SQLite's binary JSON (read field by field without parsing text); buckets written as text by
 * an earlier version stay readable next to them, whole and field by field, until they are rewritten.
 */
const bucket = (day: string, total: number): Rollup => {
  const key = { brand: 'acme', day, source: 'rss' };
  return {
    _id: rollupId(key), ...key, date: new Date(`${day}T00:00:00Z`), sourceKind: 'rss', total, positive: total, negative: 0, neutral: 0,
    scoreSum: 0.25 * total, starsSum: 0, starsCount: 0, churn: 0, recommend: 0, engagement: 0, themes: { 'price': { total, positive: total, negative: 0, neutral: 0, scoreSum: 0.1, starsSum: 0, starsCount: 0, churn: 0 } },
    tops: { price: { positive: [{ id: `m-${day}`, score: 0.9, eng: 1 }] } },
  };
};

describe('rollups as binary JSON', () => {
  let dataDir: string;
  let store: SqliteStore;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'earshot-jsonb-'));
    store = await SqliteStore.open({ dataDir });
    const fresh = [bucket('2024-03-01', 2)];
    await store.replaceRollups(fresh, fresh);
    // A bucket as an earlier version wrote it: JSON text.
    const old = bucket('2024-03-02', 5);
    const db = new Database(store.file);
    db.prepare('INSERT INTO rollups (id, brand, date, source, doc) VALUES (?, ?, ?, ?, ?)').run(old._id, 'acme', old.date.getTime(), 'rss', JSON.stringify({ ...old, date: { $date: old.date.getTime() } }));
    db.close();
  });
  afterAll(async () => {
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('new buckets are written binary, old ones stay text', () => {
    const db = new Database(store.file, { readonly: true });
    try {
      expect(db.prepare('SELECT day, typeof(doc) AS t FROM (SELECT json_extract(doc, \'$.day\') AS day, doc FROM rollups) ORDER BY day').all()).toEqual([
        { day: '2024-03-01', t: 'blob' },
        { day: '2024-03-02', t: 'text' },
      ]);
    } finally {
      db.close();
    }
  });

  it('both are read whole, summed in SQL and unwound the same', async () => {
    const all = await store.aggregate<Rollup>('rollups', [{ $match: { brand: 'acme' } }, { $sort: { date: 1 } }]);
    expect(all).toEqual([bucket('2024-03-01', 2), bucket('2024-03-02', 5)]);
    const sums = await store.aggregate('rollups', [{ $match: { brand: 'acme' } }, { $project: { t: { $objectToArray: '$themes' } } }, { $unwind: '$t' }, { $group: { _id: '$t.k', n: { $sum: '$t.v.total' } } }]);
    expect(sums).toEqual([{ _id: 'price', n: 7 }]);
    const top = await store.aggregate('rollups', [{ $match: { brand: 'acme' } }, { $unwind: '$tops.price.positive' }, { $sort: { 'tops.price.positive.id': -1 } }, { $limit: 2 }, { $project: { _id: 0, id: '$tops.price.positive.id' } }]);
    expect(top).toEqual([{ id: 'm-2024-03-02' }, { id: 'm-2024-03-01' }]);
  });
});
