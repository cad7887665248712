import { SUBREDDITS } from '../corpus/reddit.js';
import type { DemoComment, DemoRedditPost } from '../data/types.js';
import { esc } from '../lib/html.js';
import { sendJson, notFound, type RouteContext } from '../lib/http.js';
import { shortId } from '../lib/prng.js';
import { compileQuery, intParam } from '../lib/query.js';
import type { Route, SiteEnv } from './env.js';

/** Reddit's OAuth budget: 1000 requests per 10-minute window. The demo reports it but never enforces it. */
const RATE_BUDGET = 1000;
const RATE_WINDOW_MS = 600_000;

function slug(title: string): string {
  const full = title.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  if (full.length <= 50) return full;
  const cut = full.slice(0, 50);
  return cut.slice(0, Math.max(cut.lastIndexOf('_'), 1));
}

function permalink(p: DemoRedditPost): string {
  return `/r/${p.sub}/comments/${p.id}/${slug(p.title)}/`;
}

/** Reddit's `*_html` fields: markdown rendered to HTML, then HTML-escaped again. */
function mdHtml(text: string, selfPost: boolean): string {
  const inner = `<div class="md">${text.split(/\n{2,}/).map((t) => `<p>${esc(t)}</p>`).join('\n')}\n</div>`;
  return esc(selfPost ? `<!-- SC_OFF -->${inner}<!-- SC_ON -->` : inner);
}

function countComments(cs: DemoComment[]): number {
  return cs.reduce((n, c) => n + 1 + countComments(c.replies), 0);
}

function authorFields(author: string): Record<string, unknown> {
  return author === '[deleted]' ? { author } : { author, author_fullname: `t2_${shortId(`u|${author}`).slice(0, 8)}` };
}

function postData(origin: string, p: DemoRedditPost): Record<string, unknown> {
  const link = p.link ? (p.link.startsWith('/') ? `${origin}${p.link}` : p.link) : null;
  const created = p.createdAt.getTime() / 1000;
  return {
    approved_at_utc: null,
    subreddit: p.sub,
    selftext: p.selftext,
    selftext_html: p.selftext ? mdHtml(p.selftext, true) : null,
    ...authorFields(p.author),
    title: p.title,
    subreddit_name_prefixed: `r/${p.sub}`,
    subreddit_id: `t5_${shortId(`sub|${p.sub}`).slice(0, 6)}`,
    name: `t3_${p.id}`,
    id: p.id,
    score: p.score,
    ups: p.score,
    downs: 0,
    upvote_ratio: Math.round((0.78 + (p.score % 20) / 100) * 100) / 100,
    num_comments: countComments(p.comments),
    created,
    created_utc: created,
    is_self: !link,
    domain: link ? new URL(link).host : `self.${p.sub}`,
    url: link ?? `${origin}${permalink(p)}`,
    permalink: permalink(p),
    thumbnail: link ? 'default' : 'self',
    over_18: false,
    stickied: false,
    locked: false,
    link_flair_text: null,
    distinguished: null,
    ...(p.crosspostOf ? { crosspost_parent: `t3_${p.crosspostOf}` } : {}),
  };
}

function listing(children: unknown[], after: string | null, before: string | null, dist: number | null): unknown {
  return { kind: 'Listing', data: { after, dist, modhash: '', geo_filter: '', children, before } };
}

function commentThing(post: DemoRedditPost, c: DemoComment, parent: string, depth: number): unknown {
  const created = c.createdAt.getTime() / 1000;
  return {
    kind: 't1',
    data: {
      subreddit: post.sub, subreddit_id: `t5_${shortId(`sub|${post.sub}`).slice(0, 6)}`,
      id: c.id, name: `t1_${c.id}`, parent_id: parent, link_id: `t3_${post.id}`,
      ...authorFields(c.author),
      body: c.body, body_html: mdHtml(c.body, false),
      score: c.score, ups: c.score, downs: 0, created, created_utc: created, depth,
      is_submitter: c.author === post.author && c.author !== '[deleted]',
      permalink: `${permalink(post)}${c.id}/`, distinguished: null, stickied: false,
      replies: c.replies.length ? listing(c.replies.map((r) => commentThing(post, r, `t1_${c.id}`, depth + 1)), null, null, null) : '',
    },
  };
}

