import { refreshRollups } from './rollups.js';
import { setRollupZone } from './rollup-zone.js';
import type { RollupKey, Store } from './store.js';

/**
 * Recomputes every rollup bucket from the mentions, as days in `tz` (the config's `timezone`), deletes buckets no
 * mention backs any more (all of them when the zone changed), and records `tz` as the rollups' zone. For an upgrade
 * that adds counters to rollups (buckets written before lack them), a changed `timezone`, or a store whose rollups
 * are in doubt; ingest keeps them right afterwards. Runs on either store; idempotent.
 */
export async function rebuildRollups(store: Store, tz = 'UTC'): Promise<{ buckets: number; removed: number }> {
  const fromMentions = await store.aggregate<{ _id: { brand: string; day: string; source: string } }>('mentions', [
    { $match: { brand: { $ne: null } } },
    {
      $group: {
        _id: { brand: '$brand', day: { $dateToString: { format: '%Y-%m-%d', date: '$publishedAt', ...(tz === 'UTC' ? {} : { timezone: tz }) } }, source: '$source.name' },
      },
    },
  ]);
  const stored = await store.aggregate<{ _id: RollupKey }>('rollups', [
    { $match: { brand: { $ne: null } } },
    { $group: { _id: { brand: '$brand', day: '$day', source: '$source' } } },
  ]);
  const keys = new Map<string, RollupKey>();
  for (const { _id } of fromMentions) {
    const key = { brand: _id.brand, day: _id.day, source: _id.source };
    keys.set(JSON.stringify(key), key);
  }
  const backed = keys.size;
  let removed = 0;
  for (const { _id } of stored) {
    const id = JSON.stringify({ brand: _id.brand, day: _id.day, source: _id.source });
    if (!keys.has(id)) (keys.set(id, _id), removed++);
  }
  // Recorded first: an ingest running meanwhile then writes its buckets in the new zone too.
  await setRollupZone(store, tz);
  await refreshRollups(store, [...keys.values()], tz);
  return { buckets: backed, removed };
}
