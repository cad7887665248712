import { load } from 'cheerio';
import { z } from 'zod';
import type { RawItem } from '../src/domain/index.js';
import type { CrawlContext, CrawlOutcome, SourceCrawler } from './crawler.js';
import { parseAnswer, validItems } from './lib/api-answer.js';
import { brandMatcher } from './lib/brand-match.js';
import { decodeText } from './lib/charset.js';
import { CrawlError } from './lib/errors.js';
import { FeedCursors } from './lib/feed-cursors.js';
import { competitorsOf, engagement, itemBase } from './lib/items.js';
import { idSource } from './lib/id-source.js';
import { RunScope, statusProblem, type CrawlerDeps } from './lib/run-scope.js';

/** Trustpilot's host. A source's `url` replaces it (e.g. the demo site). */
export const TRUSTPILOT_ORIGIN = 'https://www.trustpilot.com';

const opt = <T extends z.ZodType>(t: T) => t.optional().catch(undefined);
const date = z.string().refine((d) => !Number.isNaN(Date.parse(d))).transform((d) => new Date(d));

/** One review of `pageProps.reviews`: an id, a 1–5 rating and a published date are what make it usable. */
const Review = z.object({
  id: z.string().min(1),
  rating: z.number().int().min(1).max(5),
  title: opt(z.string()),
  text: z.string().nullish().transform((t) => t ?? ''),
  likes: opt(z.number().nonnegative()),
  language: opt(z.string()),
  pending: opt(z.boolean()),
  dates: z.object({ publishedDate: date, experiencedDate: opt(date.nullable()), updatedDate: opt(date.nullable()) }),
  consumer: opt(z.object({ id: opt(z.string()), displayName: opt(z.string()), countryCode: opt(z.string().nullable()) }).nullable()),
  labels: opt(z.object({ verification: opt(z.object({ isVerified: opt(z.boolean()) }).nullable()) }).nullable()),
  reply: opt(z.object({ message: z.string(), publishedDate: opt(date) }).nullable()),
});
type Review = z.infer<typeof Review>;

/** `__NEXT_DATA__.props.pageProps` of a business page: the business unit, a page of reviews, the pagination. */
const PageProps = z.object({
  props: z.object({
    pageProps: z.object({
      businessUnit: opt(
        z.object({
          displayName: opt(z.string()),
          identifyingName: opt(z.string()),
          trustScore: opt(z.number()),
          numberOfReviews: opt(z.number().int().nonnegative()),
        }),
      ),
      reviews: z.array(z.unknown()),
      filters: opt(z.object({ pagination: opt(z.object({ currentPage: opt(z.number()), totalPages: opt(z.number()) })) })),
    }),
  }),
});

function pageUrl(origin: string, domain: string, page: number): string {
  const q = new URLSearchParams({ ...(page > 1 ? { page: String(page) } : {}), sort: 'recency' });
  return `${origin}/review/${encodeURIComponent(domain)}?${q}`;
}

/** The JSON in `<script id="__NEXT_DATA__">`, or a parse error naming what is missing. */
function nextData(html: string, url: string): unknown {
  const raw = load(html)('script#__NEXT_DATA__').first().text();
  if (!raw.trim()) throw new CrawlError('parse', 'no __NEXT_DATA__ script on the page (not a Trustpilot business page, or a bot wall)', url);
  try {
    return JSON.parse(raw);
  } catch (err) {
    throw new CrawlError('parse', `__NEXT_DATA__ is not valid JSON: ${(err as Error).message}`, url);
  }
}

function toItem(scope: RunScope, r: Review, origin: string, domain: string): RawItem {
  const item: RawItem = {
    ...itemBase(scope),
    externalId: r.id,
    url: `${origin}/reviews/${r.id}`,
    author: { ...(r.consumer?.displayName ? { name: r.consumer.displayName } : {}), ...(r.consumer?.id ? { url: `${origin}/users/${r.consumer.id}` } : {}) },
    text: r.text.trim(),
    rating: { value: r.rating, best: 5, worst: 1 },
    publishedAt: r.dates.publishedDate,
    engagement: engagement({ likes: r.likes }),
    competitors: [],
    meta: {
      business: domain,
      verified: r.labels?.verification?.isVerified ?? false,
      country: r.consumer?.countryCode ?? null,
      experiencedAt: r.dates.experiencedDate ? r.dates.experiencedDate.toISOString() : null,
    },
  };
  if (r.title?.trim()) item.title = r.title.trim();
  if (r.language) item.lang = r.language;
  if (r.reply?.message.trim()) item.reply = { text: r.reply.message.trim(), ...(r.reply.publishedDate ? { at: r.reply.publishedDate } : {}) };
  return item;
}