function rateHeaders(env: SiteEnv): Record<string, string> {
  const nowMs = Date.now();
  if (nowMs - env.rate.windowStart >= RATE_WINDOW_MS) env.rate = { windowStart: nowMs, used: 0 };
  env.rate.used += 1;
  const reset = Math.ceil((env.rate.windowStart + RATE_WINDOW_MS - nowMs) / 1000);
  return {
    'x-ratelimit-remaining': `${Math.max(0, RATE_BUDGET - env.rate.used)}.0`,
    'x-ratelimit-used': String(env.rate.used),
    'x-ratelimit-reset': String(reset),
  };
}

function canonicalSub(name: string): string | undefined {
  return SUBREDDITS.find((s) => s.toLowerCase() === name.toLowerCase());
}

const WINDOWS: Record<string, number> = { hour: 3600, day: 86_400, week: 604_800, month: 2_592_000, year: 31_536_000 };

/** Pages a sorted list the way Reddit does: by `after` / `before` fullnames and `limit` (default 25, max 100). */
function sendListing(ctx: RouteContext, env: SiteEnv, posts: DemoRedditPost[]): void {
  const limit = intParam(ctx.url.searchParams.get('limit'), 25, 1, 100);
  const after = ctx.url.searchParams.get('after');
  const before = ctx.url.searchParams.get('before');
  const names = posts.map((p) => `t3_${p.id}`);
  let start = 0;
  let end = Math.min(posts.length, limit);
  if (after) {
    const i = names.indexOf(after);
    start = i < 0 ? posts.length : i + 1;
    end = Math.min(posts.length, start + limit);
  } else if (before) {
    const i = names.indexOf(before);
    end = i < 0 ? 0 : i;
    start = Math.max(0, end - limit);
  }
  const page = posts.slice(start, end);
  const children = page.map((p) => ({ kind: 't3', data: postData(ctx.origin, p) }));
  const nextAfter = end < posts.length && page.length ? `t3_${page[page.length - 1]!.id}` : null;
  const prevBefore = start > 0 && page.length ? `t3_${page[0]!.id}` : null;
  sendJson(ctx, listing(children, nextAfter, prevBefore, children.length), rateHeaders(env));
}

/** `/search.json` and `/r/<sub>/search.json`: Reddit search listings (`restrict_sr=1` keeps it to the sub). */
export const redditSearchRoute: Route = {
  pattern: /^(?:\/r\/([A-Za-z0-9_]+))?\/search(?:\.json|\/\.json)$/,
  handle(ctx, env) {
    const [subParam] = ctx.params;
    const sub = subParam ? canonicalSub(subParam) : undefined;
    if (subParam && !sub) return sendJson(ctx, { reason: 'banned', message: 'Not Found', error: 404 }, rateHeaders(env), 404);
    const sp = ctx.url.searchParams;
    const restrict = ['1', 'on', 'true'].includes((sp.get('restrict_sr') ?? '').toLowerCase());
    const match = compileQuery(sp.get('q'));
    const window = WINDOWS[sp.get('t') ?? ''];
    const since = window ? env.data.now.getTime() / 1000 - window : -Infinity;
    let posts = env.data.redditPosts.filter((p) =>
      (!sub || !restrict || p.sub === sub) && p.createdAt.getTime() / 1000 >= since && match(`${p.title}\n${p.selftext}`));
    if (sp.get('sort') === 'top') posts = [...posts].sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
    sendListing(ctx, env, posts);
  },
};

