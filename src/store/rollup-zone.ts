import type { Store } from './store.js';

/**
 * The time zone whose calendar days the stored rollups are kept in, recorded in the store (`storeMeta`, `_id:
 * "rollups"`) so every process and every report reads the same days. Rollups written before the zone was recorded
 * are UTC days. A config whose `timezone` differs keeps the recorded zone (mixing zones would split days) until
 * `earshot store rollups` rebuilds them in the new one.
 */
export const STORE_META = 'storeMeta';
const ROLLUPS_META_ID = 'rollups';

interface RollupsMeta {
  _id: string;
  timezone: string;
  [k: string]: unknown;
}

/** The recorded zone of the rollups, or null when none is recorded yet. */
export async function recordedRollupZone(store: Store): Promise<string | null> {
  const meta = await store.getDoc<RollupsMeta>(STORE_META, ROLLUPS_META_ID);
  return typeof meta?.timezone === 'string' ? meta.timezone : null;
}

/** Records `tz` as the zone of the rollups (after a rebuild in it). */
export async function setRollupZone(store: Store, tz: string): Promise<void> {
  await store.putDoc(STORE_META, { _id: ROLLUPS_META_ID, timezone: tz });
}

/**
 * The zone rollups are kept in: the recorded one; else, for a store without rollups, `configZone`; else UTC, the
 * days rollups had before zones were recorded. Reads only; writers use `claimRollupZone`.
 */
export async function rollupZone(store: Store, configZone = 'UTC'): Promise<string> {
  const recorded = await recordedRollupZone(store);
  if (recorded) return recorded;
  // A plain `$group` count, which the SQLite store answers in SQL.
  const [count] = await store.aggregate<{ n: number }>('rollups', [{ $match: { brand: { $ne: null } } }, { $group: { _id: null, n: { $sum: 1 } } }]);
  return (count?.n ?? 0) > 0 ? 'UTC' : configZone;
}

/** `rollupZone`, recorded when it was not yet, so the days rollups are written in never change under them. */
export async function claimRollupZone(store: Store, configZone = 'UTC'): Promise<string> {
  const recorded = await recordedRollupZone(store);
  if (recorded) return recorded;
  const tz = await rollupZone(store, configZone);
  await setRollupZone(store, tz);
  return tz;
}

/** The one line a command prints when the config's zone is not the rollups' zone, or null when they agree. */
export function rollupZoneMismatch(rollupsTz: string, configTz: string): string | null {
  if (rollupsTz === configTz) return null;
  return `reports count days in ${rollupsTz}, the zone the stored rollups were built in, not in the config's timezone ${configTz}: run earshot store rollups to rebuild them in ${configTz}`;
}
