import type { Mention } from '../domain/mention.js';
import type { Store } from './store.js';

/** Mentions read and rewritten per round trip. */
const BATCH = 500;
const DAY_MS = 86_400_000;

export interface PruneResult {
  /** Mentions published before the cutoff (already pruned ones included). */
  scanned: number;
  /** Mentions stripped by this run (0 on a second run: pruning is idempotent). */
  pruned: number;
  cutoff: Date;
}

/** The cutoff for `rawTextDays`: mentions published before the UTC midnight that many days before `now`. */
export function retentionCutoff(rawTextDays: number, now: Date = new Date()): Date {
  return new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS - rawTextDays * DAY_MS);
}

/**
 * What a mention keeps once its raw text is pruned: every score, label, theme, intent, star and count (so rollups
 * and reports do not change), the source, link and duplicate marks; not its text, title, author details, the
 * evidence quoted for each theme or the words that explain its sentiment.
 */
export function withoutRawText(m: Mention, at: Date): Mention {
  const { title: _title, ...rest } = m;
  return {
    ...rest,
    text: '',
    author: {},
    sentiment: { ...m.sentiment, explain: [] },
    themes: m.themes.map((t) => ({ ...t, evidence: '' })),
    rawTextPrunedAt: at,
  };
}

/**
 * Strips the raw text of every mention published before `cutoff`, in batches ordered by (publishedAt, _id), on either
 * store. Idempotent: mentions already pruned are left alone (a second run writes nothing). Rollups need no refresh,
 * since nothing they count changes; a mention re-crawled later gets its text back until the next prune.
 */
export async function pruneRawText(store: Store, cutoff: Date, now: Date = new Date()): Promise<PruneResult> {
  let scanned = 0;
  let pruned = 0;
  let after: { at: Date; id: string } | null = null;
  for (;;) {
    const page: Mention[] = await store.findMentions(
      after
        ? { publishedAt: { $lt: cutoff }, $or: [{ publishedAt: { $gt: after.at } }, { publishedAt: after.at, _id: { $gt: after.id } }] }
        : { publishedAt: { $lt: cutoff } },
      { sort: { publishedAt: 1, _id: 1 }, limit: BATCH },
    );
    if (page.length === 0) break;
    scanned += page.length;
    const todo = page.filter((m) => !m.rawTextPrunedAt);
    if (todo.length > 0) {
      await store.upsertMentions(todo.map((m) => withoutRawText(m, now)));
      pruned += todo.length;
    }
    const last = page[page.length - 1]!;
    after = { at: new Date(last.publishedAt), id: last._id };
    if (page.length < BATCH) break;
  }
  return { scanned, pruned, cutoff };
}
