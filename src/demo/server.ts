import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildDataset } from './data/dataset.js';
import { send, TYPES, type RouteContext } from './lib/http.js';
import type { SiteEnv } from './routes/env.js';
import { ROUTES } from './routes/index.js';

/** A running demo site. */
export interface DemoSite {
  /** Origin without trailing slash, e.g. `http://127.0.0.1:41234`. */
  url: string;
  port: number;
  /** Stops listening and drops open keep-alive connections. */
  close(): Promise<void>;
  /** Requests served so far (all routes, including 404s). */
  requests(): number;
}

export interface DemoSiteOptions {
  /** TCP port. Default 0: a free port chosen by the OS. */
  port?: number;
  /** Interface to listen on. Default `127.0.0.1`. */
  host?: string;
  /** Anchor for every relative date in the corpus. Default: today 12:00 UTC. */
  now?: Date;
  /** Extra generated JSON-LD review pages `/bench/page/1..N` (10 reviews each) for benchmarks. Default 0. */
  reviewPages?: number;
}

/** Today at 12:00 UTC: the default `now`, so a day's runs all see the same corpus. */
export function todayNoonUtc(clock = new Date()): Date {
  return new Date(Date.UTC(clock.getUTCFullYear(), clock.getUTCMonth(), clock.getUTCDate(), 12));
}

function validate(opts: DemoSiteOptions): { port: number; host: string; now: Date; reviewPages: number } {
  const port = opts.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`demo site: port must be an integer 0–65535, got ${String(opts.port)}`);
  const reviewPages = opts.reviewPages ?? 0;
  if (!Number.isInteger(reviewPages) || reviewPages < 0 || reviewPages > 1_000_000) {
    throw new RangeError(`demo site: reviewPages must be an integer 0–1000000, got ${String(opts.reviewPages)}`);
  }
  const now = opts.now ?? todayNoonUtc();
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new TypeError('demo site: now must be a valid Date');
  const host = opts.host ?? '127.0.0.1';
  if (typeof host !== 'string' || !host) throw new TypeError('demo site: host must be a non-empty string');
  return { port, host, now, reviewPages };
}

/**
 * Starts the bundled demo site: review pages, feeds and API-shaped JSON for every source kind earshot crawls
 * (routes in `src/demo/ROUTES.md`). Deterministic: the same `now` serves the same bytes (modulo the origin).
 */
export async function startDemoSite(opts: DemoSiteOptions = {}): Promise<DemoSite> {
  const { port, host, now, reviewPages } = validate(opts);
  const env: SiteEnv = { data: buildDataset(now), reviewPages, rate: { windowStart: Date.now(), used: 0 } };
  let count = 0;
  let origin = '';

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    count += 1;
    let url: URL;
    try {
      url = new URL(req.url ?? '/', origin);
    } catch {
      res.writeHead(400, { 'content-type': TYPES.text }).end('Bad request\n');
      return;
    }
    const ctx: RouteContext = { req, res, url, origin, params: [] };
    const extra = req.method !== 'GET' && req.method !== 'HEAD';
    if (extra && !ROUTES.some((r) => r.methods?.includes(req.method ?? '') && r.pattern.test(url.pathname))) {
      return send(ctx, 405, TYPES.text, 'Method not allowed\n', { allow: 'GET, HEAD' });
    }
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      return send(ctx, 400, TYPES.text, 'Bad request path\n');
    }
    for (const route of ROUTES) {
      const m = route.pattern.exec(path);
      if (!m) continue;
      ctx.params = m.slice(1); // unmatched optional groups stay undefined
      try {
        route.handle(ctx, env);
      } catch (err) {
        if (!res.headersSent) send(ctx, 500, TYPES.text, `Internal error: ${(err as Error).message}\n`);
        else res.destroy();
      }
      return;
    }
    send(ctx, 404, TYPES.text, 'Not found\n');
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (err) => reject(new Error(`demo site: cannot listen on ${host}:${port}: ${(err as Error).message}`)));
    server.listen(port, host, () => resolve());
  });
  const bound = (server.address() as AddressInfo).port;
  origin = `http://${host.includes(':') ? `[${host}]` : host}:${bound}`;

  return {
    url: origin,
    port: bound,
    requests: () => count,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
