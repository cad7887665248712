import type { RawItem } from '../src/domain/index.js';
import type { CrawlContext, CrawlOutcome, SourceCrawler } from './crawler.js';
import { brandMatcher } from './lib/brand-match.js';
import { runCheerioCrawl } from './lib/cheerio-crawl.js';
import { Incremental } from './lib/incremental.js';
import { contentHashId, stableUrlId } from './lib/item-id.js';
import { competitorsOf, itemBase } from './lib/items.js';
import { findNextPage } from './lib/pagination.js';
import { RunScope, type CrawlerDeps } from './lib/run-scope.js';
import { extractReviews, type ExtractedReview } from './lib/schema-org/reviews.js';

function toItem(scope: RunScope, r: ExtractedReview, pageUrl: string): RawItem {
  const url = r.url ? safeUrl(r.url, pageUrl) : r.id && /^https?:/i.test(r.id) ? r.id : pageUrl;
  const externalId = r.id
    ? stableUrlId(r.id, pageUrl)
    : r.url
      ? stableUrlId(url, pageUrl)
      : contentHashId(new URL(pageUrl).hostname, r.author.name, r.publishedAt?.toISOString(), r.title, r.text);
  const meta: NonNullable<RawItem['meta']> = { markup: r.markup };
  if (r.itemReviewed) meta.itemReviewed = r.itemReviewed;
  if (r.unrated) meta.unrated = true;
  if (!r.publishedAt) meta.dateMissing = true;
  const item: RawItem = {
    ...itemBase(scope),
    externalId,
    url,
    author: r.author,
    text: r.text || r.title || '',
    publishedAt: r.publishedAt ?? scope.collectedAt,
    competitors: [],
    meta,
  };
  if (r.title) item.title = r.title;
  if (r.rating) item.rating = r.rating;
  if (r.lang) item.lang = r.lang;
  if (r.upvotes !== undefined) item.engagement = { likes: 0, shares: 0, comments: 0, upvotes: r.upvotes, views: 0 };
  return item;
}

function safeUrl(href: string, base: string): string {
  try {
    return new URL(href, base).href;
  } catch {
    return base;
  }
}

async function crawl(ctx: CrawlContext, deps: CrawlerDeps): Promise<CrawlOutcome> {
  const scope = new RunScope(ctx, deps);
  const start = ctx.source.url;
  if (!start) {
    scope.failures.push({ class: 'content', url: '', reason: 'a reviews-jsonld source needs a url' });
    return scope.outcome([]);
  }
  const matcher = brandMatcher(ctx.brand);
  const incremental = new Incremental(ctx);
  const items: RawItem[] = [];
  const ids = new Set<string>();
  const maxItems = ctx.source.limits.maxItems;
  let reachedSeen = false;
  let lastPage = false;
  let firstPage = true;

  await runCheerioCrawl({
    scope,
    startUrls: [start],
    shouldStop: () => items.length >= maxItems,
    onPage: ({ $, finalUrl }) => {
      const page = extractReviews($, finalUrl);
      for (const reason of page.errors) scope.failures.push({ class: 'parse', url: finalUrl, reason });
      for (const agg of page.aggregates) {
        scope.sawRating({
          item: agg.itemReviewed ?? finalUrl,
          ratingValue: agg.value,
          bestRating: agg.best,
          ...(agg.count !== undefined ? { reviewCount: agg.count } : {}),
          url: finalUrl,
        });
      }
      const isFirst = firstPage;
      firstPage = false;
      if (page.reviews.length === 0) {
        lastPage = true;
        if (isFirst) {
          const agg = page.aggregates[0];
          scope.failures.push({
            class: 'content',
            url: finalUrl,
            reason: agg
              ? `no individual reviews on the page, only an AggregateRating (${agg.value}/${agg.best}${agg.count !== undefined ? ` from ${agg.count}` : ''})`
              : 'no schema.org Review found on the page (JSON-LD or microdata)',
          });
        }
        return [];
      }
      const pageItems = page.reviews.map((r) => toItem(scope, r, finalUrl));
      for (const item of pageItems) {
        if (ids.has(item.externalId!)) continue;
        ids.add(item.externalId!);
        if (!incremental.observe(item.externalId!, item.publishedAt)) continue;
        item.competitors = competitorsOf(matcher, item);
        if (items.length < maxItems) items.push(item);
      }
      scope.ctx.onProgress?.({ pages: scope.pages, items: items.length, url: finalUrl });
      if (incremental.reachedSeen(pageItems)) {
        reachedSeen = true;
        return [];
      }
      const next = findNextPage($, finalUrl);
      if (!next) lastPage = true;
      return next ? [next] : [];
    },
  });

  if (items.length >= maxItems) scope.note(`stopped at limits.maxItems (${maxItems})`);
  const fetchedAny = scope.pages > 0 && (items.length > 0 || ids.size > 0);
  const complete = reachedSeen || (lastPage && !scope.missedPages);
  return scope.outcome(items, fetchedAny ? incremental.nextCursor(complete, scope.collectedAt) : undefined);
}

/** A `reviews-jsonld` crawler; `deps` are for tests and benchmarks (network allowances, limiter, retry timing). */
export function createReviewsJsonLdCrawler(deps: CrawlerDeps = {}): SourceCrawler {
  return { kind: 'reviews-jsonld', crawl: (ctx) => crawl(ctx, deps) };
}

/**
 * Reviews from any page carrying schema.org `Review` / `AggregateRating` in JSON-LD or microdata (product, local
 * business, app, book pages), following `rel=next` or page-parameter pagination on crawlee's CheerioCrawler.
 */
export const reviewsJsonLdCrawler: SourceCrawler = createReviewsJsonLdCrawler();
