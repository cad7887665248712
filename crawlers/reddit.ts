import { z } from 'zod';
import type { RawItem } from '../src/domain/index.js';
import type { CrawlContext, CrawlOutcome, SourceCrawler } from './crawler.js';
import { parseAnswer, validItems } from './lib/api-answer.js';
import { brandMatcher, queryDroppedNote } from './lib/brand-match.js';
import type { FetchedResponse } from './lib/http-fetch.js';
import { FeedCursors } from './lib/feed-cursors.js';
import { htmlToText } from './lib/html-text.js';
import { engagement, itemBase, matchMention, searchTerms } from './lib/items.js';
import { RunScope, type CrawlerDeps } from './lib/run-scope.js';

/** Reddit's public JSON origin. A source's `url` replaces it (e.g. the demo site). */
export const REDDIT_ORIGIN = 'https://www.reddit.com';
const PAGE_SIZE = 100;
const DELETED = new Set(['[deleted]', '[removed]']);

/** An optional field: absent, or a wrong type, reads as undefined rather than costing the item. */
const opt = <T extends z.ZodType>(t: T) => t.optional().catch(undefined);

const RedditPost = z.object({
  id: z.string().min(1),
  name: z.string().catch(''),
  title: opt(z.string()),
  selftext: opt(z.string()),
  selftext_html: opt(z.string()),
  author: opt(z.string()),
  created_utc: z.number().finite(),
  permalink: opt(z.string()),
  url: opt(z.string()),
  score: opt(z.number()),
  num_comments: opt(z.number()),
  subreddit: opt(z.string()),
  over_18: opt(z.boolean()),
  crosspost_parent: opt(z.string()),
});
type RedditPost = z.infer<typeof RedditPost>;
const RedditComment = z.object({
  id: z.string().min(1),
  name: z.string().catch(''),
  body: opt(z.string()),
  author: opt(z.string()),
  created_utc: z.number().finite(),
  permalink: opt(z.string()),
  score: opt(z.number()),
  subreddit: opt(z.string()),
  link_id: opt(z.string()),
  /** A Listing of replies, or "" when there are none. */
  replies: z.unknown().optional(),
});
type RedditComment = z.infer<typeof RedditComment>;

/** A Listing: `{kind: "Listing", data: {after, children: [{kind, data}]}}`; children are checked one by one. */
const Listing = z.object({
  kind: z.literal('Listing'),
  data: z.object({ after: z.string().nullish().catch(null), children: z.array(z.unknown()) }),
});
type Listing = z.infer<typeof Listing>;
const PostThing = z.object({ kind: z.literal('t3'), data: RedditPost });
const CommentThing = z.object({ kind: z.literal('t1'), data: RedditComment });
/** A thread's JSON: the post's Listing, then the comments' Listing. */
const Thread = z.tuple([z.unknown(), Listing], z.unknown());

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

/** A `more` stub: the ids of comments the thread answer left out (`children` empty: "continue this thread"). */
const MoreThing = z.object({ kind: z.literal('more'), data: z.object({ children: z.array(z.string()).catch([]) }) });
/** `/api/morechildren`'s answer: `{json: {errors, data: {things: [t1 and more things, flat]}}}`. */
const MoreChildren = z.object({ json: z.object({ data: z.object({ things: z.array(z.unknown()) }).optional() }) });
/** Reddit's limit on the comment ids of one `/api/morechildren` call. */
export const REDDIT_MORECHILDREN_MAX = 100;

/** Every comment of a thread, replies included, depth-first, and the ids its `more` stubs hold; other shapes skipped. */
function flattenComments(children: unknown[], out: RedditComment[] = [], more: string[] = [], depth = 0): { comments: RedditComment[]; more: string[] } {
  if (depth > 50) return { comments: out, more };
  for (const { data } of validItems(MoreThing, children.filter((c) => (c as { kind?: unknown })?.kind === 'more')).items) more.push(...data.children);
  for (const { data } of validItems(CommentThing, children.filter((c) => (c as { kind?: unknown })?.kind !== 'more')).items) {
    out.push(data);
    const replies = Listing.safeParse(data.replies);
    if (replies.success) flattenComments(replies.data.data.children, out, more, depth + 1);
  }
  return { comments: out, more };
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
      let listing: Listing;
      try {
        listing = parseAnswer(Listing, (await scope.fetchJson(url)).data, url, 'Reddit Listing');
      } catch (err) {
        scope.fail(err, url, 'parse');
        break;
      }
      scope.pageDone(url, items.length);
      const posts = validItems(PostThing, listing.data.children).items.map((c) => c.data);
      for (const post of posts) {
        const item = postItem(scope, post, origin);
        if (!feed.observe(item.externalId!, item.publishedAt)) continue;
        keep(item);
        if ((post.num_comments ?? 0) > 0 && post.permalink) threads.push(post);
      }
      after = listing.data.after ?? null;
      if (!after || posts.length === 0 || feed.reachedSeen(posts.map((p) => ({ publishedAt: new Date(p.created_utc * 1000) })))) {
        cursors.completed(sub || 'all');
        break;
      }
    }
  }

  /**
   * The comments behind a thread's `more` stubs, through `/api/morechildren` (at most 100 ids a call, each call a page
   * of the budget); stubs inside the answer are followed too. What the budget leaves unread is noted, never hidden.
   */
  const expandMore = async (post: RedditPost, ids: string[], thread: string) => {
    const pending = [...new Set(ids.filter((id) => id && id !== '_'))];
    const asked = new Set<string>();
    while (pending.length) {
      if (scope.aborted || scope.pages >= maxPages || items.length >= maxItems) {
        scope.note(`${pending.length} comment(s) behind "more" stubs of thread ${post.id} not read (limits.maxPages / maxItems)`);
        return;
      }
      const batch = pending.splice(0, REDDIT_MORECHILDREN_MAX);
      batch.forEach((id) => asked.add(id));
      const params = new URLSearchParams({ api_type: 'json', link_id: `t3_${post.id}`, children: batch.join(','), sort: 'new', raw_json: '1' });
      const url = `${origin}/api/morechildren.json?${params}`;
      const things = parseAnswer(MoreChildren, (await scope.fetchJson(url)).data, url, 'Reddit morechildren answer').json.data?.things ?? [];
      scope.pageDone(url, items.length);
      const found = flattenComments(things);
      for (const c of found.comments) keep(commentItem(scope, c, origin, post.title), thread);
      pending.push(...found.more.filter((id) => id && id !== '_' && !asked.has(id) && !pending.includes(id)));
    }
  };

  // Comments of new threads: each thread is one request, within the same page budget.
  for (const post of threads) {
    if (scope.aborted || scope.pages >= maxPages || items.length >= maxItems) {
      scope.note(`comments of ${threads.length - threads.indexOf(post)} threads not read (limits.maxPages / maxItems)`);
      break;
    }
    const url = `${origin}${post.permalink!.replace(/\/+$/, '')}.json?limit=500&sort=new&raw_json=1`;
    try {
      const [, comments] = parseAnswer(Thread, (await scope.fetchJson(url)).data, url, 'Reddit thread ([post Listing, comments Listing])');
      scope.pageDone(url, items.length);
      const thread = `${post.title ?? ''}\n${post.selftext ?? ''}`;
      const found = flattenComments(comments.data.children);
      for (const c of found.comments) keep(commentItem(scope, c, origin, post.title), thread);
      await expandMore(post, found.more, thread);
    } catch (err) {
      scope.fail(err, url, 'parse');
    }
  }
  const dropped = queryDroppedNote(matcher);
  if (dropped) scope.note(dropped);
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
