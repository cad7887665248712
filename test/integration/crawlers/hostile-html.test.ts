import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReviewsJsonLdCrawler } from '../../../crawlers/reviews-jsonld.js';
import { HostRateLimiter } from '../../../crawlers/lib/politeness.js';
import { startHostileServer, type HostileServer } from '../../fixtures/hostile-server.js';
import { classes, crawlOnce, northwind, source } from './helpers.js';

let srv: HostileServer;
let crawler: ReturnType<typeof createReviewsJsonLdCrawler>;
beforeAll(async () => {
  srv = await startHostileServer();
  // allowPrivateNetworks stays false: only this server's exact host:port is let through, no other loopback port.
  crawler = createReviewsJsonLdCrawler({ net: { allowHosts: [srv.hostPort] }, retry: { baseDelayMs: 50 }, limiter: new HostRateLimiter() });
});
afterAll(async () => {
  await srv.close();
});

const at = (path: string, extra: Record<string, unknown> = {}) => source({ kind: 'reviews-jsonld', url: `${srv.url}${path}`, ...extra });
const run = (path: string, extra: Record<string, unknown> = {}) => crawlOnce(crawler, northwind, at(path, extra));

describe('hostile pages (reviews-jsonld)', () => {
  it('when one JSON-LD block is malformed, the valid blocks around it are still extracted', async () => {
    const out = await run('/mixed-jsonld');
    expect(out.items.map((i) => i.text).sort()).toEqual(['Valid review a', 'Valid review b']);
    expect(classes(out)).toEqual(['parse']);
    expect(out.failures[0]!.reason).toMatch(/JSON-LD block 2 is not valid JSON/);
  });

  it('when a page has no reviews, records a content failure instead of silently returning nothing', async () => {
    const out = await run('/no-reviews');
    expect(out.items).toEqual([]);
    expect(classes(out)).toEqual(['content']);
    expect(out.failures[0]!.reason).toMatch(/no schema\.org Review/);
  });

  it('when a page carries only an AggregateRating, says so', async () => {
    const out = await run('/aggregate-only');
    expect(out.failures[0]!.reason).toMatch(/only an AggregateRating \(4\.2\/5 from 31\)/);
  });

  it('drops a 10 MB page streamed without Content-Length at the 5 MB default cap', async () => {
    const out = await run('/huge');
    expect(out.items).toEqual([]);
    expect(classes(out)).toEqual(['size']);
    expect(out.failures[0]!.reason).toMatch(/over the 5242880-byte limit/);
  });

  it('drops a response whose Content-Length is over the cap without reading it', async () => {
    const out = await run('/huge-declared');
    expect(classes(out)).toEqual(['size']);
    expect(out.failures[0]!.reason).toMatch(/declares 10485760 bytes/);
  });

  it('skips binary data served as text/html', async () => {
    const out = await run('/binary');
    expect(classes(out)).toEqual(['content']);
    expect(out.failures[0]!.reason).toMatch(/binary data served as text\/html/);
  });

  it('skips non-HTML content', async () => {
    const out = await run('/pdf');
    expect(classes(out)).toEqual(['content']);
    expect(out.failures[0]!.reason).toMatch(/not an HTML page \(application\/pdf\)/);
  });

  it('decodes an ISO-8859-1 page by its charset header, and by its <meta charset> when the header has none', async () => {
    const out = await run('/latin1');
    expect(out.items[0]!.text).toBe('Très bon café, un peu cher à Zürich. Ça vaut le détour.');
    expect(out.items[0]!.author.name).toBe('Renée');
    const meta = await run('/latin1-meta');
    expect(meta.items[0]!.text).toBe('Crème brûlée latte, très réussi.');
  });

  it('refuses a redirect to another loopback port and records it as policy', async () => {
    const out = await run('/redirect-loopback');
    expect(out.items).toEqual([]);
    expect(classes(out)).toEqual(['policy']);
    expect(out.failures[0]).toMatchObject({ url: 'http://127.0.0.1:9/admin' });
    expect(out.failures[0]!.reason).toMatch(/loopback/);
  });

  it('refuses a redirect to the cloud metadata address 169.254.169.254', async () => {
    const out = await run('/redirect-metadata');
    expect(classes(out)).toEqual(['policy']);
    expect(out.failures[0]!.reason).toMatch(/169\.254\.169\.254 is a link-local/);
  });

  it('follows an ordinary same-site redirect', async () => {
    const out = await run('/redirect-ok');
    expect(out.items.map((i) => i.externalId)).toEqual(['127.0.0.1/reviews/ok-1', '127.0.0.1/reviews/ok-2']);
  });

  it('gives up on a redirect loop with a network failure', async () => {
    const out = await run('/redirect-loop');
    expect(classes(out)).toEqual(['network']);
    expect(out.failures[0]!.reason).toMatch(/too many redirects/);
  });

  it('respects robots.txt disallowing the path and never requests it', async () => {
    const out = await run('/forbidden-by-robots');
    expect(classes(out)).toEqual(['policy']);
    expect(srv.hits('/forbidden-by-robots')).toBe(0);
  });

  it('refuses a robots.txt that redirects to the metadata address, and fetches nothing else from that site', async () => {
    const evil = await startHostileServer({ '/robots.txt': (_q, res) => res.writeHead(302, { location: 'http://169.254.169.254/robots.txt' }).end() });
    try {
      const c = createReviewsJsonLdCrawler({ net: { allowHosts: [evil.hostPort] }, limiter: new HostRateLimiter() });
      const out = await crawlOnce(c, northwind, source({ kind: 'reviews-jsonld', url: `${evil.url}/ok` }));
      expect(classes(out)).toEqual(['policy']);
      expect(out.failures[0]!.reason).toMatch(/169\.254\.169\.254/);
      expect(evil.hits('/ok')).toBe(0);
    } finally {
      await evil.close();
    }
  });

  it('honours a robots.txt Crawl-delay below the configured rate', async () => {
    const slow = await startHostileServer({ '/robots.txt': (_q, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: earshot\nCrawl-delay: 0.3\nAllow: /\n') });
    try {
      const c = createReviewsJsonLdCrawler({ net: { allowHosts: [slow.hostPort] }, limiter: new HostRateLimiter() });
      const started = Date.now();
      const out = await crawlOnce(c, northwind, source({ kind: 'reviews-jsonld', url: `${slow.url}/paged`, limits: { maxPages: 3 } }));
      expect(out.pages).toBe(3);
      expect(Date.now() - started).toBeGreaterThanOrEqual(600); // 3 pages, 300 ms apart
    } finally {
      await slow.close();
    }
  });

  it('waits out a 429 with Retry-After, then succeeds', async () => {
    const started = Date.now();
    const out = await run('/rate-limited');
    expect(out.failures).toEqual([]);
    expect(out.items).toHaveLength(2);
    expect(srv.hits('/rate-limited')).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('retries a 500 twice with backoff, then succeeds', async () => {
    const out = await run('/flaky');
    expect(out.failures).toEqual([]);
    expect(out.items).toHaveLength(2);
    expect(srv.hits('/flaky')).toBe(3);
  });

  it('classes a server that stays down as network, after the retries', async () => {
    const out = await run('/always-500');
    expect(classes(out)).toEqual(['network']);
    expect(out.failures[0]!.reason).toMatch(/HTTP 503 after 4 attempts/);
  });

  it('does not retry a 404, and classes 403 and captcha pages as blocked', async () => {
    const missing = await run('/not-found');
    expect(classes(missing)).toEqual(['content']);
    expect(srv.hits('/not-found')).toBe(1);
    const forbidden = await run('/forbidden');
    expect(classes(forbidden)).toEqual(['blocked']);
    expect(srv.hits('/forbidden')).toBe(1);
    const captcha = await run('/captcha');
    expect(classes(captcha)).toEqual(['blocked']);
    expect(captcha.failures[0]!.reason).toMatch(/bot wall or captcha/);
  });

  it('times a slow page out per request (limits.requestTimeoutSecs)', async () => {
    const out = await crawlOnce(
      createReviewsJsonLdCrawler({ net: { allowHosts: [srv.hostPort] }, retry: { retries: 0 }, limiter: new HostRateLimiter() }),
      northwind,
      at('/slow', { limits: { requestTimeoutSecs: 0.5 } }),
    );
    expect(classes(out)).toEqual(['network']);
    expect(out.failures[0]!.reason).toMatch(/timed out after 0\.5s/);
  });

  it('stops at the run deadline with a note, keeping what it collected', async () => {
    const controller = new AbortController();
    const slowPaging = createReviewsJsonLdCrawler({ net: { allowHosts: [srv.hostPort] }, limiter: new HostRateLimiter() });
    // The deadline falls after the first page (not a fixed time from the start, which a loaded machine may not reach).
    let armed = false;
    const onProgress = () => {
      if (!armed) setTimeout(() => controller.abort(), 500);
      armed = true;
    };
    const out = await crawlOnce(slowPaging, northwind, at('/paged', { limits: { maxRequestsPerMinute: 300, maxPages: 100 } }), { signal: controller.signal, onProgress });
    expect(out.pages).toBeGreaterThan(0);
    expect(out.pages).toBeLessThan(10);
    expect(out.items.length).toBe(out.pages * 2);
    expect(out.notes.join(' ')).toMatch(/stopped early/);
    expect(out.failures).toEqual([]);
  });

  it('spaces requests to one host by limits.maxRequestsPerMinute', async () => {
    const started = Date.now();
    const out = await crawlOnce(
      createReviewsJsonLdCrawler({ net: { allowHosts: [srv.hostPort] }, limiter: new HostRateLimiter() }),
      northwind,
      at('/paged', { limits: { maxRequestsPerMinute: 600, maxPages: 4 } }), // robots.txt + 4 pages, 100 ms apart
    );
    expect(out.pages).toBe(4);
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
  });
});
