import type { Store } from './store.js';

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
 * Each adapter is imported only when chosen, so a CLI command on the embedded store never loads the MongoDB driver.
 */
export async function openStore(opts: OpenStoreOptions): Promise<Store> {
  const mongoUrl = opts.mongoUrl?.trim();
  if (mongoUrl) {
    const { MongoStore } = await import('./mongo.js');
    return MongoStore.connect({ url: mongoUrl });
  }
  const { SqliteStore } = await import('./sqlite.js');
  return SqliteStore.open({ dataDir: opts.dataDir });
}
