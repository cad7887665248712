import type { IncomingMessage } from 'node:http';
import { PLAY_APP_ID, PLAY_BUSY_APP_ID, playReviews, type DemoPlayReview } from '../data/googleplay.js';
import { send, TYPES } from '../lib/http.js';
import type { Route } from './env.js';

const ts = (d: Date) => [Math.floor(d.getTime() / 1000), (d.getTime() % 1000) * 1_000_000];

/** One review row as the UsvDTd RPC returns it: a positional array (id, user, score, text, time, thumbs, reply, version). */
function row(r: DemoPlayReview): unknown[] {
  const out: unknown[] = [
    r.id,
    [r.user, [null, 2, null, [null, null, `https://play-lh.googleusercontent.example/a/${r.id.slice(0, 8)}`]]],
    r.score,
    null,
    r.text,
    ts(r.at),
    r.thumbsUp,
    r.reply ? [null, r.reply.text, ts(r.reply.at)] : null,
    null,
    null,
    r.version ?? null,
    null,
    null,
  ];
  return out;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => resolve(body));
  });
}

/** The UsvDTd request: `f.req=[[["UsvDTd","[null,null,[2,sort,[count,null,token],null,[]],[appId,7]]",null,"generic"]]]`. */
function parseRequest(form: string): { appId: string; count: number; token: string | null } | null {
  try {
    const freq = new URLSearchParams(form).get('f.req');
    const outer = JSON.parse(freq ?? '') as unknown[][][];
    const call = outer[0]![0]!;
    if (call[0] !== 'UsvDTd') return null;
    const inner = JSON.parse(String(call[1])) as [null, null, [number, number, [number, null, string | null]], [string, number]];
    return { appId: inner[3][0], count: inner[2][2][0], token: inner[2][2][2] };
  } catch {
    return null;
  }
}

const hits = new WeakMap<object, Set<string>>();

/**
 * `POST /_/PlayStoreUi/data/batchexecute?rpcids=UsvDTd`: Google Play's review RPC as the Play web app calls it. The
 * answer starts with `)]}'`, then a JSON envelope whose `wrb.fr` entry holds the payload as a JSON *string*:
 * `[[review rows…], [null, nextToken]]`; the last page has no token; an unknown app gets a null payload. Review
 * rows are positional arrays; the app version and the developer reply are `null` where missing.
 * `com.pixelpost.busy` answers each page's first request with 429 and `Retry-After: 1`.
 */
export const playBatchRoute: Route = {
  pattern: /^\/_\/PlayStoreUi\/data\/batchexecute$/,
  methods: ['POST'],
  handle(ctx, env) {
    if (ctx.req.method !== 'POST') return send(ctx, 405, TYPES.text, 'Method not allowed\n', { allow: 'POST' });
    void readBody(ctx.req).then((form) => {
      const req = parseRequest(form);
      if (!req) return send(ctx, 400, TYPES.text, 'Bad Request\n');
      const offset = req.token ? Number(/^CsgB(\d+)$/.exec(req.token)?.[1] ?? NaN) : 0;
      if (req.appId === PLAY_BUSY_APP_ID) {
        const seen = hits.get(env) ?? new Set<string>();
        hits.set(env, seen);
        const key = String(req.token);
        if (!seen.has(key)) {
          seen.add(key);
          return send(ctx, 429, TYPES.text, 'Too Many Requests\n', { 'retry-after': '1' });
        }
      }
      let payload: string | null = null;
      if ((req.appId === PLAY_APP_ID || req.appId === PLAY_BUSY_APP_ID) && Number.isInteger(offset)) {
        const all = playReviews(env.data.now);
        const count = Math.min(200, Math.max(1, req.count));
        const page = all.slice(offset, offset + count);
        const more = offset + count < all.length;
        payload = JSON.stringify([page.map(row), more ? [null, `CsgB${offset + count}`] : null]);
      }
      const envelope = [['wrb.fr', 'UsvDTd', payload, null, null, null, 'generic'], ['di', 42], ['af.httprm', 41, '-3166118245634069425', 8]];
      const body = `)]}'\n\n${JSON.stringify(envelope).length}\n${JSON.stringify(envelope)}\n25\n[["e",4,null,null,${JSON.stringify(envelope).length + 40}]]\n`;
      send(ctx, 200, 'application/json; charset=utf-8', body);
    });
  },
};

/**
 * `/store/apps/details?id=<package>`: the app's Play page; what a crawler reads is its schema.org JSON-LD, a
 * `SoftwareApplication` whose `aggregateRating` gives `ratingValue` and `ratingCount` as strings, as Play writes them.
 */
export const playDetailsRoute: Route = {
  pattern: /^\/store\/apps\/details$/,
  handle(ctx, env) {
    const id = ctx.url.searchParams.get('id');
    if (id !== PLAY_APP_ID && id !== PLAY_BUSY_APP_ID) return send(ctx, 404, TYPES.html, '<!doctype html><title>Not Found</title><p>We\'re sorry, the requested URL was not found on this server.</p>');
    const all = playReviews(env.data.now);
    const avg = all.reduce((s, r) => s + r.score, 0) / all.length;
    const ld = {
      '@context': 'https://schema.org',
      '@type': 'SoftwareApplication',
      name: 'Pixelpost – photo postcards',
      url: `https://play.google.com/store/apps/details?id=${id}`,
      operatingSystem: 'ANDROID',
      applicationCategory: 'PHOTOGRAPHY',
      author: { '@type': 'Person', name: 'Pixelpost Ltd', url: 'https://pixelpost.example' },
      aggregateRating: { '@type': 'AggregateRating', ratingValue: String(avg), ratingCount: String(all.length * 9) },
      offers: [{ '@type': 'Offer', price: '0', priceCurrency: 'USD', availability: 'https://schema.org/InStock' }],
    };
    send(ctx, 200, TYPES.html, `<!doctype html><html lang="en"><head><title>Pixelpost – photo postcards – Apps on Google Play</title><script type="application/ld+json" nonce="x1">${JSON.stringify(ld).replace(/</g, '\\u003c')}</script></head><body><c-wiz><h1>Pixelpost – photo postcards</h1></c-wiz></body></html>`);
  },
};
