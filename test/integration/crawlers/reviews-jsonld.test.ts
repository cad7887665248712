import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoSite, type DemoSite } from '../../../src/demo/index.js';
import { reviewsJsonLdCrawler } from '../../../crawlers/reviews-jsonld.js';
import { crawlerFor } from '../../../crawlers/index.js';
import { brightline, classes, crawlOnce, northwind, pixelpost, source } from './helpers.js';

let site: DemoSite;
beforeAll(async () => {
  site = await startDemoSite();
});
afterAll(async () => {
  await site.close();
});

const demoSource = (path: string, extra: Record<string, unknown> = {}) =>
  source({ kind: 'reviews-jsonld', url: `${site.url}${path}`, allowPrivateNetworks: true, ...extra });

describe('reviews-jsonld against the demo site', () => {
  it('is the registered crawler for its kind', () => {
    expect(crawlerFor('reviews-jsonld')).toBe(reviewsJsonLdCrawler);
  });

  it('reads every review of a JSON-LD @graph cafe page, following rel=next through all pages', async () => {
    const out = await crawlOnce(reviewsJsonLdCrawler, northwind, demoSource('/cafes/northwind'));
    expect(out.failures).toEqual([]);
    expect(out.pages).toBe(4);
    expect(out.items).toHaveLength(34);
    expect(new Set(out.items.map((i) => i.externalId)).size).toBe(34);
    // author given as a plain string on some reviews and as a Person on others: both become a name
    expect(out.items.every((i) => typeof i.author.name === 'string' && i.author.name.length > 1)).toBe(true);
    const first = out.items[0]!;
    expect(first.url).toMatch(/\/cafes\/northwind\/reviews\/cafes-[a-z0-9]+$/);
    expect(first.externalId).toMatch(/^127\.0\.0\.1\/cafes\/northwind\/reviews\//); // no port: stable across demo runs
    expect(first.rating).toEqual({ value: expect.any(Number), best: 5, worst: 1 });
    expect(first.meta?.itemReviewed).toBe('Northwind Coffee');
    expect(out.items.some((i) => i.text.includes('charging twice'))).toBe(true);
    expect(out.cursor?.lastPublishedAt).toEqual(new Date(Math.max(...out.items.map((i) => i.publishedAt.getTime()))));
  });

  it('reads microdata reviews (no JSON-LD at all) on the city guide', async () => {
    const out = await crawlOnce(reviewsJsonLdCrawler, northwind, demoSource('/guide/northwind'));
    expect(out.failures).toEqual([]);
    expect(out.items).toHaveLength(13);
    const item = out.items.find((i) => i.lang === 'fr')!;
    expect(item).toBeDefined();
    expect(item.meta?.markup).toBe('microdata');
    expect(item.rating?.best).toBe(5);
    expect(item.publishedAt.toISOString()).toMatch(/T00:00:00\.000Z$/); // date-only → UTC midnight
    expect(item.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/guide\/northwind\/reviews\//);
  });

  it('reads string ratingValues from a top-level JSON-LD array and pages by ?page=N links without rel=next', async () => {
    const out = await crawlOnce(reviewsJsonLdCrawler, brightline, demoSource('/shop/brightline/reviews'));
    expect(out.failures).toEqual([]);
    expect(out.items).toHaveLength(32);
    expect(out.pages).toBe(4);
    for (const i of out.items) {
      expect(typeof i.rating?.value).toBe('number');
      expect(i.rating).toMatchObject({ best: 5, worst: 1 });
    }
    expect(out.items.map((i) => i.meta?.itemReviewed)).toContain('Brightline Cargo Duo');
  });

  it('reads a widget\'s quirky review markup: bare "reviewRating": "4", Trustpilot-style keys, itemReviewed as text', async () => {
    const truth = await crawlOnce(reviewsJsonLdCrawler, brightline, demoSource('/shop/brightline/reviews'));
    const out = await crawlOnce(reviewsJsonLdCrawler, brightline, demoSource('/shop/brightline/widget'));
    expect(out.failures).toEqual([]);
    expect(out.items).toHaveLength(6);
    for (const [i, r] of out.items.entries()) {
      const real = truth.items.find((t) => t.externalId === r.externalId)!;
      expect(r.rating, `review ${i}`).toEqual(real.rating); // all 6 rated, none lost
      expect(r.author.name, `review ${i}`).toBe(real.author.name);
      expect(r.text).toBe(real.text);
      expect(r.meta?.dateMissing).toBeUndefined();
      expect(r.publishedAt.toISOString().slice(0, 10)).toBe(real.publishedAt.toISOString().slice(0, 10));
    }
    expect(out.items[1]!.title).toBe(truth.items.find((t) => t.externalId === out.items[1]!.externalId)!.title);
    expect(typeof out.items[2]!.meta?.itemReviewed).toBe('string');
    expect(out.items[2]!.meta?.itemReviewed).not.toBe('');
  });

  it('keeps 10-point ratings as given and treats "0" as unrated', async () => {
    const out = await crawlOnce(reviewsJsonLdCrawler, pixelpost, demoSource('/apps/pixelpost'));
    expect(out.items).toHaveLength(34);
    const rated = out.items.filter((i) => i.rating);
    const unrated = out.items.filter((i) => i.meta?.unrated);
    expect(rated.every((i) => i.rating!.best === 10 && i.rating!.value >= 1)).toBe(true);
    expect(unrated.length).toBeGreaterThan(0);
    expect(unrated.every((i) => i.rating === undefined)).toBe(true);
  });

  it('reads a product page whose single featured review is an object, not an array', async () => {
    const out = await crawlOnce(reviewsJsonLdCrawler, brightline, demoSource('/shop/brightline/products/aero-helmet'));
    expect(out.items).toHaveLength(1);
    expect(out.items[0]!.meta?.itemReviewed).toMatch(/helmet/i);
    const listed = await crawlOnce(reviewsJsonLdCrawler, brightline, demoSource('/shop/brightline/products/commuter-7'));
    expect(listed.items).toHaveLength(5);
  });
});

describe('incremental crawling', () => {
  it('when run again with the returned cursor, fetches one page and yields nothing new', async () => {
    const src = demoSource('/cafes/northwind');
    const first = await crawlOnce(reviewsJsonLdCrawler, northwind, src);
    const second = await crawlOnce(reviewsJsonLdCrawler, northwind, src, { cursor: first.cursor });
    expect(second.items).toEqual([]);
    expect(second.pages).toBe(1);
    expect(second.failures).toEqual([]);
  });

  it('when three reviews appeared since the cursor, returns exactly those and stops paging', async () => {
    const src = demoSource('/cafes/northwind');
    const all = await crawlOnce(reviewsJsonLdCrawler, northwind, src);
    const newestFirst = [...all.items].sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime());
    const older = newestFirst.slice(3);
    const cursor = {
      updatedAt: new Date(),
      lastPublishedAt: older[0]!.publishedAt,
      seenIds: older.map((i) => i.externalId!),
    };
    const next = await crawlOnce(reviewsJsonLdCrawler, northwind, src, { cursor });
    expect(next.items.map((i) => i.externalId).sort()).toEqual(newestFirst.slice(0, 3).map((i) => i.externalId).sort());
    expect(next.pages).toBe(1);
  });

  it('with --full, ignores the cursor and backfills everything', async () => {
    const src = demoSource('/guide/northwind');
    const first = await crawlOnce(reviewsJsonLdCrawler, northwind, src);
    const full = await crawlOnce(reviewsJsonLdCrawler, northwind, src, { cursor: first.cursor, full: true });
    expect(full.items).toHaveLength(13);
  });

  it('stops at limits.maxPages and says so', async () => {
    const out = await crawlOnce(reviewsJsonLdCrawler, northwind, demoSource('/cafes/northwind', { limits: { maxPages: 2 } }));
    expect(out.pages).toBe(2);
    expect(out.items).toHaveLength(20);
    expect(out.notes.join(' ')).toMatch(/maxPages \(2\)/);
  });
});

describe('politeness and safety on the demo site', () => {
  it('when robots.txt disallows the path, fetches nothing and records a policy failure', async () => {
    const before = site.requests();
    const out = await crawlOnce(reviewsJsonLdCrawler, northwind, demoSource('/private/reviews'));
    expect(out.items).toEqual([]);
    expect(classes(out)).toEqual(['policy']);
    expect(out.failures[0]!.reason).toMatch(/robots\.txt disallows \/private\//);
    expect(site.requests() - before).toBe(1); // robots.txt only
  });

  it('with respectRobots off, the same page is crawled', async () => {
    const out = await crawlOnce(reviewsJsonLdCrawler, northwind, demoSource('/private/reviews', { respectRobots: false }));
    expect(out.items.length).toBeGreaterThan(0);
  });

  it('without allowPrivateNetworks, refuses the loopback demo site before any request', async () => {
    const before = site.requests();
    const out = await crawlOnce(reviewsJsonLdCrawler, northwind, demoSource('/cafes/northwind', { allowPrivateNetworks: false }));
    expect(out.items).toEqual([]);
    expect(classes(out)).toEqual(['policy']);
    expect(out.failures[0]!.reason).toMatch(/loopback/);
    expect(site.requests()).toBe(before);
  });
});
