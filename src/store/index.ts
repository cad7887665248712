export { SqliteStore, type SqliteStoreOptions } from './sqlite.js';
export { MongoStore, type MongoStoreOptions } from './mongo.js';
export { StoreInputError, StoreUnavailableError, UnsafeFilterError } from './errors.js';
export { contentId, mentionId, rollupId } from './ids.js';
export { refreshRollups, touchedBuckets } from './rollups.js';
export { assertSafeFilter, safeFilter } from './safe-filter.js';
export type * from './store.js';
export { openStore, type OpenStoreOptions } from './open.js';
