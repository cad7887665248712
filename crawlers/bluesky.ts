import { z } from 'zod';
import type { RawItem } from '../src/domain/index.js';
import type { CrawlContext, CrawlOutcome, SourceCrawler } from './crawler.js';
import { parseAnswer, validItems } from './lib/api-answer.js';
import { brandMatcher, queryDroppedNote } from './lib/brand-match.js';
import { CrawlError } from './lib/errors.js';
import { FeedCursors } from './lib/feed-cursors.js';
import { engagement, itemBase, matchMention, searchTerms } from './lib/items.js';
import { RunScope, statusProblem, type CrawlerDeps } from './lib/run-scope.js';

/** The public AppView: search without a login where it allows it. */
export const BLUESKY_PUBLIC = 'https://public.api.bsky.app';
/** Where an app password logs in (the PDS entryway), which then answers the search for the account. */
export const BLUESKY_LOGIN = 'https://bsky.social';
export const BLUESKY_ID_ENV = 'BLUESKY_IDENTIFIER';
export const BLUESKY_PASSWORD_ENV = 'BLUESKY_APP_PASSWORD';
const PAGE_SIZE = 100;

const opt = <T extends z.ZodType>(t: T) => t.optional().catch(undefined);
const count = opt(z.number().nonnegative());

/** A `PostView`: `uri`, the author's handle and a record with text and a parsable `createdAt` make it usable. */
const Post = z.object({
  uri: z.string().startsWith('at://'),
  author: z.object({ did: opt(z.string()), handle: z.string().min(1), displayName: opt(z.string()) }),
  record: z.object({
    text: z.string(),
    createdAt: z.string().refine((d) => !Number.isNaN(Date.parse(d))),
    langs: opt(z.array(z.string())),
  }),
  replyCount: count,
  repostCount: count,
  likeCount: count,
  quoteCount: count,
});
type Post = z.infer<typeof Post>;
const SearchPage = z.object({ posts: z.array(z.unknown()), cursor: opt(z.string()), hitsTotal: count });
const Session = z.object({ accessJwt: z.string().min(1) });

/** A cursor key without the dots and `$` stored documents refuse in field names. */
const keyOf = (term: string) => term.replace(/%/g, '%25').replace(/\./g, '%2E').replace(/\$/g, '%24');

function toItem(scope: RunScope, p: Post): RawItem {
  const rkey = p.uri.split('/').pop()!;
  const item: RawItem = {
    ...itemBase(scope),
    externalId: p.uri,
    url: `https://bsky.app/profile/${p.author.handle}/post/${rkey}`,
    author: { ...(p.author.displayName ? { name: p.author.displayName } : {}), handle: `@${p.author.handle}`, url: `https://bsky.app/profile/${p.author.handle}` },
    text: p.record.text.trim(),
    publishedAt: new Date(p.record.createdAt),
    engagement: engagement({ likes: p.likeCount, shares: (p.repostCount ?? 0) + (p.quoteCount ?? 0), comments: p.replyCount }),
    competitors: [],
    meta: { did: p.author.did ?? null },
  };
  const lang = p.record.langs?.[0];
  if (lang) item.lang = lang.slice(0, 2).toLowerCase();
  return item;
}

/** Logs in with an app password when the environment holds one; the access token, or undefined without credentials. */
async function login(scope: RunScope, origin: string, passwordEnv: string): Promise<string | undefined> {
  const identifier = process.env[BLUESKY_ID_ENV]?.trim();
  const password = process.env[passwordEnv]?.trim();
  if (!identifier || !password) return undefined;
  const url = `${origin}/xrpc/com.atproto.server.createSession`;
  const res = await scope.fetch(url, { method: 'POST', body: JSON.stringify({ identifier, password }), headers: { 'content-type': 'application/json', accept: 'application/json' } });
  if (res.status === 401) throw new CrawlError('blocked', `Bluesky refused the login of ${identifier} (check ${BLUESKY_ID_ENV} and ${passwordEnv}: an app password)`, url);
  const problem = statusProblem(res);
  if (problem) throw problem;
  let data: unknown;
  try {
    data = JSON.parse(res.body.toString('utf8'));
  } catch {
    throw new CrawlError('parse', 'unexpected answer: the login answer is not JSON', url);
  }
  return parseAnswer(Session, data, url, 'Bluesky session').accessJwt;
}

