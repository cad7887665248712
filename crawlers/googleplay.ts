import { load } from 'cheerio';
import { z } from 'zod';
import type { RawItem } from '../src/domain/index.js';
import type { CrawlContext, CrawlOutcome, SourceCrawler } from './crawler.js';
import { brandMatcher } from './lib/brand-match.js';
import { CrawlError } from './lib/errors.js';
import { FeedCursors } from './lib/feed-cursors.js';
import { competitorsOf, engagement, itemBase } from './lib/items.js';
import { decodeText } from './lib/charset.js';
import { idSource } from './lib/id-source.js';
import { RunScope, statusProblem, type CrawlerDeps } from './lib/run-scope.js';
import { extractReviews } from './lib/schema-org/reviews.js';

/** Google Play's host. A source's `url` replaces it (e.g. the demo site). */
export const PLAY_ORIGIN = 'https://play.google.com';
const PAGE_SIZE = 150;
/** Google's sort codes for the review RPC: 2 is newest first. */
const NEWEST = 2;

/** Seconds and nanoseconds, as Google's timestamps come. */
const Stamp = z.tuple([z.number(), z.number().nullish()]).rest(z.unknown());
const at = (s: z.infer<typeof Stamp>) => new Date(s[0] * 1000 + Math.floor((s[1] ?? 0) / 1_000_000));

/**
 * One review row of the UsvDTd RPC, a positional array: [0] id, [1][0] user name, [2] stars, [4] text, [5] time,
 * [6] thumbs up, [7] the developer reply `[_, text, time]` or null, [10] app version or null.
 */
const Row = z
  .array(z.unknown())
  .min(6)
  .transform((r, ctx) => {
    const id = typeof r[0] === 'string' && r[0] ? r[0] : undefined;
    const score = typeof r[2] === 'number' && r[2] >= 1 && r[2] <= 5 ? r[2] : undefined;
    const time = Stamp.safeParse(r[5]);
    if (!id || !score || !time.success) {
      ctx.addIssue({ code: 'custom', message: 'not a review row (id, score or time missing)' });
      return z.NEVER;
    }
    const user = Array.isArray(r[1]) && typeof r[1][0] === 'string' ? r[1][0] : undefined;
    const reply = Array.isArray(r[7]) && typeof r[7][1] === 'string' && r[7][1].trim() ? { text: r[7][1].trim(), stamp: Stamp.safeParse(r[7][2]) } : undefined;
    return {
      id,
      user,
      score,
      text: typeof r[4] === 'string' ? r[4] : '',
      at: at(time.data),
      thumbsUp: typeof r[6] === 'number' ? r[6] : 0,
      version: typeof r[10] === 'string' && r[10] ? r[10] : null,
      reply: reply ? { text: reply.text, ...(reply.stamp.success ? { at: at(reply.stamp.data) } : {}) } : undefined,
    };
  });
type Row = z.output<typeof Row>;

/** The request body the Play web app sends for a page of reviews. */
function requestBody(appId: string, token: string | null): string {
  const inner = JSON.stringify([null, null, [2, NEWEST, [PAGE_SIZE, null, token], null, []], [appId, 7]]);
  return `f.req=${encodeURIComponent(JSON.stringify([[['UsvDTd', inner, null, 'generic']]]))}`;
}

/** The RPC's payload out of Google's `)]}'`-prefixed, length-framed envelope: `[rows, [_, token]]`, or null. */
export function playPayload(body: string, url: string): { rows: unknown[]; token: string | null } | null {
  const text = body.replace(/^\)\]\}'\s*/, '');
  for (const line of text.split('\n')) {
    if (!line.startsWith('[')) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      continue;
    }
    if (!Array.isArray(parsed)) continue;
    const entry = parsed.find((e): e is unknown[] => Array.isArray(e) && e[0] === 'wrb.fr' && e[1] === 'UsvDTd');
    if (!entry) continue;
    if (typeof entry[2] !== 'string') return null; // Google's answer for an app it does not know
    let payload: unknown;
    try {
      payload = JSON.parse(entry[2]);
    } catch (err) {
      throw new CrawlError('parse', `the review payload is not JSON: ${(err as Error).message}`, url);
    }
    if (!Array.isArray(payload)) throw new CrawlError('parse', 'unexpected answer: the review payload is not a list', url);
    const rows = Array.isArray(payload[0]) ? payload[0] : [];
    const next = Array.isArray(payload[1]) && typeof payload[1][1] === 'string' ? payload[1][1] : null;
    return { rows, token: next };
  }
  throw new CrawlError('parse', 'unexpected answer: no UsvDTd result in the batchexecute answer', url);
}

