import type { CursorValue } from '../../src/store/store.js';
import type { CrawlContext } from '../crawler.js';
import { Incremental } from './incremental.js';

/**
 * One `Incremental` per feed of a source (a subreddit, a hashtag, an App Store storefront …) stored together in the
 * source's single cursor under `feeds`, so each feed resumes where it stopped.
 */
export class FeedCursors {
  private readonly feeds: Record<string, CursorValue>;
  private readonly open = new Map<string, { inc: Incremental; complete: boolean }>();

  constructor(private readonly ctx: Pick<CrawlContext, 'cursor' | 'full'>) {
    const stored = ctx.full ? undefined : ctx.cursor?.feeds;
    this.feeds = stored && typeof stored === 'object' ? { ...(stored as Record<string, CursorValue>) } : {};
  }

  /** The incremental state of one feed. */
  feed(key: string): Incremental {
    let entry = this.open.get(key);
    if (!entry) {
      entry = { inc: new Incremental({ cursor: this.feeds[key] ?? null, full: this.ctx.full }), complete: false };
      this.open.set(key, entry);
    }
    return entry.inc;
  }

  /** Marks a feed as read to its end (or to already-seen items), so its date boundary may advance. */
  completed(key: string): void {
    const entry = this.open.get(key);
    if (entry) entry.complete = true;
  }

  /** The cursor for the next run: every feed's, plus the newest date overall for display. */
  nextCursor(now: Date): CursorValue {
    const feeds: Record<string, CursorValue> = { ...this.feeds };
    for (const [key, { inc, complete }] of this.open) feeds[key] = inc.nextCursor(complete, now);
    const dates = Object.values(feeds)
      .map((c) => (c.lastPublishedAt ? new Date(c.lastPublishedAt as unknown as string) : undefined))
      .filter((d): d is Date => !!d && !Number.isNaN(d.getTime()));
    const cursor: CursorValue = { updatedAt: now, feeds };
    if (dates.length) cursor.lastPublishedAt = new Date(Math.max(...dates.map((d) => d.getTime())));
    return cursor;
  }
}
