import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoSite, type DemoSite } from '../../../src/demo/index.js';
import { crawlerFor } from '../../../crawlers/index.js';
import { createSiteProfileCrawler } from '../../../crawlers/site-profile.js';
import { HostRateLimiter } from '../../../crawlers/lib/politeness.js';
import { startHostileServer, type HostileServer } from '../../fixtures/hostile-server.js';
import { classes, crawlOnce, northwind, pixelpost, source } from './helpers.js';

const profile = {
  item: 'article.review',
  title: 'h3.review-title',
  text: 'p.review-text',
  rating: 'span.stars',
  ratingAttribute: 'data-rating',
  ratingBest: 5,
  author: 'span.review-author',
  date: 'time',
  dateAttribute: 'datetime',
  permalink: 'a.permalink',
  nextPage: 'a.next-page',
};

let site: DemoSite;
let srv: HostileServer;
beforeAll(async () => {
  site = await startDemoSite();
  srv = await startHostileServer({
    // A JS page whose script tries to read the cloud metadata service, then renders one review.
    '/js-ssrf': (_q, res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><html><body><div id="r"></div><script>
fetch('http://169.254.169.254/latest/meta-data/').catch(function () {}).then(function () {
  document.getElementById('r').innerHTML = '<article class="review" data-review-id="x1"><p class="review-text">Rendered Northwind review</p><time datetime="2025-01-01T00:00:00Z"></time></article>';
});
</script></body></html>`),
    '/js-redirect-loopback': (_q, res) => res.writeHead(302, { location: 'http://127.0.0.1:9/' }).end(),
  });
});
afterAll(async () => {
  await site.close();
  await srv.close();
});

const demo = (path: string, extra: Record<string, unknown> = {}) =>
  source({ kind: 'site-profile', url: `${site.url}${path}`, profile, allowPrivateNetworks: true, ...extra });

describe('site-profile over plain HTML (render: http)', () => {
  it('reads every board review with the profile selectors, following the next-page link', async () => {
    const out = await crawlOnce(crawlerFor('site-profile'), northwind, demo('/board/northwind'));
    expect(out.failures).toEqual([]);
    expect(out.items).toHaveLength(22);
    expect(out.pages).toBe(3);
    const first = out.items[0]!;
    expect(first.externalId).toMatch(/^127\.0\.0\.1:board-/); // from data-review-id
    expect(first.url).toBe(`${site.url}/board/northwind/r/${first.externalId!.split(':')[1]}`);
    expect(first.rating).toEqual({ value: expect.any(Number), best: 5, worst: 1 });
    expect(first.author.name).toBeTruthy();
    expect(first.title).toBeTruthy();
    expect(Number.isNaN(first.publishedAt.getTime())).toBe(false);
  });

  it('when run again with the cursor, stops after the first page with nothing new', async () => {
    const src = demo('/board/northwind');
    const first = await crawlOnce(crawlerFor('site-profile'), northwind, src);
    const second = await crawlOnce(crawlerFor('site-profile'), northwind, src, { cursor: first.cursor });
    expect(second.items).toEqual([]);
    expect(second.pages).toBe(1);
  });

  it('on a JavaScript-rendered page, reports a broken selector (parse) rather than silently finding nothing', async () => {
    const out = await crawlOnce(crawlerFor('site-profile'), northwind, demo('/live/northwind'));
    expect(out.items).toEqual([]);
    expect(classes(out)).toEqual(['parse']);
    expect(out.failures[0]!.reason).toMatch(/matched nothing .*render: browser/);
  });
});

describe('site-profile in a real browser (render: browser, /usr/bin/chromium)', () => {
  it('renders the reviews with JavaScript and clicks "load more" until the button is gone', async () => {
    const out = await crawlOnce(crawlerFor('site-profile'), pixelpost, demo('/live/pixelpost', { render: 'browser', profile: { ...profile, loadMore: 'button.load-more' } }));
    expect(out.failures).toEqual([]);
    expect(out.items).toHaveLength(12);
    expect(out.pages).toBe(2); // the page, then one "load more"
    expect(out.items.every((i) => i.meta?.render === 'browser' && i.rating && i.author.name)).toBe(true);
    const again = await crawlOnce(crawlerFor('site-profile'), pixelpost, demo('/live/pixelpost', { render: 'browser', profile: { ...profile, loadMore: 'button.load-more' } }), { cursor: out.cursor });
    expect(again.items).toEqual([]);
  });

  it('stops clicking "load more" at limits.maxPages and says so', async () => {
    const out = await crawlOnce(crawlerFor('site-profile'), northwind, demo('/live/northwind', { render: 'browser', profile: { ...profile, loadMore: 'button.load-more' }, limits: { maxPages: 1 } }));
    expect(out.items).toHaveLength(10);
    expect(out.notes.join(' ')).toMatch(/load more.*maxPages \(1\)/);
  });

  it('refuses a page script reaching 169.254.169.254 and still reads the page', async () => {
    const crawler = createSiteProfileCrawler({ net: { allowHosts: [srv.hostPort] }, limiter: new HostRateLimiter() });
    const out = await crawlOnce(crawler, northwind, source({ kind: 'site-profile', url: `${srv.url}/js-ssrf`, render: 'browser', profile: { item: 'article.review', text: 'p.review-text', date: 'time', dateAttribute: 'datetime' } }));
    expect(out.items.map((i) => i.text)).toEqual(['Rendered Northwind review']);
    expect(classes(out)).toEqual(['policy']);
    expect(out.failures[0]!.reason).toMatch(/page script request refused: .*169\.254\.169\.254 is a link-local/);
  });

  it('refuses a browser navigation redirected to another loopback port, recorded as policy', async () => {
    const crawler = createSiteProfileCrawler({ net: { allowHosts: [srv.hostPort] }, limiter: new HostRateLimiter() });
    const out = await crawlOnce(crawler, northwind, source({ kind: 'site-profile', url: `${srv.url}/js-redirect-loopback`, render: 'browser', profile }));
    expect(out.items).toEqual([]);
    expect(classes(out)).toEqual(['policy']);
    expect(out.failures[0]!.reason).toMatch(/loopback/);
  });

  it('respects robots.txt in the browser too', async () => {
    const crawler = createSiteProfileCrawler({ net: { allowHosts: [srv.hostPort] }, limiter: new HostRateLimiter() });
    const out = await crawlOnce(crawler, northwind, source({ kind: 'site-profile', url: `${srv.url}/forbidden-by-robots`, render: 'browser', profile }));
    expect(classes(out)).toEqual(['policy']);
    expect(srv.hits('/forbidden-by-robots')).toBe(0);
  });
});
