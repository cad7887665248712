import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRssCrawler } from '../../../crawlers/rss.js';
import { createRedditCrawler } from '../../../crawlers/reddit.js';
import { createHackerNewsCrawler } from '../../../crawlers/hackernews.js';
import { HostRateLimiter } from '../../../crawlers/lib/politeness.js';
import type { CrawlerDeps } from '../../../crawlers/lib/run-scope.js';
import { startHostileServer, type HostileServer } from '../../fixtures/hostile-server.js';
import { classes, crawlOnce, northwind, source } from './helpers.js';

let srv: HostileServer;
const hnQueries: URLSearchParams[] = [];
let deps: CrawlerDeps;
const listing = (children: unknown[], after: string | null = null) => JSON.stringify({ kind: 'Listing', data: { after, before: null, dist: children.length, modhash: '', children } });
const post = (id: string, author: string, title: string, created: number) => ({
  kind: 't3',
  data: { id, name: `t3_${id}`, title, selftext: '', author, created_utc: created, permalink: `/r/Coffee/comments/${id}/x/`, score: 3, num_comments: 0, subreddit: 'Coffee' },
});

beforeAll(async () => {
  srv = await startHostileServer({
    '/feed-bad-dates.xml': (_q, res) =>
      res.writeHead(200, { 'content-type': 'application/atom+xml' }).end(`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Bad dates</title>
<entry><id>e1</id><title>Northwind opens downtown</title><link href="https://news.example/a"/><published>yesterday-ish</published><content type="html">&lt;p&gt;Northwind Coffee&lt;/p&gt;</content></entry>
<entry><id>e2</id><title>Northwind roasts</title><link href="https://news.example/b"/><published>2025-02-30T99:99:99Z</published><summary>Northwind again</summary></entry>
<entry><id>e3</id><title>Northwind beans</title><link href="https://news.example/c"/><published>2025-01-15T10:00:00Z</published><summary>fine date</summary></entry>
</feed>`),
    '/rss-bad-dates.xml': (_q, res) =>
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(`<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>
<item><title>Northwind news</title><link>https://news.example/d</link><guid>d</guid><pubDate>Mon, 45 Foo 2025 99:00:00 GMT</pubDate><description>Northwind &lt;b&gt;bold&lt;/b&gt;</description></item>
</channel></rss>`),
    '/latin1.rss': (_q, res) =>
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=ISO-8859-1' }).end(
        Buffer.from(`<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>Café</title><item><title>Northwind: crème brûlée latte</title><link>https://news.example/e</link><guid>e</guid><pubDate>Tue, 14 Jan 2025 10:00:00 GMT</pubDate><description>Très réussi à Zürich</description></item></channel></rss>`, 'latin1'),
      ),
    '/not-a-feed': (_q, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>hello</body></html>'),
    '/r/Coffee/search.json': (_q, res, hit) => {
      if (hit === 1) {
        // allowance spent: the next request must wait for x-ratelimit-reset (1 s)
        res.writeHead(200, { 'content-type': 'application/json', 'x-ratelimit-remaining': '0.0', 'x-ratelimit-used': '100', 'x-ratelimit-reset': '1' });
        res.end(listing([post('aaa', '[deleted]', 'Northwind is great', 1736935200)], 't3_aaa'));
      } else {
        res.writeHead(200, { 'content-type': 'application/json', 'x-ratelimit-remaining': '99.0', 'x-ratelimit-reset': '600' });
        res.end(listing([post('bbb', 'sam', 'Northwind again', 1736848800)]));
      }
    },
    '/r/Busy/search.json': (_q, res, hit) =>
      hit === 1 ? res.writeHead(429, { 'retry-after': '1', 'content-type': 'application/json' }).end('{"message":"Too Many Requests","error":429}') : res.writeHead(200, { 'content-type': 'application/json' }).end(listing([post('ccc', 'kim', 'Northwind', 1736848800)])),
    '/r/Broken/search.json': (_q, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"kind": "Listing", "data": {'),
    '/hn/api/v1/search_by_date': (req, res) => {
      hnQueries.push(new URL(req.url ?? '/', 'http://x').searchParams);
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({ hits: [{ objectID: '9', created_at_i: 1736935200, title: 'Northwind ships an API', author: 'pg', points: 7, num_comments: 1, _tags: ['story'] }], nbPages: 1, page: 0 }),
      );
    },
    '/api/v1/search_by_date': (_q, res) => res.writeHead(403, { 'content-type': 'application/json' }).end('{"message":"blocked","status":403}'),
  });
  deps = { net: { allowHosts: [srv.hostPort] }, retry: { baseDelayMs: 50 }, limiter: new HostRateLimiter() };
});
afterAll(async () => {
  await srv.close();
});

describe('hostile feeds (rss)', () => {
  it('keeps items whose dates are invalid, using the collection time, and says so', async () => {
    const out = await crawlOnce(createRssCrawler(deps), northwind, source({ kind: 'rss', url: `${srv.url}/feed-bad-dates.xml` }));
    expect(out.failures).toEqual([]);
    expect(out.items.map((i) => i.externalId)).toEqual(['e1', 'e2', 'e3']);
    expect(out.items[0]!.meta?.dateMissing).toBe(true);
    expect(out.items[2]!.publishedAt.toISOString()).toBe('2025-01-15T10:00:00.000Z');
    expect(out.notes.join(' ')).toMatch(/2 feed item\(s\) had no valid date/);
    const rss = await crawlOnce(createRssCrawler(deps), northwind, source({ kind: 'rss', url: `${srv.url}/rss-bad-dates.xml` }));
    expect(rss.items).toHaveLength(1);
    expect(rss.items[0]!.text).toBe('Northwind bold');
  });

  it('decodes an ISO-8859-1 feed', async () => {
    const out = await crawlOnce(createRssCrawler(deps), northwind, source({ kind: 'rss', url: `${srv.url}/latin1.rss` }));
    expect(out.items[0]!.title).toBe('Northwind: crème brûlée latte');
    expect(out.items[0]!.text).toBe('Très réussi à Zürich');
  });

  it('records an HTML page given as a feed as a content failure', async () => {
    const out = await crawlOnce(createRssCrawler(deps), northwind, source({ kind: 'rss', url: `${srv.url}/not-a-feed` }));
    expect(classes(out)).toEqual(['content']);
    expect(out.failures[0]!.reason).toMatch(/not an RSS or Atom feed/);
  });

  it('refuses a feed that redirects to the metadata address', async () => {
    const out = await crawlOnce(createRssCrawler(deps), northwind, source({ kind: 'rss', url: `${srv.url}/redirect-metadata` }));
    expect(classes(out)).toEqual(['policy']);
  });
});

describe('hostile JSON APIs', () => {
  it('reddit: waits for X-Ratelimit-Reset when the allowance is spent, and keeps a deleted author as no author', async () => {
    const started = Date.now();
    const out = await crawlOnce(createRedditCrawler(deps), northwind, source({ kind: 'reddit', url: srv.url, ids: ['Coffee'] }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(out.items.map((i) => i.externalId)).toEqual(['t3_aaa', 't3_bbb']);
    expect(out.items[0]!.author).toEqual({});
    expect(out.items[0]!.meta?.authorDeleted).toBe(true);
    expect(out.notes.join(' ')).toMatch(/rate limit/i);
  });

  it('reddit: a 429 with Retry-After is waited out and retried', async () => {
    const out = await crawlOnce(createRedditCrawler(deps), northwind, source({ kind: 'reddit', url: srv.url, ids: ['Busy'] }));
    expect(out.failures).toEqual([]);
    expect(out.items).toHaveLength(1);
    expect(srv.hits('/r/Busy/search.json')).toBe(2);
  });

  it('reddit: truncated JSON is a parse failure, not a crash', async () => {
    const out = await crawlOnce(createRedditCrawler(deps), northwind, source({ kind: 'reddit', url: srv.url, ids: ['Broken'] }));
    expect(classes(out)).toEqual(['parse']);
    expect(out.cursor).toBeUndefined();
  });

  it('hackernews: an incremental run asks Algolia only for items since the cursor (numericFilters=created_at_i>=…)', async () => {
    const src = source({ kind: 'hackernews', url: `${srv.url}/hn/api/v1` });
    const first = await crawlOnce(createHackerNewsCrawler(deps), northwind, src);
    expect(first.items.map((i) => i.title)).toEqual(['Northwind ships an API']);
    expect(hnQueries[0]!.get('numericFilters')).toBeNull();
    expect(hnQueries[0]!.get('tags')).toBe('(story,comment)');
    const second = await crawlOnce(createHackerNewsCrawler(deps), northwind, src, { cursor: first.cursor });
    expect(hnQueries[1]!.get('numericFilters')).toBe('created_at_i>=1736935200');
    expect(second.items).toEqual([]); // the boundary item was seen already
  });

  it('hackernews: a 403 is recorded as blocked and not retried', async () => {
    const out = await crawlOnce(createHackerNewsCrawler(deps), northwind, source({ kind: 'hackernews', url: `${srv.url}/api/v1` }));
    expect(classes(out)).toEqual(['blocked']);
    expect(srv.hits('/api/v1/search_by_date')).toBe(1);
  });
});
