import { localDay } from '../domain/time-zone.js';
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
  const fromMentions = await bucketsOfMentions(store, tz);
  const stored = await store.aggregate<{ _id: RollupKey }>('rollups', [
    { $match: { brand: { $ne: null } } },
    { $group: { _id: { brand: '$brand', day: '$day', source: '$source' } } },
  ]);
  const keys = new Map<string, RollupKey>();
  for (const key of fromMentions) keys.set(JSON.stringify(key), key);
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

const HOUR_MS = 3_600_000;

/**
 * The buckets the stored mentions fall in. A `$group` by UTC day (UTC) or UTC hour (other zones), which the SQLite
 * store runs in SQL, then each hour's local day here; only a zone whose hours straddle local midnight (an offset of
 * +5:30, +5:45 …) groups by the local day in the pipeline (mingo on SQLite, over every mention).
 */
async function bucketsOfMentions(store: Store, tz: string): Promise<RollupKey[]> {
  const unit = tz === 'UTC' ? 'day' : 'hour';
  const rows = await store.aggregate<{ _id: { brand: string; t: Date; source: string } }>('mentions', [
    { $match: { brand: { $ne: null } } },
    { $group: { _id: { brand: '$brand', t: { $dateTrunc: { date: '$publishedAt', unit } }, source: '$source.name' } } },
  ]);
  const keys: RollupKey[] = [];
  for (const { _id } of rows) {
    const start = new Date(_id.t).getTime();
    const day = localDay(start, tz);
    if (unit === 'hour' && localDay(start + HOUR_MS - 1, tz) !== day) return bucketsByLocalDay(store, tz);
    keys.push({ brand: _id.brand, day, source: _id.source });
  }
  return keys;
}

async function bucketsByLocalDay(store: Store, tz: string): Promise<RollupKey[]> {
  const rows = await store.aggregate<{ _id: RollupKey }>('mentions', [
    { $match: { brand: { $ne: null } } },
    { $group: { _id: { brand: '$brand', day: { $dateToString: { format: '%Y-%m-%d', date: '$publishedAt', timezone: tz } }, source: '$source.name' } } },
  ]);
  return rows.map(({ _id }) => ({ brand: _id.brand, day: _id.day, source: _id.source }));
}
