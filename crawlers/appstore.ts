import { z } from 'zod';
import type { RawItem } from '../src/domain/index.js';
import type { CrawlContext, CrawlOutcome, SourceCrawler } from './crawler.js';
import { parseAnswer, validItems } from './lib/api-answer.js';
import { brandMatcher } from './lib/brand-match.js';
import { parseDate } from './lib/dates.js';
import { FeedCursors } from './lib/feed-cursors.js';
import { competitorsOf, engagement, itemBase } from './lib/items.js';
import { idSource } from './lib/id-source.js';
import { RunScope, type CrawlerDeps } from './lib/run-scope.js';

/** Apple's feed host. A source's `url` replaces it (e.g. the demo site). */
export const APPSTORE_ORIGIN = 'https://itunes.apple.com';
/** Apple serves at most 10 pages of 50 reviews per app and storefront. */
export const APPSTORE_MAX_PAGES = 10;
const PAGE_SIZE = 50;

/** `{label: "…"}`, Apple's wrapper around every value; anything else counts as absent. */
const Label = z.object({ label: z.unknown() }).optional().catch(undefined);
type Label = z.infer<typeof Label>;
const Link = z.object({ attributes: z.object({ href: z.string().optional().catch(undefined) }).optional().catch(undefined) });
const Entry = z.object({
  id: Label,
  author: z.object({ name: Label, uri: Label }).optional().catch(undefined),
  updated: Label,
  'im:rating': Label,
  'im:version': Label,
  'im:voteSum': Label,
  'im:voteCount': Label,
  title: Label,
  content: Label,
  link: z.union([Link, z.array(Link.nullable().catch(null))]).optional().catch(undefined),
});
type Entry = z.infer<typeof Entry>;
/** The review feed: a `feed` object; `entry` is absent without reviews, an object for one review, else a list. */
const ReviewFeed = z.object({
  feed: z.object({ entry: z.union([z.array(z.unknown()), z.record(z.string(), z.unknown())]).optional() }),
});

const label = (v: Label | undefined) => (typeof v?.label === 'string' ? v.label.trim() : undefined);
const count = (v: Label | undefined) => {
  const n = Number(label(v));
  return Number.isFinite(n) ? n : undefined;
};

/** The iTunes Search API's lookup answer: the app's average rating and how many ratings, per storefront. */
const Lookup = z.object({
  resultCount: z.number().optional(),
  results: z.array(
    z.object({
      trackId: z.union([z.number(), z.string()]).optional(),
      trackName: z.string().optional(),
      averageUserRating: z.number().optional().catch(undefined),
      userRatingCount: z.number().int().nonnegative().optional().catch(undefined),
      trackViewUrl: z.string().optional(),
    }),
  ),
});

/** The storefront's average rating from `lookup?id=&country=`, kept as a rating snapshot; a failure is a note. */
async function lookupRating(scope: RunScope, origin: string, appId: string, cc: string): Promise<void> {
  const url = `${origin}/lookup?id=${encodeURIComponent(appId)}&country=${encodeURIComponent(cc)}&entity=software`;
  try {
    const app = parseAnswer(Lookup, (await scope.fetchJson(url)).data, url, 'iTunes lookup answer').results[0];
    scope.pageDone(url, 0);
    if (app?.averageUserRating === undefined || !(app.averageUserRating > 0)) return;
    scope.sawRating({
      item: `appstore:${appId}:${cc}`,
      ratingValue: app.averageUserRating,
      bestRating: 5,
      worstRating: 1,
      ...(app.userRatingCount !== undefined ? { reviewCount: app.userRatingCount } : {}),
      url: app.trackViewUrl ?? `https://apps.apple.com/${cc}/app/id${appId}`,
    });
  } catch (err) {
    scope.note(`the App Store average rating of app ${appId} in "${cc}" could not be read (${(err as Error).message})`);
  }
}

function feedUrl(origin: string, cc: string, appId: string, page: number): string {
  return `${origin}/${cc}/rss/customerreviews/page=${page}/id=${encodeURIComponent(appId)}/sortby=mostrecent/json`;
}

