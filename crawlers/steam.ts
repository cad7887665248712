import { z } from 'zod';
import type { RawItem } from '../src/domain/index.js';
import type { CrawlContext, CrawlOutcome, SourceCrawler } from './crawler.js';
import { parseAnswer, validItems } from './lib/api-answer.js';
import { brandMatcher } from './lib/brand-match.js';
import { FeedCursors } from './lib/feed-cursors.js';
import { competitorsOf, engagement, itemBase } from './lib/items.js';
import { idSource } from './lib/id-source.js';
import { RunScope, type CrawlerDeps } from './lib/run-scope.js';

/** Steam's store host. A source's `url` replaces it (e.g. the demo site). */
export const STEAM_ORIGIN = 'https://store.steampowered.com';
/** Steam serves at most 100 reviews a request. */
const PAGE_SIZE = 100;

const opt = <T extends z.ZodType>(t: T) => t.optional().catch(undefined);
const count = opt(z.number().nonnegative());

/** One review of `appreviews`; an id, a creation time and the thumb are what make it usable. */
const Review = z.object({
  recommendationid: z.union([z.string().min(1), z.number().transform(String)]),
  author: opt(
    z.object({
      steamid: opt(z.string()),
      playtime_forever: count,
      playtime_at_review: count,
      num_reviews: count,
    }),
  ),
  language: opt(z.string()),
  review: z.string().nullish().transform((s) => s ?? ''),
  timestamp_created: z.number().positive(),
  timestamp_updated: count,
  voted_up: z.boolean(),
  votes_up: count,
  votes_funny: count,
  // A string ("0.523…") on most reviews, a bare 0 on others.
  weighted_vote_score: opt(z.union([z.number(), z.string()]).transform(Number)),
  comment_count: count,
  steam_purchase: opt(z.boolean()),
  received_for_free: opt(z.boolean()),
  written_during_early_access: opt(z.boolean()),
  developer_response: opt(z.string()),
  timestamp_dev_responded: count,
});
type Review = z.infer<typeof Review>;

/** The answer: `success` 1, the reviews, the next cursor; `query_summary` has the totals on the first page only. */
const Answer = z.object({
  success: z.literal(1, { message: 'success is not 1 (an unknown app id?)' }),
  query_summary: opt(
    z.object({
      num_reviews: count,
      review_score_desc: opt(z.string()),
      total_positive: count,
      total_negative: count,
      total_reviews: count,
    }),
  ),
  reviews: z.array(z.unknown()).nullish().transform((r) => r ?? []),
  cursor: z.string().nullish(),
});

/** Steam's language names to ISO 639-1, for the common ones; others are left to the analyzer's detection. */
const LANGS: Record<string, string> = {
  english: 'en', german: 'de', french: 'fr', spanish: 'es', latam: 'es', italian: 'it', portuguese: 'pt', brazilian: 'pt',
  russian: 'ru', polish: 'pl', dutch: 'nl', swedish: 'sv', danish: 'da', finnish: 'fi', norwegian: 'no', turkish: 'tr',
  czech: 'cs', hungarian: 'hu', ukrainian: 'uk', japanese: 'ja', koreana: 'ko', schinese: 'zh', tchinese: 'zh',
};

const fromUnix = (s: number) => new Date(s * 1000);

function reviewsUrl(origin: string, appId: string, cursor: string): string {
  const q = new URLSearchParams({ json: '1', filter: 'recent', language: 'all', purchase_type: 'all', num_per_page: String(PAGE_SIZE), cursor });
  return `${origin}/appreviews/${encodeURIComponent(appId)}?${q}`;
}