/** The app's average rating from its details page's schema.org `AggregateRating`, kept as a snapshot; a failure is a note. */
async function detailsRating(scope: RunScope, origin: string, appId: string, gl: string): Promise<void> {
  const url = `${origin}/store/apps/details?id=${encodeURIComponent(appId)}&hl=en&gl=${gl}`;
  try {
    const res = await scope.fetch(url, { headers: { accept: 'text/html' } });
    const problem = statusProblem(res);
    if (problem) throw problem;
    scope.pageDone(url, 0);
    const agg = extractReviews(load(decodeText(res.body, res.headers['content-type'])), url).aggregates[0];
    if (!agg) return;
    scope.sawRating({ item: `googleplay:${appId}:${gl}`, ratingValue: agg.value, bestRating: agg.best, worstRating: 1, ...(agg.count !== undefined ? { reviewCount: agg.count } : {}), url });
  } catch (err) {
    scope.note(`the Google Play average rating of ${appId} in "${gl}" could not be read (${(err as Error).message})`);
  }
}

function toItem(scope: RunScope, r: Row, appId: string, lang: string): RawItem {
  const item: RawItem = {
    ...itemBase(scope),
    externalId: r.id,
    url: `https://play.google.com/store/apps/details?id=${encodeURIComponent(appId)}&reviewId=${encodeURIComponent(r.id)}`,
    author: r.user ? { name: r.user } : {},
    text: r.text.trim(),
    rating: { value: r.score, best: 5, worst: 1 },
    publishedAt: r.at,
    engagement: engagement({ upvotes: r.thumbsUp }),
    competitors: [],
    meta: { appId, version: r.version, lang },
  };
  if (r.reply) item.reply = r.reply;
  return item;
}

async function crawl(ctx: CrawlContext, deps: CrawlerDeps): Promise<CrawlOutcome> {
  const scope = new RunScope(ctx, deps);
  const source = idSource(ctx, scope, PLAY_ORIGIN, 'a googleplay source needs app ids (ids: ["com.example.app"])');
  if (!source) return scope.outcome([]);
  const { origin, ids: apps } = source;
  // Storefronts double as Play's country (gl); reviews are read in English (hl) unless the source says otherwise.
  const countries = ctx.source.storefronts?.length ? ctx.source.storefronts : ['us'];
  const matcher = brandMatcher(ctx.brand);
  const cursors = new FeedCursors(ctx);
  const { maxPages, maxItems } = ctx.source.limits;
  const items: RawItem[] = [];

  for (const appId of apps) {
    for (const gl of countries) {
      if (!scope.aborted && scope.pages < maxPages) await detailsRating(scope, origin, appId, gl);
      const key = `${appId}:${gl}`.replace(/\./g, '%2E');
      const feed = cursors.feed(key);
      let token: string | null = null;
      while (!scope.aborted && scope.pages < maxPages && items.length < maxItems) {
        const url = `${origin}/_/PlayStoreUi/data/batchexecute?rpcids=UsvDTd&hl=en&gl=${gl}`;
        let page: ReturnType<typeof playPayload>;
        try {
          const res = await scope.fetch(url, { method: 'POST', body: requestBody(appId, token), headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' } });
          const problem = statusProblem(res);
          if (problem) throw problem;
          page = playPayload(res.body.toString('utf8'), url);
        } catch (err) {
          scope.fail(err, url, 'parse');
          break;
        }
        scope.pageDone(url, items.length);
        if (!page) {
          scope.failures.push({ class: 'content', url: `https://play.google.com/store/apps/details?id=${appId}`, reason: `Google Play has no app "${appId}" (or no reviews of it in "${gl}")` });
          break;
        }
        const rows: Row[] = [];
        for (const raw of page.rows) {
          const parsed = Row.safeParse(raw);
          if (parsed.success) rows.push(parsed.data);
        }
        const pageItems = rows.map((r) => toItem(scope, r, appId, 'en'));
        for (const item of pageItems) {
          if (!feed.observe(item.externalId!, item.publishedAt) || items.length >= maxItems) continue;
          item.competitors = competitorsOf(matcher, item);
          items.push(item);
        }
        if (!page.token || page.rows.length === 0 || feed.reachedSeen(pageItems)) {
          cursors.completed(key);
          break;
        }
        token = page.token;
      }
    }
  }
  if (scope.pages >= maxPages) scope.note(`stopped at limits.maxPages (${maxPages})`);
  if (items.length >= maxItems) scope.note(`stopped at limits.maxItems (${maxItems})`);
  return scope.outcome(items, scope.pages > 0 ? cursors.nextCursor(scope.collectedAt) : undefined);
}

/** A `googleplay` crawler; `deps` are for tests. */
export function createGooglePlayCrawler(deps: CrawlerDeps = {}): SourceCrawler {
  return { kind: 'googleplay', crawl: (ctx) => crawl(ctx, deps) };
}

/**
 * Google Play reviews of an app, newest first, through the RPC the Play web app itself calls (`batchexecute`,
 * `UsvDTd`, 150 a page with a continuation token): stars, text, time, thumbs up, app version and the developer's
 * reply. Play has no public review API for other people's apps; this is the page's own data, read politely.
 * Source: `ids` (package names), `storefronts` (countries, default `us`), `url`.
 */
export const googlePlayCrawler: SourceCrawler = createGooglePlayCrawler();
