import type { Brand, CrawlFailure, RawItem, SeenRatingInput, Source } from '../src/domain/index.js';
import type { CursorValue } from '../src/store/store.js';

/** What a crawler needs from the run: who, where from, what it saw last time, and where to report. */
export interface CrawlContext {
  brand: Brand;
  source: Source;
  /** Unique per run; use it for the crawlee request queue name / unique keys. */
  runId: string;
  /** Cursor from the previous run (null on first run or with --full). */
  cursor: CursorValue | null;
  /** Backfill: ignore the cursor and page until limits. */
  full: boolean;
  /** Report progress (pages done, items found) for the progress display. */
  onProgress?: (p: { pages: number; items: number; url?: string }) => void;
  /** Abort when the run's deadline passes or the process shuts down. */
  signal?: AbortSignal;
}

export interface CrawlOutcome {
  items: RawItem[];
  pages: number;
  failures: CrawlFailure[];
  notes: string[];
  /** Cursor to store for the next incremental run; undefined keeps the old one. */
  cursor?: CursorValue;
  /** Aggregate ratings the run saw (a page's AggregateRating, an app's or a business's summary): stored as snapshots. */
  ratings?: SeenRatingInput[];
  /** Set when the run was cut short inside the process (a SIGINT during a browser crawl): why. Recorded `interrupted`. */
  interrupted?: string;
}

/** One source kind. Each `crawlers/<kind>.ts` exports one; `crawlers/index.ts` is the registry. */
export interface SourceCrawler {
  kind: Source['kind'];
  crawl(ctx: CrawlContext): Promise<CrawlOutcome>;
}