/** `/r/<sub>/new.json`: newest posts of a subreddit. */
export const redditNewRoute: Route = {
  pattern: /^\/r\/([A-Za-z0-9_]+)\/new(?:\.json|\/\.json)$/,
  handle(ctx, env) {
    const sub = canonicalSub(ctx.params[0] ?? '');
    if (!sub) return sendJson(ctx, { reason: 'banned', message: 'Not Found', error: 404 }, rateHeaders(env), 404);
    sendListing(ctx, env, env.data.redditPosts.filter((p) => p.sub === sub));
  },
};

/** `/r/<sub>/comments/<id>[/<slug>][/].json`: `[post listing, comment listing]`. */
export const redditCommentsRoute: Route = {
  pattern: /^\/r\/([A-Za-z0-9_]+)\/comments\/([a-z0-9]+)(?:\/[A-Za-z0-9_]*)?\/?\.json$/,
  handle(ctx, env) {
    const [subName = '', id] = ctx.params;
    const post = env.data.redditPosts.find((p) => p.id === id && p.sub.toLowerCase() === subName.toLowerCase());
    if (!post) return notFound(ctx);
    const postListing = listing([{ kind: 't3', data: postData(ctx.origin, post) }], null, null, 1);
    // Like Reddit, the thread answer holds only part of a big thread; the rest sits in a `more` stub of comment ids.
    const shown = post.comments.slice(0, THREAD_TOP_LEVEL).map((c) => commentThing(post, c, `t3_${post.id}`, 0));
    const rest = post.comments.slice(THREAD_TOP_LEVEL);
    const stub = rest.length
      ? [{ kind: 'more', data: { count: rest.length, name: `t1_${rest[0]!.id}`, id: rest[0]!.id, parent_id: `t3_${post.id}`, depth: 0, children: rest.map((c) => c.id) } }]
      : [];
    const comments = listing([...shown, ...stub], null, null, null);
    sendJson(ctx, [postListing, comments], rateHeaders(env));
  },
};

/** Top-level comments a thread answer shows before the rest go into a `more` stub (Reddit's cap is ~200; the demo's threads are small). */
export const THREAD_TOP_LEVEL = 2;
/** Reddit's limit on the ids of one `/api/morechildren` call. */
const MORECHILDREN_MAX = 100;

/**
 * `/api/morechildren.json?api_type=json&link_id=t3_<id>&children=<id>,<id>…`: the comments a `more` stub names (at
 * most 100 ids a call; more than that → 400 as Reddit answers), each with its replies, as one flat list of `t1`
 * things (`replies: ""`, `parent_id` says where each belongs), wrapped in `{json:{errors:[], data:{things}}}`.
 */
export const redditMoreChildrenRoute: Route = {
  pattern: /^\/api\/morechildren(?:\.json)?\/?$/,
  handle(ctx, env) {
    const linkId = (ctx.url.searchParams.get('link_id') ?? '').replace(/^t3_/, '');
    const ids = (ctx.url.searchParams.get('children') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    if (ids.length > MORECHILDREN_MAX) return sendJson(ctx, { json: { errors: [['TOO_MANY_CHILDREN', 'too many children', 'children']] } }, rateHeaders(env), 400);
    const post = env.data.redditPosts.find((p) => p.id === linkId);
    if (!post) return sendJson(ctx, { json: { errors: [], data: { things: [] } } }, rateHeaders(env));
    const things: unknown[] = [];
    const walk = (c: DemoComment, parent: string, depth: number) => {
      const thing = commentThing(post, c, parent, depth) as { data: Record<string, unknown> };
      thing.data.replies = '';
      things.push(thing);
      for (const r of c.replies) walk(r, `t1_${c.id}`, depth + 1);
    };
    for (const c of post.comments) if (ids.includes(c.id)) walk(c, `t3_${post.id}`, 0);
    sendJson(ctx, { json: { errors: [], data: { things } } }, rateHeaders(env));
  },
};