async function crawl(ctx: CrawlContext, deps: CrawlerDeps): Promise<CrawlOutcome> {
  const scope = new RunScope(ctx, deps);
  const source = idSource(ctx, scope, TRUSTPILOT_ORIGIN, 'a trustpilot source needs business domains (ids: ["example.com"])');
  if (!source) return scope.outcome([]);
  const { origin, ids: domains } = source;
  const matcher = brandMatcher(ctx.brand);
  const cursors = new FeedCursors(ctx);
  const { maxPages, maxItems } = ctx.source.limits;
  const items: RawItem[] = [];

  for (const domain of domains) {
    // Stored documents take no "." in field names: the domain's dots are escaped in its cursor key.
    const key = domain.replace(/%/g, '%25').replace(/\./g, '%2E');
    const feed = cursors.feed(key);
    for (let page = 1; !scope.aborted && scope.pages < maxPages && items.length < maxItems; page += 1) {
      const url = pageUrl(origin, domain, page);
      let props: z.infer<typeof PageProps>['props']['pageProps'];
      try {
        const res = await scope.fetch(url, { headers: { accept: 'text/html' } });
        // Past the last page Trustpilot answers 404: the end, not a failure.
        if (page > 1 && res.status === 404) {
          cursors.completed(key);
          break;
        }
        const problem = statusProblem(res);
        if (problem) throw problem;
        props = parseAnswer(PageProps, nextData(decodeText(res.body, res.headers['content-type']), url), url, 'Trustpilot business page (__NEXT_DATA__)').props.pageProps;
      } catch (err) {
        scope.fail(err, url, 'parse');
        break;
      }
      scope.pageDone(url, items.length);
      const unit = props.businessUnit;
      if (page === 1 && unit && typeof unit.trustScore === 'number' && unit.trustScore > 0) {
        scope.sawRating({
          item: `trustpilot:${domain}`,
          ratingValue: unit.trustScore,
          bestRating: 5,
          worstRating: 1,
          ...(unit.numberOfReviews !== undefined ? { reviewCount: unit.numberOfReviews } : {}),
          url: `${origin}/review/${domain}`,
        });
      }
      const pageItems = validItems(Review, props.reviews)
        .items.filter((r) => !r.pending)
        .map((r) => toItem(scope, r, origin, domain));
      for (const item of pageItems) {
        if (!feed.observe(item.externalId!, item.publishedAt) || items.length >= maxItems) continue;
        item.competitors = competitorsOf(matcher, item);
        items.push(item);
      }
      const pagination = props.filters?.pagination;
      const last = pagination?.totalPages !== undefined ? page >= pagination.totalPages : props.reviews.length === 0;
      if (last || props.reviews.length === 0 || feed.reachedSeen(pageItems)) {
        cursors.completed(key);
        break;
      }
    }
  }
  if (scope.pages >= maxPages) scope.note(`stopped at limits.maxPages (${maxPages})`);
  if (items.length >= maxItems) scope.note(`stopped at limits.maxItems (${maxItems})`);
  return scope.outcome(items, scope.pages > 0 ? cursors.nextCursor(scope.collectedAt) : undefined);
}

/** A `trustpilot` crawler; `deps` are for tests. */
export function createTrustpilotCrawler(deps: CrawlerDeps = {}): SourceCrawler {
  return { kind: 'trustpilot', crawl: (ctx) => crawl(ctx, deps) };
}

/**
 * A business's Trustpilot reviews from its public pages (`/review/<domain>?sort=recency&page=N`), read from the data
 * the page embeds for its own rendering (`<script id="__NEXT_DATA__">`): stars, title, text, author, dates, likes,
 * the company's reply; the TrustScore and review count as the business's rating snapshot. Source: `ids` (the
 * business domains, as in the page's URL), `url` (default Trustpilot).
 */
export const trustpilotCrawler: SourceCrawler = createTrustpilotCrawler();
