import { SqliteStore } from './sqlite.js';
import { MongoStore } from './mongo.js';
import type { Store } from './store.js';

export { SqliteStore, type SqliteStoreOptions } from './sqlite.js';
export { MongoStore, type MongoStoreOptions } from './mongo.js';
export { StoreInputError, StoreUnavailableError, UnsafeFilterError } from './errors.js';
export { contentId, mentionId, rollupId } from './ids.js';
export { refreshRollups, touchedBuckets } from './rollups.js';
export { assertSafeFilter, safeFilter } from './safe-filter.js';
export type * from './store.js';

/** Options of {@link openStore}. */
export interface OpenStoreOptions {
  /** `MONGO_URL`: when set (non-empty), MongoDB is used. */
  mongoUrl?: string;
  /** `EARSHOT_DATA_DIR`: where the SQLite store keeps its file (`earshot.db`) when there is no `mongoUrl`. */
  dataDir: string;
}

/**
 * Opens the store the environment asks for: MongoDB when `mongoUrl` is set, else the SQLite
 * store in `dataDir`. Throws `StoreUnavailableError` (one-line message) when it cannot be opened.
 */
export async function openStore(opts: OpenStoreOptions): Promise<Store> {
  const mongoUrl = opts.mongoUrl?.trim();
  if (mongoUrl) return MongoStore.connect({ url: mongoUrl });
  return SqliteStore.open({ dataDir: opts.dataDir });
}
