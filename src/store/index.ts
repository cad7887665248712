import { EmbeddedStore } from './embedded.js';
import { MongoStore } from './mongo.js';
import type { Store } from './store.js';

export { EmbeddedStore, type EmbeddedStoreOptions } from './embedded.js';
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
  /** `EARSHOT_DATA_DIR`: where the embedded store keeps its files when there is no `mongoUrl`. */
  dataDir: string;
}

/**
 * Opens the store the environment asks for: MongoDB when `mongoUrl` is set, else the embedded
 * store in `dataDir`. Throws `StoreUnavailableError` (one-line message) when it cannot be opened.
 */
export async function openStore(opts: OpenStoreOptions): Promise<Store> {
  const mongoUrl = opts.mongoUrl?.trim();
  if (mongoUrl) return MongoStore.connect({ url: mongoUrl });
  return EmbeddedStore.open({ dataDir: opts.dataDir });
}
