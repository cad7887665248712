import { z } from 'zod';
import type { RawItem } from '../src/domain/index.js';
import type { CrawlContext, CrawlOutcome, SourceCrawler } from './crawler.js';
import { parseAnswer, validItems } from './lib/api-answer.js';
import { brandMatcher, queryDroppedNote } from './lib/brand-match.js';
import { FeedCursors } from './lib/feed-cursors.js';
import { htmlToText } from './lib/html-text.js';
import { engagement, itemBase, matchMention, searchTerms } from './lib/items.js';
import { RunScope, type CrawlerDeps } from './lib/run-scope.js';

/** The public HN Algolia API. A source's `url` replaces it (e.g. the demo site's `<origin>/api/v1`). */
export const HN_API = 'https://hn.algolia.com/api/v1';
const HITS_PER_PAGE = 100;

/** An optional field: a wrong type counts as absent rather than costing the hit. */
const opt = <T extends z.ZodType>(t: T) => t.nullish().catch(null);

/** One hit of `search_by_date` (stories and comments share the shape). */
const HnHit = z.object({
  objectID: z.string().min(1),
  created_at_i: z.number().finite(),
  title: opt(z.string()),
  url: opt(z.string()),
  author: opt(z.string()),
  points: opt(z.number()),
  story_text: opt(z.string()),
  comment_text: opt(z.string()),
  num_comments: opt(z.number()),
  story_id: opt(z.number()),
  story_title: opt(z.string()),
  parent_id: opt(z.number()),
  _tags: z.array(z.string()).optional().catch(undefined),
});
type HnHit = z.infer<typeof HnHit>;

/** A page of `search_by_date`: a `hits` list is what makes it one. */
const HnPage = z.object({
  hits: z.array(z.unknown()),
  nbPages: z.number().optional().catch(undefined),
  page: z.number().optional().catch(undefined),
});

/** `…/search_by_date` for a source url given as the API root or the endpoint itself. */
function endpoint(url: string | undefined): string {
  const base = (url ?? HN_API).replace(/\/+$/, '');
  return /\/search(_by_date)?$/.test(base) ? base.replace(/\/search$/, '/search_by_date') : `${base}/search_by_date`;
}

function toItem(scope: RunScope, hit: HnHit): RawItem | null {
  const isComment = hit._tags?.includes('comment') ?? hit.comment_text != null;
  const text = htmlToText(isComment ? hit.comment_text : hit.story_text);
  const title = isComment ? (hit.story_title ? `Re: ${hit.story_title}` : undefined) : (hit.title ?? undefined);
  if (!text && !title) return null;
  const author = hit.author ? { name: hit.author, handle: hit.author, url: `https://news.ycombinator.com/user?id=${encodeURIComponent(hit.author)}` } : {};
  const item: RawItem = {
    ...itemBase(scope),
    externalId: String(hit.objectID),
    url: `https://news.ycombinator.com/item?id=${encodeURIComponent(hit.objectID)}`,
    author,
    text: text || title || '',
    publishedAt: new Date(hit.created_at_i * 1000),
    engagement: engagement({ upvotes: hit.points, comments: hit.num_comments }),
    competitors: [],
    meta: { type: isComment ? 'comment' : 'story', storyId: hit.story_id ?? null, ...(hit.url ? { link: hit.url } : {}) },
  };
  if (title) item.title = title;
  return item;
}

async function crawl(ctx: CrawlContext, deps: CrawlerDeps): Promise<CrawlOutcome> {
  const scope = new RunScope(ctx, deps);
  const matcher = brandMatcher(ctx.brand);
  const cursors = new FeedCursors(ctx);
  const items: RawItem[] = [];
  const kept = new Set<string>();
  const queries = ctx.source.query ? [ctx.source.query] : searchTerms(ctx.brand.aliases);
  const api = endpoint(ctx.source.url);
  const maxItems = ctx.source.limits.maxItems;
  let oddHits = 0;

  for (const query of queries) {
    const feed = cursors.feed(query);
    const since = feed.boundary ? Math.floor(feed.boundary.getTime() / 1000) : undefined;
    for (let page = 0; ; page += 1) {
      if (scope.aborted || scope.pages >= ctx.source.limits.maxPages || items.length >= maxItems) break;
      const params = new URLSearchParams({ query, tags: '(story,comment)', hitsPerPage: String(HITS_PER_PAGE), page: String(page) });
      // >= and the seen ids (not >) so items in the same second as the last run's newest are not lost
      if (since !== undefined) params.set('numericFilters', `created_at_i>=${since}`);
      const url = `${api}?${params}`;
      let data: z.infer<typeof HnPage>;
      try {
        data = parseAnswer(HnPage, (await scope.fetchJson(url)).data, url, 'HN search page');
      } catch (err) {
        scope.fail(err, url);
        break;
      }
      const { items: hits, skipped } = validItems(HnHit, data.hits);
      oddHits += skipped;
      scope.pageDone(url, items.length);
      for (const hit of hits) {
        const item = toItem(scope, hit);
        if (!item || !feed.observe(item.externalId!, item.publishedAt)) continue;
        if (kept.has(item.externalId!) || !matchMention(matcher, item, hit.story_title ?? '')) continue;
        kept.add(item.externalId!);
        items.push(item);
      }
      const last = data.hits.length === 0 || page + 1 >= (data.nbPages ?? Infinity);
      if (last) {
        cursors.completed(query);
        break;
      }
    }
  }
  if (oddHits) scope.note(`${oddHits} HN hit(s) without an objectID or created_at_i skipped`);
  if (scope.pages >= ctx.source.limits.maxPages) scope.note(`stopped at limits.maxPages (${ctx.source.limits.maxPages})`);
  const dropped = queryDroppedNote(matcher);
  if (dropped) scope.note(dropped);
  return scope.outcome(items, scope.pages > 0 ? cursors.nextCursor(scope.collectedAt) : undefined);
}

/** A `hackernews` crawler; `deps` are for tests. */
export function createHackerNewsCrawler(deps: CrawlerDeps = {}): SourceCrawler {
  return { kind: 'hackernews', crawl: (ctx) => crawl(ctx, deps) };
}

/**
 * Hacker News stories and comments naming the brand, from the Algolia `search_by_date` API (one search per alias,
 * `numericFilters=created_at_i>=…` on incremental runs). Source: `query` (default: the brand's aliases), `url`.
 */
export const hackerNewsCrawler: SourceCrawler = createHackerNewsCrawler();