function toItem(scope: RunScope, e: Entry, appId: string, cc: string): RawItem | null {
  const id = label(e.id);
  const rating = Number(label(e['im:rating']));
  // Some storefronts' feeds omit `updated`: the review is kept, dated like every undated item (collection time,
  // flagged `dateMissing`), never dropped.
  const publishedAt = parseDate(label(e.updated));
  // Older feeds put the app itself first, as an entry without a rating: not a review.
  if (!id || !Number.isFinite(rating) || rating < 1 || rating > 5) return null;
  const links = Array.isArray(e.link) ? e.link : e.link ? [e.link] : [];
  const href = links.map((l) => l?.attributes?.href).find(Boolean);
  const item: RawItem = {
    ...itemBase(scope),
    externalId: id,
    url: href ?? `https://apps.apple.com/${cc}/app/id${appId}?see-all=reviews`,
    author: { ...(label(e.author?.name) ? { name: label(e.author?.name) } : {}), ...(label(e.author?.uri) ? { url: label(e.author?.uri) } : {}) },
    text: label(e.content) ?? '',
    rating: { value: rating, best: 5, worst: 1 },
    publishedAt: publishedAt ?? scope.collectedAt,
    // `im:voteSum` is how many readers found the review helpful, `im:voteCount` how many voted at all: votes, not views.
    engagement: engagement({ upvotes: count(e['im:voteSum']) }),
    competitors: [],
    meta: {
      appId,
      storefront: cc,
      version: label(e['im:version']) ?? null,
      helpfulVotes: count(e['im:voteSum']) ?? null,
      totalVotes: count(e['im:voteCount']) ?? null,
      ...(publishedAt ? {} : { dateMissing: true }),
    },
  };
  const title = label(e.title);
  if (title) item.title = title;
  return item;
}

async function crawl(ctx: CrawlContext, deps: CrawlerDeps): Promise<CrawlOutcome> {
  const scope = new RunScope(ctx, deps);
  const source = idSource(ctx, scope, APPSTORE_ORIGIN, 'an appstore source needs app ids (ids: [...])');
  if (!source) return scope.outcome([]);
  const { origin, ids: apps } = source;
  const storefronts = (ctx.source.storefronts?.length ? ctx.source.storefronts : ['us']).map((s) => s.toLowerCase());
  const matcher = brandMatcher(ctx.brand);
  const cursors = new FeedCursors(ctx);
  const { maxPages, maxItems } = ctx.source.limits;
  const items: RawItem[] = [];

  for (const appId of apps) {
    for (const cc of storefronts) {
      if (!scope.aborted && scope.pages < maxPages) await lookupRating(scope, origin, appId, cc);
      const key = `${appId}:${cc}`;
      const feed = cursors.feed(key);
      for (let page = 1; page <= APPSTORE_MAX_PAGES; page += 1) {
        if (scope.aborted || scope.pages >= maxPages || items.length >= maxItems) break;
        const url = feedUrl(origin, cc, appId, page);
        let raw: unknown[];
        try {
          const entry = parseAnswer(ReviewFeed, (await scope.fetchJson(url)).data, url, 'App Store review feed').feed.entry;
          raw = Array.isArray(entry) ? entry : entry ? [entry] : []; // one review: an object, not an array
        } catch (err) {
          scope.fail(err, url, 'parse');
          break;
        }
        scope.pageDone(url, items.length);
        const entries: Entry[] = validItems(Entry, raw).items;
        const pageItems = entries.map((e) => toItem(scope, e, appId, cc)).filter((i): i is RawItem => !!i);
        for (const item of pageItems) {
          if (!feed.observe(item.externalId!, item.publishedAt) || items.length >= maxItems) continue;
          item.competitors = competitorsOf(matcher, item);
          items.push(item);
        }
        if (raw.length < PAGE_SIZE || feed.reachedSeen(pageItems)) {
          cursors.completed(key);
          break;
        }
        if (page === APPSTORE_MAX_PAGES) {
          cursors.completed(key); // nothing more is reachable
          scope.note(`App Store caps the review feed at ${APPSTORE_MAX_PAGES} pages (${APPSTORE_MAX_PAGES * PAGE_SIZE} reviews) per storefront: older reviews of app ${appId} in "${cc}" are not reachable`);
        }
      }
    }
  }
  if (scope.pages >= maxPages) scope.note(`stopped at limits.maxPages (${maxPages})`);
  return scope.outcome(items, scope.pages > 0 ? cursors.nextCursor(scope.collectedAt) : undefined);
}

/** An `appstore` crawler; `deps` are for tests. */
export function createAppStoreCrawler(deps: CrawlerDeps = {}): SourceCrawler {
  return { kind: 'appstore', crawl: (ctx) => crawl(ctx, deps) };
}

/**
 * App Store customer reviews from Apple's JSON feed (`im:rating`, `im:version`, 50 a page, at most 10 pages per
 * storefront, the cap reported as a note). Source: `ids` (app ids), `storefronts` (default `us`), `url`.
 */
export const appStoreCrawler: SourceCrawler = createAppStoreCrawler();
