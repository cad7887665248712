import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRssCrawler } from '../../../crawlers/rss.js';
import { createRedditCrawler } from '../../../crawlers/reddit.js';
import { createHackerNewsCrawler } from '../../../crawlers/hackernews.js';
import { createAppStoreCrawler } from '../../../crawlers/appstore.js';
import { createMastodonCrawler } from '../../../crawlers/mastodon.js';
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

/** JSON answers a real API should never give but sometimes does: `null`, an error object with a 200, odd items. */
const json = (body: unknown) => (_q: unknown, res: import('node:http').ServerResponse) =>
  res.writeHead(200, { 'content-type': 'application/json' }).end(typeof body === 'string' ? body : JSON.stringify(body));
const feedPath = (prefix: string) => `/${prefix}/us/rss/customerreviews/page=1/id=123/sortby=mostrecent/json`;
const appEntry = (id: string) => ({
  id: { label: id },
  author: { name: { label: 'Ann' } },
  updated: { label: '2025-01-15T10:00:00-07:00' },
  'im:rating': { label: '4' },
  title: { label: 'Fine' },
  content: { label: 'Northwind app works' },
  link: { attributes: { href: `https://apps.example/${id}` } },
});
const goodHit = { objectID: '42', created_at_i: 1736935200, title: 'Northwind ships', author: 'pg', _tags: ['story'] };
const goodStatus = { id: '2', created_at: '2025-01-15T10:00:00Z', uri: 'https://m.example/s/2', content: '<p>Northwind rocks</p>', tags: [null, { name: 'coffee' }], account: 'not an object' };
const badAnswers = {
  '/hn-null/search_by_date': json('null'),
  '/hn-shape/search_by_date': json({ message: 'ok', results: [] }),
  '/hn-odd/search_by_date': json({ hits: [null, 5, { objectID: '1' }, goodHit], nbPages: 1 }),
  [feedPath('as-null')]: json('null'),
  [feedPath('as-shape')]: json({ feed: 'moved' }),
  [feedPath('as-odd')]: json({ feed: { entry: [null, { id: null, link: [null] }, appEntry('r1')] } }),
  '/r-null/r/Coffee/search.json': json('null'),
  '/r-shape/r/Coffee/search.json': json({ kind: 'Listing', data: { children: 'none' } }),
  '/r-odd/r/Coffee/search.json': json(JSON.parse(listing([null, { kind: 't3', data: null }, { ...post('ddd', 'kim', 'Northwind in the rain', 1736848800), data: { ...post('ddd', 'kim', 'Northwind in the rain', 1736848800).data, num_comments: 2 } }]))),
  '/r-odd/r/Coffee/comments/ddd/x.json': json({ error: 500, message: 'Internal error' }),
  '/api/v1/timelines/tag/nulltag': json('null'),
  '/api/v1/timelines/tag/shapetag': json({ statuses: [] }),
  '/api/v1/timelines/tag/oddtag': json([null, { id: '1' }, goodStatus]),
};

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
    ...badAnswers,
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

describe('bad answers from JSON APIs are parse failures with the URL, never a TypeError or an empty success', () => {
  /** Exactly one `parse` failure, at a URL ending in `path`, and nothing kept. */
  const expectParseFailure = (out: Awaited<ReturnType<typeof crawlOnce>>, path: string) => {
    expect(classes(out)).toEqual(['parse']);
    expect(new URL(out.failures[0]!.url).pathname).toBe(path);
    expect(out.failures[0]!.reason).toMatch(/^unexpected answer: not a /);
    expect(out.failures[0]!.reason).not.toMatch(/TypeError|Cannot read/);
    expect(out.items).toEqual([]);
    expect(out.cursor).toBeUndefined();
  };

  it('hackernews: `null` and an object without `hits` are parse failures', async () => {
    const hn = (prefix: string) => crawlOnce(createHackerNewsCrawler(deps), northwind, source({ kind: 'hackernews', url: `${srv.url}/${prefix}`, query: 'Northwind' }));
    expectParseFailure(await hn('hn-null'), '/hn-null/search_by_date');
    const shape = await hn('hn-shape');
    expectParseFailure(shape, '/hn-shape/search_by_date');
    expect(shape.failures[0]!.reason).toMatch(/hits/);
  });

  it('hackernews: odd hits are skipped and counted, the good one kept', async () => {
    const out = await crawlOnce(createHackerNewsCrawler(deps), northwind, source({ kind: 'hackernews', url: `${srv.url}/hn-odd`, query: 'Northwind' }));
    expect(out.failures).toEqual([]);
    expect(out.items.map((i) => i.externalId)).toEqual(['42']);
    expect(out.notes.join(' ')).toMatch(/3 HN hit\(s\) without an objectID or created_at_i skipped/);
  });

  it('appstore: `null` and a feed of the wrong shape are parse failures', async () => {
    const as = (prefix: string) =>
      crawlOnce(createAppStoreCrawler(deps), northwind, source({ kind: 'appstore', url: `${srv.url}/${prefix}`, ids: ['123'], storefronts: ['us'] }));
    expectParseFailure(await as('as-null'), feedPath('as-null'));
    expectParseFailure(await as('as-shape'), feedPath('as-shape'));
    const odd = await as('as-odd');
    expect(odd.failures).toEqual([]);
    expect(odd.items.map((i) => i.externalId)).toEqual(['r1']);
  });

  it('reddit: `null` and a Listing without a children list are parse failures', async () => {
    const r = (prefix: string) => crawlOnce(createRedditCrawler(deps), northwind, source({ kind: 'reddit', url: `${srv.url}/${prefix}`, ids: ['Coffee'] }));
    expectParseFailure(await r('r-null'), '/r-null/r/Coffee/search.json');
    expectParseFailure(await r('r-shape'), '/r-shape/r/Coffee/search.json');
  });

  it('reddit: null children are skipped; a thread answered with an error object is a parse failure at its URL', async () => {
    const out = await crawlOnce(createRedditCrawler(deps), northwind, source({ kind: 'reddit', url: `${srv.url}/r-odd`, ids: ['Coffee'] }));
    expect(out.items.map((i) => i.externalId)).toEqual(['t3_ddd']);
    expect(classes(out)).toEqual(['parse']);
    expect(new URL(out.failures[0]!.url).pathname).toBe('/r-odd/r/Coffee/comments/ddd/x.json');
    expect(out.failures[0]!.reason).toMatch(/^unexpected answer: not a Reddit thread/);
  });

  it('mastodon: `null` and an object instead of a list of statuses are parse failures; odd statuses are skipped', async () => {
    const m = (tag: string) => crawlOnce(createMastodonCrawler(deps), northwind, source({ kind: 'mastodon', url: srv.url, ids: [tag] }));
    expectParseFailure(await m('nulltag'), '/api/v1/timelines/tag/nulltag');
    expectParseFailure(await m('shapetag'), '/api/v1/timelines/tag/shapetag');
    const odd = await m('oddtag');
    expect(odd.failures).toEqual([]);
    expect(odd.items.map((i) => i.externalId)).toEqual(['https://m.example/s/2']);
    expect(odd.items[0]!.meta?.tags).toBe('coffee');
  });
});
