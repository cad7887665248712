import type { RawItem } from '../src/domain/index.js';
import type { CrawlContext, CrawlOutcome, SourceCrawler } from './crawler.js';
import { brandMatcher } from './lib/brand-match.js';
import type { FetchedResponse } from './lib/http-fetch.js';
import { FeedCursors } from './lib/feed-cursors.js';
import { htmlToText } from './lib/html-text.js';
import { engagement, itemBase, matchMention, searchTerms } from './lib/items.js';
import { RunScope, type CrawlerDeps } from './lib/run-scope.js';

/** Reddit's public JSON origin. A source's `url` replaces it (e.g. the demo site). */
export const REDDIT_ORIGIN = 'https://www.reddit.com';
const PAGE_SIZE = 100;
const DELETED = new Set(['[deleted]', '[removed]']);

interface Thing<T> {
  kind: string;
  data: T;
}
interface Listing<T> {
  kind: 'Listing';
  data: { after: string | null; children: Thing<T>[] };
}
interface RedditPost {
  id: string;
  name: string;
  title?: string;
  selftext?: string;
  selftext_html?: string | null;
  author?: string;
  created_utc: number;
  permalink?: string;
  url?: string;
  score?: number;
  num_comments?: number;
  subreddit?: string;
  over_18?: boolean;
  crosspost_parent?: string;
}
interface RedditComment {
  id: string;
  name: string;
  body?: string;
  author?: string;
  created_utc: number;
  permalink?: string;
  score?: number;
  subreddit?: string;
  link_id?: string;
  replies?: Listing<RedditComment> | '';
}

const isListing = (v: unknown): v is Listing<unknown> =>
  !!v && typeof v === 'object' && (v as Listing<unknown>).kind === 'Listing' && Array.isArray((v as Listing<unknown>).data?.children);

function authorOf(name: string | undefined, origin: string): RawItem['author'] {
  if (!name || DELETED.has(name)) return {};
  return { name, handle: `u/${name}`, url: `${origin}/user/${encodeURIComponent(name)}` };
}

function postItem(scope: RunScope, p: RedditPost, origin: string): RawItem {
  // selftext is the plain (markdown) body; selftext_html is entity-escaped unless raw_json=1 was honoured.
  const text = p.selftext?.trim() ? p.selftext.trim() : htmlToText(htmlToText(p.selftext_html ?? ''));
  return {
    ...itemBase(scope),
    externalId: p.name || `t3_${p.id}`,
    url: p.permalink ? new URL(p.permalink, origin).href : (p.url ?? origin),
    author: authorOf(p.author, origin),
    title: p.title ?? undefined,
    text: DELETED.has(text.trim()) ? '' : text,
    publishedAt: new Date(p.created_utc * 1000),
    engagement: engagement({ upvotes: p.score, comments: p.num_comments }),
    competitors: [],
    meta: { type: 'post', subreddit: p.subreddit ?? null, authorDeleted: !p.author || DELETED.has(p.author), nsfw: !!p.over_18, ...(p.crosspost_parent ? { crosspostOf: p.crosspost_parent } : {}) },
  };
}

function commentItem(scope: RunScope, c: RedditComment, origin: string, postTitle?: string): RawItem | null {
  const body = (c.body ?? '').trim();
  if (!body || DELETED.has(body)) return null;
  return {
    ...itemBase(scope),
    externalId: c.name || `t1_${c.id}`,
    url: c.permalink ? new URL(c.permalink, origin).href : origin,
    author: authorOf(c.author, origin),
    ...(postTitle ? { title: `Re: ${postTitle}` } : {}),
    text: body,
    publishedAt: new Date(c.created_utc * 1000),
    engagement: engagement({ upvotes: c.score }),
    competitors: [],
    meta: { type: 'comment', subreddit: c.subreddit ?? null, post: c.link_id ?? null, authorDeleted: !c.author || DELETED.has(c.author) },
  };
}

/** Every comment of a thread, replies included, depth-first. */
function flattenComments(listing: unknown, out: RedditComment[] = [], depth = 0): RedditComment[] {
  if (!isListing(listing) || depth > 50) return out;
  for (const child of listing.data.children as Thing<RedditComment>[]) {
    if (child.kind !== 't1' || !child.data) continue;
    out.push(child.data);
    if (child.data.replies) flattenComments(child.data.replies, out, depth + 1);
  }
  return out;
}

/**
 * Honours Reddit's `X-Ratelimit-Remaining` / `X-Ratelimit-Reset` (seconds): when the allowance is spent, requests to
 * the host pause until the window resets.
 */
