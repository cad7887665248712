import { refreshRollups } from './rollups.js';
import type { RollupKey, Store } from './store.js';

/**
 * Recomputes every rollup bucket from the mentions, and deletes buckets no mention backs any more. For an upgrade
 * that adds counters to rollups (buckets written before lack them) or a store whose rollups are in doubt; ingest keeps
 * them right afterwards. Runs on either store; idempotent.
 */
export async function rebuildRollups(store: Store): Promise<{ buckets: number; removed: number }> {
  const fromMentions = await store.aggregate<{ _id: { brand: string; d: Date; source: string } }>('mentions', [
    { $match: { brand: { $ne: null } } },
    { $group: { _id: { brand: '$brand', d: { $dateTrunc: { date: '$publishedAt', unit: 'day' } }, source: '$source.name' } } },
  ]);
  const stored = await store.aggregate<{ _id: RollupKey }>('rollups', [
    { $match: { brand: { $ne: null } } },
    { $group: { _id: { brand: '$brand', day: '$day', source: '$source' } } },
  ]);
  const keys = new Map<string, RollupKey>();
  for (const { _id } of fromMentions) {
    const key = { brand: _id.brand, day: new Date(_id.d).toISOString().slice(0, 10), source: _id.source };
    keys.set(JSON.stringify(key), key);
  }
  const backed = keys.size;
  let removed = 0;
  for (const { _id } of stored) {
    const id = JSON.stringify({ brand: _id.brand, day: _id.day, source: _id.source });
    if (!keys.has(id)) (keys.set(id, _id), removed++);
  }
  await refreshRollups(store, [...keys.values()]);
  return { buckets: backed, removed };
}