function toItem(scope: RunScope, r: Review, appId: string): RawItem {
  const steamid = r.author?.steamid;
  const profile = steamid ? `https://steamcommunity.com/profiles/${steamid}` : undefined;
  const item: RawItem = {
    ...itemBase(scope),
    externalId: `${appId}:${r.recommendationid}`,
    url: profile ? `${profile}/recommended/${appId}/` : `https://store.steampowered.com/app/${appId}/#app_reviews_hash`,
    author: { ...(steamid ? { handle: steamid } : {}), ...(profile ? { url: profile } : {}) },
    text: r.review.trim(),
    // A thumb, not stars: up is the top of a two-point scale (5 stars), down the bottom (1 star).
    rating: { value: r.voted_up ? 1 : 0, best: 1, worst: 0 },
    publishedAt: fromUnix(r.timestamp_created),
    // Votes marked "helpful" are upvotes; "funny" votes and the helpfulness score stay in meta.
    engagement: engagement({ upvotes: r.votes_up, comments: r.comment_count }),
    competitors: [],
    meta: {
      appId,
      recommendationId: r.recommendationid,
      votedUp: r.voted_up,
      playtimeAtReviewMin: r.author?.playtime_at_review ?? null,
      playtimeForeverMin: r.author?.playtime_forever ?? null,
      votesFunny: r.votes_funny ?? 0,
      weightedVoteScore: Number.isFinite(r.weighted_vote_score) ? r.weighted_vote_score! : null,
      steamPurchase: r.steam_purchase ?? null,
      receivedForFree: r.received_for_free ?? null,
      earlyAccess: r.written_during_early_access ?? false,
      ...(r.timestamp_updated && r.timestamp_updated > r.timestamp_created ? { editedAt: fromUnix(r.timestamp_updated).toISOString() } : {}),
    },
  };
  const lang = r.language ? LANGS[r.language] : undefined;
  if (lang) item.lang = lang;
  if (r.developer_response?.trim()) {
    item.reply = { text: r.developer_response.trim(), ...(r.timestamp_dev_responded ? { at: fromUnix(r.timestamp_dev_responded) } : {}) };
  }
  return item;
}

async function crawl(ctx: CrawlContext, deps: CrawlerDeps): Promise<CrawlOutcome> {
  const scope = new RunScope(ctx, deps);
  const source = idSource(ctx, scope, STEAM_ORIGIN, 'a steam source needs Steam app ids (ids: [...])');
  if (!source) return scope.outcome([]);
  const { origin, ids: apps } = source;
  const matcher = brandMatcher(ctx.brand);
  const cursors = new FeedCursors(ctx);
  const { maxPages, maxItems } = ctx.source.limits;
  const items: RawItem[] = [];

  for (const appId of apps) {
    const feed = cursors.feed(appId);
    let cursor = '*';
    const used = new Set<string>();
    while (!scope.aborted && scope.pages < maxPages && items.length < maxItems) {
      const url = reviewsUrl(origin, appId, cursor);
      let answer: z.infer<typeof Answer>;
      try {
        answer = parseAnswer(Answer, (await scope.fetchJson(url)).data, url, 'Steam appreviews answer');
      } catch (err) {
        scope.fail(err, url, 'parse');
        break;
      }
      scope.pageDone(url, items.length);
      const s = answer.query_summary;
      if (cursor === '*' && s?.total_reviews) {
        // What the store page shows: "Mostly Positive (72% of 130)". Kept as percent positive out of 100.
        scope.sawRating({
          item: `steam:${appId}`,
          ratingValue: Math.round(((s.total_positive ?? 0) / s.total_reviews) * 1000) / 10,
          bestRating: 100,
          worstRating: 0,
          reviewCount: s.total_reviews,
          url: `https://store.steampowered.com/app/${appId}/`,
        });
      }
      const pageItems = validItems(Review, answer.reviews).items.map((r) => toItem(scope, r, appId));
      for (const item of pageItems) {
        if (!feed.observe(item.externalId!, item.publishedAt) || items.length >= maxItems) continue;
        item.competitors = competitorsOf(matcher, item);
        items.push(item);
      }
      used.add(cursor);
      const next = answer.cursor ?? '';
      // The end: no reviews, or the cursor handed back unchanged (Steam repeats the last one forever).
      if (answer.reviews.length === 0 || !next || used.has(next) || feed.reachedSeen(pageItems)) {
        cursors.completed(appId);
        break;
      }
      cursor = next;
    }
  }
  if (scope.pages >= maxPages) scope.note(`stopped at limits.maxPages (${maxPages})`);
  if (items.length >= maxItems) scope.note(`stopped at limits.maxItems (${maxItems})`);
  return scope.outcome(items, scope.pages > 0 ? cursors.nextCursor(scope.collectedAt) : undefined);
}

/** A `steam` crawler; `deps` are for tests. */
export function createSteamCrawler(deps: CrawlerDeps = {}): SourceCrawler {
  return { kind: 'steam', crawl: (ctx) => crawl(ctx, deps) };
}

/**
 * Steam store reviews from the public `appreviews/<appid>?json=1` JSON, newest first (`filter=recent`), 100 a request,
 * cursor paging (URL-encoded; the end is an empty page or a repeated cursor). Voted up/down is the rating, playtime and
 * helpful/funny votes are kept, a developer response is the review's reply, and the summary's percent positive is the
 * app's rating snapshot. Source: `ids` (app ids), `url` (default the Steam store).
 */
export const steamCrawler: SourceCrawler = createSteamCrawler();
