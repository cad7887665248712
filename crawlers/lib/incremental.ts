import type { RawItem } from '../../src/domain/index.js';
import type { CursorValue } from '../../src/store/store.js';
import type { CrawlContext } from '../crawler.js';

/** Ids remembered in a cursor at most: enough to recognise the newest items across a few pages. */
const MAX_SEEN_IDS = 500;

const asDate = (v: unknown): Date | undefined => {
  const d = v instanceof Date ? v : typeof v === 'string' || typeof v === 'number' ? new Date(v) : undefined;
  return d && !Number.isNaN(d.getTime()) ? d : undefined;
};

/**
 * Incremental crawling for sources read newest first (review pages, feeds): the cursor holds the newest publication
 * date of the last complete run and the ids seen recently. An item is new when its id was not seen and it is not
 * older than that date; paging stops at the first page that reaches older items. `ctx.full` ignores the cursor.
 */
export class Incremental {
  /** Newest publication date of the last complete run (undefined on a first or --full run). */
  readonly boundary?: Date;
  private readonly previousBoundary?: Date;
  private readonly seen: Set<string>;
  private readonly previousIds: string[];
  private readonly runItems: { id: string; at: Date }[] = [];

  /**
   * @param opts.dateBoundary Also treat items older than the cursor's date as seen. Default true; false for
   *   unpaged sources (a feed) where only ids tell what is new, so late-indexed items with older dates still count.
   */
  constructor(ctx: Pick<CrawlContext, 'cursor' | 'full'>, opts: { dateBoundary?: boolean } = {}) {
    const c = ctx.full ? null : ctx.cursor;
    this.boundary = opts.dateBoundary === false ? undefined : asDate(c?.lastPublishedAt);
    this.previousBoundary = asDate(c?.lastPublishedAt);
    this.previousIds = Array.isArray(c?.seenIds) ? (c.seenIds as unknown[]).filter((x): x is string => typeof x === 'string') : [];
    this.seen = new Set(this.previousIds);
  }

  /** True when a previous run's cursor is in force. */
  get active(): boolean {
    return this.boundary !== undefined || this.seen.size > 0;
  }

  /** Remembers the item for the next cursor and says whether it is new. */
  observe(id: string, publishedAt: Date): boolean {
    this.runItems.push({ id, at: publishedAt });
    if (this.seen.has(id)) return false;
    return !this.boundary || publishedAt >= this.boundary;
  }

  /** True once an item older than the previous run's newest one was seen: later pages hold nothing new. */
  reachedSeen(items: { publishedAt: Date }[]): boolean {
    return !!this.boundary && items.some((i) => i.publishedAt < this.boundary!);
  }

  /**
   * The cursor for the next run. `complete` means this run read everything new (it reached seen items or the last
   * page); otherwise the old date boundary is kept so the next run pages on past what this one could not reach.
   */
  nextCursor(complete: boolean, now = new Date()): CursorValue {
    const newest = [...this.runItems].sort((a, b) => b.at.getTime() - a.at.getTime());
    const ids = [...new Set([...newest.map((i) => i.id), ...this.previousIds])].slice(0, MAX_SEEN_IDS);
    const top = newest[0];
    const old = this.previousBoundary;
    const boundary = complete ? (top && (!old || top.at > old) ? top.at : old) : old;
    const cursor: CursorValue = { updatedAt: now, seenIds: ids };
    if (top) cursor.lastId = top.id;
    if (boundary) cursor.lastPublishedAt = boundary;
    return cursor;
  }
}

/** Keeps only items seen for the first time in this run (a review listed on two pages counts once). */
export function dedupeById(items: RawItem[]): RawItem[] {
  const seen = new Set<string>();
  return items.filter((i) => {
    const key = i.externalId ?? `${i.url}|${i.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