function honourRateLimit(scope: RunScope) {
  return (res: FetchedResponse) => {
    const remaining = Number(res.headers['x-ratelimit-remaining']);
    const reset = Number(res.headers['x-ratelimit-reset']);
    if (Number.isFinite(remaining) && remaining < 1 && Number.isFinite(reset)) {
      scope.policy.limiter.pauseUntil(new URL(res.url).host, Date.now() + reset * 1000);
      scope.note(`Reddit rate limit reached; paused ${Math.round(reset)}s as X-Ratelimit-Reset asked`);
    }
  };
}

async function crawl(ctx: CrawlContext, deps: CrawlerDeps): Promise<CrawlOutcome> {
  const scope = new RunScope(ctx, deps);
  scope.policy.onResponse = honourRateLimit(scope);
  const origin = (ctx.source.url ?? REDDIT_ORIGIN).replace(/\/+$/, '');
  const matcher = brandMatcher(ctx.brand);
  const cursors = new FeedCursors(ctx);
  const query = ctx.source.query ?? searchTerms(ctx.brand.aliases).map((a) => (/\s/.test(a) ? `"${a}"` : a)).join(' OR ');
  const feeds = ctx.source.ids?.length ? ctx.source.ids : [''];
  const { maxPages, maxItems } = ctx.source.limits;
  const items: RawItem[] = [];
  const kept = new Set<string>();
  const threads: RedditPost[] = [];
  const keep = (item: RawItem | null, context?: string) => {
    if (item && !kept.has(item.externalId!) && matchMention(matcher, item, context) && items.length < maxItems) {
      kept.add(item.externalId!);
      items.push(item);
    }
  };

  for (const sub of feeds) {
    const feed = cursors.feed(sub || 'all');
    let after: string | null = null;
    while (!scope.aborted && scope.pages < maxPages && items.length < maxItems) {
      const params = new URLSearchParams({ q: query, sort: 'new', limit: String(PAGE_SIZE), t: 'all', raw_json: '1' });
      if (sub) params.set('restrict_sr', '1');
      if (after) params.set('after', after);
      const url = `${origin}${sub ? `/r/${encodeURIComponent(sub)}` : ''}/search.json?${params}`;
      let listing: Listing<RedditPost>;
      try {
        const { data } = await scope.fetchJson<unknown>(url);
        if (!isListing(data)) throw new Error('not a Reddit Listing');
        listing = data as Listing<RedditPost>;
      } catch (err) {
        scope.fail(err, url, 'parse');
        break;
      }
      scope.pageDone(url, items.length);
      const posts = listing.data.children.filter((c) => c.kind === 't3' && c.data?.id).map((c) => c.data);
      for (const post of posts) {
        const item = postItem(scope, post, origin);
        if (!feed.observe(item.externalId!, item.publishedAt)) continue;
        keep(item);
        if ((post.num_comments ?? 0) > 0 && post.permalink) threads.push(post);
      }
      after = listing.data.after;
      if (!after || posts.length === 0 || feed.reachedSeen(posts.map((p) => ({ publishedAt: new Date(p.created_utc * 1000) })))) {
        cursors.completed(sub || 'all');
        break;
      }
    }
  }

  // Comments of new threads: each thread is one request, within the same page budget.
  for (const post of threads) {
    if (scope.aborted || scope.pages >= maxPages || items.length >= maxItems) {
      scope.note(`comments of ${threads.length - threads.indexOf(post)} threads not read (limits.maxPages / maxItems)`);
      break;
    }
    const url = `${origin}${post.permalink!.replace(/\/+$/, '')}.json?limit=500&sort=new&raw_json=1`;
    try {
      const { data } = await scope.fetchJson<unknown>(url);
      scope.pageDone(url, items.length);
      const listings = Array.isArray(data) ? data : [];
      const thread = `${post.title ?? ''}\n${post.selftext ?? ''}`;
      for (const c of flattenComments(listings[1])) keep(commentItem(scope, c, origin, post.title), thread);
    } catch (err) {
      scope.fail(err, url, 'parse');
    }
  }
  return scope.outcome(items, scope.pages > 0 ? cursors.nextCursor(scope.collectedAt) : undefined);
}

/** A `reddit` crawler; `deps` are for tests. */
export function createRedditCrawler(deps: CrawlerDeps = {}): SourceCrawler {
  return { kind: 'reddit', crawl: (ctx) => crawl(ctx, deps) };
}

/**
 * Reddit posts and comments naming the brand, from the listing JSON of `search.json` (per subreddit in `ids`, or all
 * of Reddit), newest first, paged by `after`. Source: `ids` (subreddits), `query` (default: aliases ORed), `url`.
 */
export const redditCrawler: SourceCrawler = createRedditCrawler();
