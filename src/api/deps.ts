import type { Config } from '../config/schema.js';
import type { Store } from '../store/store.js';

/** What the API's routes read from: the frozen config and the store. */
export interface ApiDeps {
  config: Config;
  store: Store;
  /** Throws when something besides the store that the server needs (the queue) is not reachable. */
  ready?: () => Promise<void>;
  /** Queues a crawl of one source (`POST /api/v1/crawls`); absent when this server cannot start one. */
  startCrawl?: (target: { brand: string; source: string; full: boolean }) => Promise<void>;
  /** "Now" for report defaults; tests pin it. Default: the current time. */
  now?: () => Date;
}
