import type { CrawlRun, Mention } from '../domain/index.js';
import type { NpsCounters } from '../domain/nps.js';

/** A Mongo-style filter. Callers build these from parsed, validated input only (see `safeFilter`). */
export type Filter = Record<string, unknown>;
export type Sort = Record<string, 1 | -1>;
export type Pipeline = Record<string, unknown>[];

/** The collections the aggregation entry point may read. */
export type CollectionName = 'mentions' | 'rollups' | 'crawlRuns' | 'alerts';

export interface FindOptions {
  sort?: Sort;
  /** At most this many documents. Default: all. */
  limit?: number;
  skip?: number;
  projection?: Record<string, 0 | 1>;
}

export interface UpsertResult {
  /** Mentions stored for the first time. */
  inserted: number;
  /** Mentions that existed and were replaced with new content. */
  updated: number;
  /** Mentions that existed with identical content. */
  unchanged: number;
}

/** A rollup bucket: one brand × UTC day × source. */
export interface RollupKey {
  brand: string;
  day: string; // YYYY-MM-DD (UTC)
  source: string; // source name
}

/** Precomputed counts for one bucket; derived from `mentions`, never edited by hand. */
export interface Rollup extends RollupKey {
  _id: string;
  date: Date;
  sourceKind: string;
  total: number;
  positive: number;
  negative: number;
  neutral: number;
  scoreSum: number;
  starsSum: number;
  starsCount: number;
  churn: number;
  recommend: number;
  engagement: number;
  /**
   * The bucket's mentions in each NPS class (`domain/nps.ts`), so a range's NPS is a sum of buckets. Absent from
   * buckets written before it existed (`earshot store rollups` rebuilds them; the advocacy report reads mentions then).
   */
  nps?: NpsCounters;
  /** theme → its own counters in the bucket (see `ThemeCounts`). */
  themes: Record<string, ThemeCounts>;
  /**
   * competitor id → the bucket's mentions naming it (head-to-head in share of voice). Absent when none does, and
   * from buckets written before it existed (`earshot store rollups` rebuilds them).
   */
  competitors?: Record<string, CompetitorCounts>;
  /**
   * theme → label → the bucket's strongest mentions for it (at most `TOP_EXAMPLES`, see rollups.ts): what the themes
   * report quotes for its drivers without reading every mention. Absent in buckets written before it existed.
   */
  tops?: Record<string, { negative?: TopEntry[]; positive?: TopEntry[] }>;
}

/** One example candidate: the mention, the theme's score in it, its engagement. */
export interface TopEntry {
  id: string;
  score: number;
  eng: number;
}

export interface CompetitorCounts {
  total: number;
  positive: number;
  negative: number;
  churn: number;
}

/**
 * A theme's counters in a rollup bucket: mentions tagged with it, split by the theme's own label, the sum of its
 * scores, and the stars and churn intents of those mentions (so a theme's trend reads rollups, not mentions).
 * Buckets written before `neutral`…`churn` existed lack them until `earshot store rollups` rebuilds them.
 */
export interface ThemeCounts {
  total: number;
  positive: number;
  negative: number;
  neutral: number;
  scoreSum: number;
  starsSum: number;
  starsCount: number;
  churn: number;
}

export const THEME_COUNTERS = ['total', 'positive', 'negative', 'neutral', 'scoreSum', 'starsSum', 'starsCount', 'churn'] as const satisfies readonly (keyof ThemeCounts)[];

/** Key/value cursors for incremental crawling, keyed by `brand:source`. */
export interface CursorValue {
  /** Newest id seen (source-specific: numeric string, fullname, ISO date …). */
  lastId?: string;
  lastPublishedAt?: Date;
  updatedAt: Date;
  [extra: string]: unknown;
}

/**
 * The storage port. Two adapters implement it: `mongo.ts` (official driver) and `sqlite.ts`
 * (better-sqlite3 + mingo). Reports are aggregation pipelines run through `aggregate` on either.
 */
export interface Store {
  readonly kind: 'mongo' | 'sqlite';
  /** The directory of the embedded store's files (other connections, like report threads, open it there); MongoDB has none. */
  readonly dataDir?: string;

  /** Insert or replace by `_id`. Keeps the first `collectedAt` of a mention already stored. */
  upsertMentions(mentions: Mention[]): Promise<UpsertResult>;
  findMentions(filter: Filter, options?: FindOptions): Promise<Mention[]>;
  countMentions(filter?: Filter): Promise<number>;
  /** Run a MongoDB aggregation pipeline on a collection; the same pipeline runs on both adapters. */
  aggregate<T = Record<string, unknown>>(collection: CollectionName, pipeline: Pipeline): Promise<T[]>;

  /** Replace the given buckets with `rollups` (buckets in `keys` absent from `rollups` are deleted). */
  replaceRollups(keys: RollupKey[], rollups: Rollup[]): Promise<void>;
  /**
   * Optional: run the rollup `pipeline` on mentions, `build` the buckets from its first row and replace `keys` with
   * them, all in one write transaction (so concurrent writers cannot leave a stale bucket). `refreshRollups` uses it
   * when present, else `aggregate` then `replaceRollups`.
   */
  recomputeRollups?<F>(keys: RollupKey[], pipeline: Pipeline, build: (facets: F | undefined) => Rollup[]): Promise<void>;

  saveCrawlRun(run: CrawlRun): Promise<void>;
  listCrawlRuns(filter?: Filter, options?: FindOptions): Promise<CrawlRun[]>;

  getCursor(key: string): Promise<CursorValue | null>;
  setCursor(key: string, value: CursorValue): Promise<void>;
  deleteCursor(key: string): Promise<void>;

  /** Small document collections used by alerts and schedules (`alerts`, `scheduleRuns`, …). */
  putDoc(collection: string, doc: { _id: string } & Record<string, unknown>): Promise<void>;
  getDoc<T extends { _id: string }>(collection: string, id: string): Promise<T | null>;
  findDocs<T extends { _id: string }>(collection: string, filter?: Filter, options?: FindOptions): Promise<T[]>;
  /** Deletes the documents of a small collection matching `filter` (not `mentions` or `rollups`). Returns how many. */
  deleteDocs(collection: string, filter: Filter): Promise<number>;

  /**
   * Takes the lease `id` (collection `leases`) for `owner` until `ttlMs` from now when it is free, expired or already
   * `owner`'s (a renewal), in one atomic step across processes. Returns whether `owner` now holds it. Give it back
   * with `deleteDocs('leases', {_id: id, owner})`.
   */
  claimLease(id: string, owner: string, ttlMs: number): Promise<boolean>;

  /**
   * Optional: a value that changes whenever the stored data may have changed, by this process or another (the SQLite
   * store's `data_version` and its own writes). Lets the API keep report answers until the data moves. Absent: no
   * such guarantee (MongoDB), so nothing is kept.
   */
  changeToken?(): string;

  close(): Promise<void>;
}
