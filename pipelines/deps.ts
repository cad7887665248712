import type { Config } from '../src/config/schema.js';
import type { Queue } from '../src/queue/queue.js';
import type { Store } from '../src/store/store.js';
import type { JobCatalog } from './catalog.js';

export interface Log {
  info(line: string): void;
  warn(line: string): void;
}

/** Progress of the crawl stage, for the CLI's progress display. */
export interface ProgressEvent {
  brand: string;
  source: string;
  phase: 'start' | 'page' | 'done' | 'failed';
  pages: number;
  items: number;
  url?: string;
}

/** What every stage gets: config, store, queue; a log and an optional progress sink. */
export interface PipelineDeps {
  config: Config;
  store: Store;
  queue: Queue<JobCatalog>;
  log: Log;
  onProgress?: (e: ProgressEvent) => void;
  /**
   * Ask for alert detection after each ingest (default true). A one-shot run that crawls every source at once (the
   * demo) turns it off and runs detection once at the end, so rules judge the whole picture, not the first source.
   */
  detectAfterIngest?: boolean;
}

export const silentLog: Log = { info() {}, warn() {} };