async function crawl(ctx: CrawlContext, deps: CrawlerDeps): Promise<CrawlOutcome> {
  const scope = new RunScope(ctx, deps);
  const passwordEnv = ctx.source.keyEnv ?? BLUESKY_PASSWORD_ENV;
  const hasLogin = !!process.env[BLUESKY_ID_ENV]?.trim() && !!process.env[passwordEnv]?.trim();
  // With a login, search goes through the PDS that issued the session; without one, through the public AppView.
  const origin = (ctx.source.url ?? (hasLogin ? BLUESKY_LOGIN : BLUESKY_PUBLIC)).replace(/\/+$/, '');
  const terms = ctx.source.query ? [ctx.source.query] : searchTerms(ctx.brand.aliases.length ? ctx.brand.aliases : [ctx.brand.name]).map((a) => (/\s/.test(a) ? `"${a}"` : a));
  const matcher = brandMatcher(ctx.brand);
  const cursors = new FeedCursors(ctx);
  const { maxPages, maxItems } = ctx.source.limits;
  const items: RawItem[] = [];
  const kept = new Set<string>();

  let token: string | undefined;
  try {
    token = await login(scope, origin, passwordEnv);
  } catch (err) {
    scope.fail(err, origin, 'parse');
    return scope.outcome([]);
  }
  const headers: Record<string, string> = { accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };

  for (const term of terms) {
    const feed = cursors.feed(keyOf(term));
    let cursor: string | undefined;
    let stop = false;
    while (!scope.aborted && scope.pages < maxPages && items.length < maxItems) {
      const params = new URLSearchParams({ q: term, limit: String(PAGE_SIZE), sort: 'latest', ...(cursor ? { cursor } : {}) });
      const url = `${origin}/xrpc/app.bsky.feed.searchPosts?${params}`;
      let page: z.infer<typeof SearchPage>;
      try {
        const res = await scope.fetch(url, { headers });
        if ((res.status === 401 || res.status === 403) && !token) {
          throw new CrawlError('blocked', `Bluesky asks for a login to search (HTTP ${res.status}): set ${BLUESKY_ID_ENV} and ${passwordEnv} (an app password)`, url);
        }
        const problem = statusProblem(res);
        if (problem) throw problem;
        page = parseAnswer(SearchPage, JSON.parse(res.body.toString('utf8')), url, 'Bluesky searchPosts answer');
      } catch (err) {
        scope.fail(err instanceof SyntaxError ? new CrawlError('parse', `invalid JSON: ${err.message}`, url) : err, url, 'parse');
        stop = err instanceof CrawlError && err.failureClass === 'blocked';
        break;
      }
      scope.pageDone(url, items.length);
      const pageItems = validItems(Post, page.posts).items.map((p) => toItem(scope, p));
      for (const item of pageItems) {
        if (!feed.observe(item.externalId!, item.publishedAt) || kept.has(item.externalId!) || items.length >= maxItems) continue;
        if (!matchMention(matcher, item)) continue;
        kept.add(item.externalId!);
        items.push(item);
      }
      if (!page.cursor || page.posts.length === 0 || feed.reachedSeen(pageItems)) {
        cursors.completed(keyOf(term));
        break;
      }
      cursor = page.cursor;
    }
    if (stop) break;
  }
  if (scope.pages >= maxPages) scope.note(`stopped at limits.maxPages (${maxPages})`);
  const dropped = queryDroppedNote(matcher);
  if (dropped) scope.note(dropped);
  return scope.outcome(items, scope.pages > 0 ? cursors.nextCursor(scope.collectedAt) : undefined);
}

/** A `bluesky` crawler; `deps` are for tests. */
export function createBlueskyCrawler(deps: CrawlerDeps = {}): SourceCrawler {
  return { kind: 'bluesky', crawl: (ctx) => crawl(ctx, deps) };
}

/**
 * Posts matching the brand from Bluesky's `app.bsky.feed.searchPosts` (newest first, 100 a page, cursor paging), with
 * likes, reposts + quotes and replies. Search runs on the public AppView, or, when `BLUESKY_IDENTIFIER` and an app
 * password (`BLUESKY_APP_PASSWORD`, or the variable `keyEnv` names) are set, through a session on `bsky.social`.
 * Source: `query` (default the brand's aliases, one search each), `url` (the service).
 */
export const blueskyCrawler: SourceCrawler = createBlueskyCrawler();
