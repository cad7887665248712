import type { IncomingMessage } from 'node:http';
import type { DemoToot } from '../data/types.js';
import { hash32 } from '../lib/prng.js';
import { compileQuery, intParam } from '../lib/query.js';
import { sendJson } from '../lib/http.js';
import type { Route } from './env.js';

const limited = new WeakMap<object, Set<string>>();

/** The demo's Bluesky login (an app password, as Bluesky users create them in Settings). */
export const BSKY_DEMO_LOGIN = { identifier: 'earshot.demo.example', password: 'demo-app-pass-word' };
const TOKEN = 'demo-access-jwt';

/** A base32-sortable record key from the post's id (TIDs grow with time). */
const rkey = (t: DemoToot) => `3l${BigInt(t.id).toString(32).padStart(11, '2').slice(-11)}`;
const didOf = (user: string) => `did:plc:${(hash32(`bsky|${user}`) >>> 0).toString(32).padStart(7, 'a')}demo${user.length}`;
const handleOf = (user: string) => `${user.replace(/[^a-z0-9]/gi, '').toLowerCase()}.bsky.social`;

function postView(t: DemoToot, i: number): Record<string, unknown> {
  const did = didOf(t.user);
  return {
    uri: `at://${did}/app.bsky.feed.post/${rkey(t)}`,
    cid: `bafyreid${(hash32(t.id) >>> 0).toString(32)}`,
    author: {
      did,
      handle: handleOf(t.user),
      // Missing on some profiles, as on Bluesky.
      ...(i % 4 === 1 ? {} : { displayName: t.user }),
      labels: [],
      createdAt: '2024-02-01T10:00:00.000Z',
    },
    record: {
      $type: 'app.bsky.feed.post',
      createdAt: t.createdAt.toISOString(),
      ...(i % 5 === 2 ? {} : { langs: [t.lang] }),
      text: t.text.replace(/<[^>]+>/g, ''),
    },
    // Counts are absent on brand-new posts.
    ...(i % 6 === 3 ? {} : { replyCount: t.replies, repostCount: t.boosts, likeCount: t.favs, quoteCount: 0 }),
    indexedAt: t.createdAt.toISOString(),
    labels: [],
  };
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      try {
        resolve(JSON.parse(body));
      } catch {
        resolve(undefined);
      }
    });
  });
}

/** `POST /xrpc/com.atproto.server.createSession` `{identifier, password}` → `{accessJwt, refreshJwt, did, handle}`. */
export const bskyCreateSessionRoute: Route = {
  pattern: /^\/xrpc\/com\.atproto\.server\.createSession$/,
  methods: ['POST'],
  handle(ctx) {
    if (ctx.req.method !== 'POST') return sendJson(ctx, { error: 'InvalidRequest', message: 'Method Not Allowed' }, {}, 405);
    void readJson(ctx.req).then((body) => {
      const b = body as { identifier?: string; password?: string } | undefined;
      if (b?.identifier !== BSKY_DEMO_LOGIN.identifier || b?.password !== BSKY_DEMO_LOGIN.password) {
        return sendJson(ctx, { error: 'AuthenticationRequired', message: 'Invalid identifier or password' }, {}, 401);
      }
      sendJson(ctx, { accessJwt: TOKEN, refreshJwt: 'demo-refresh-jwt', handle: b.identifier, did: 'did:plc:earshotdemo', active: true });
    });
  },
};

/**
 * `GET /xrpc/app.bsky.feed.searchPosts?q=&limit=&cursor=&sort=latest`: Bluesky's post search over the demo's
 * statuses (the Mastodon corpus, cross-posted). Without `Authorization: Bearer <accessJwt>` it answers 403, as the
 * public AppView does for search; 25 posts by default, at most 100; `cursor` is an offset, absent on the last page.
 */
export const bskySearchRoute: Route = {
  pattern: /^\/xrpc\/app\.bsky\.feed\.searchPosts$/,
  handle(ctx, env) {
    if (ctx.req.headers.authorization !== `Bearer ${TOKEN}`) {
      return sendJson(ctx, { error: 'Forbidden', message: 'Search requires authentication' }, {}, 403);
    }
    const q = ctx.url.searchParams;
    if (!q.get('q')) return sendJson(ctx, { error: 'InvalidRequest', message: 'Error: Params must have the property "q"' }, {}, 400);
    // Searches for Pixelpost meet Bluesky's rate limit first: 429 with RateLimit-* headers and Retry-After, once per page.
    if (/pixelpost/i.test(q.get('q') ?? '')) {
      const seen = limited.get(env) ?? new Set<string>();
      limited.set(env, seen);
      const key = `${q.get('q')}|${q.get('cursor') ?? ''}`;
      if (!seen.has(key)) {
        seen.add(key);
        return sendJson(ctx, { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' }, { 'retry-after': '1', 'ratelimit-limit': '3000', 'ratelimit-remaining': '0', 'ratelimit-reset': String(Math.floor(Date.now() / 1000) + 1), 'ratelimit-policy': '3000;w=300' }, 429);
      }
    }
    const match = compileQuery(q.get('q'));
    const limit = intParam(q.get('limit'), 25, 1, 100);
    const offset = intParam(q.get('cursor'), 0, 0, 1_000_000);
    const hits = env.data.toots.filter((t) => match(t.text.replace(/<[^>]+>/g, '')));
    const page = hits.slice(offset, offset + limit);
    const next = offset + limit < hits.length ? String(offset + limit) : undefined;
    sendJson(ctx, { ...(next ? { cursor: next } : {}), hitsTotal: hits.length, posts: page.map((t) => postView(t, env.data.toots.indexOf(t))) });
  },
};
