import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoSite, type DemoSite } from '../../../src/demo/index.js';
import { crawlerFor } from '../../../crawlers/index.js';
import { crawlOnce, pixelpost, source } from './helpers.js';

let site: DemoSite;
beforeAll(async () => {
  site = await startDemoSite();
});
afterAll(async () => {
  await site.close();
});

const appstore = (storefronts: string[], extra: Record<string, unknown> = {}) =>
  source({ kind: 'appstore', url: site.url, ids: ['1530998142'], storefronts, allowPrivateNetworks: true, ...extra });

describe('appstore against the demo site', () => {
  it('reads every reachable page of several storefronts and reports the 10-page cap instead of hiding it', async () => {
    const out = await crawlOnce(crawlerFor('appstore'), pixelpost, appstore(['us', 'gb', 'de']));
    expect(out.failures).toEqual([]);
    const by = (cc: string) => out.items.filter((i) => i.meta?.storefront === cc);
    expect(by('us')).toHaveLength(500); // 540 exist; Apple only serves the newest 500
    expect(by('gb')).toHaveLength(51); // page 2 holds a single entry, given as an object
    expect(by('de')).toHaveLength(41);
    expect(out.pages).toBe(3 + 10 + 2 + 1); // a lookup of each storefront's average rating, then the feed pages
    expect(out.ratings?.map((r) => [r.item, r.bestRating, r.reviewCount])).toEqual([
      ['appstore:1530998142:us', 5, 540 * 7],
      ['appstore:1530998142:gb', 5, 51 * 7],
      ['appstore:1530998142:de', 5, 41 * 7],
    ]);
    expect(out.notes.join('\n')).toMatch(/caps the review feed at 10 pages .* "us"/);
    expect(out.notes.join('\n')).not.toMatch(/"gb"|"de"/);
    const r = out.items[0]!;
    expect(r.rating).toEqual({ value: expect.any(Number), best: 5, worst: 1 });
    expect(r.meta?.version).toMatch(/^\d+\.\d+/);
    expect(r.externalId).toMatch(/^\d+$/);
  });

  it('when run again with the cursor, reads one page per storefront and finds nothing new', async () => {
    const src = appstore(['gb', 'de']);
    const first = await crawlOnce(crawlerFor('appstore'), pixelpost, src);
    const second = await crawlOnce(crawlerFor('appstore'), pixelpost, src, { cursor: first.cursor });
    expect(second.items).toEqual([]);
    expect(second.pages).toBe(2 + 2); // the two lookups and one feed page each
  });

  it('keeps the reviews of a storefront whose feed omits `updated`: dated at collection, flagged, not re-collected', async () => {
    const src = appstore(['au']);
    const first = await crawlOnce(crawlerFor('appstore'), pixelpost, src);
    expect(first.failures).toEqual([]);
    expect(first.items).toHaveLength(12); // was 0 with a run that said ok
    for (const r of first.items) {
      expect(r.meta?.dateMissing).toBe(true);
      expect(r.rating?.value).toBeGreaterThanOrEqual(1);
    }
    const second = await crawlOnce(crawlerFor('appstore'), pixelpost, src, { cursor: first.cursor });
    expect(second.items).toEqual([]);
  });

  it('stores helpful votes as upvotes (with the vote total in meta), never as views', async () => {
    const out = await crawlOnce(crawlerFor('appstore'), pixelpost, appstore(['gb']));
    const voted = out.items.filter((i) => Number(i.meta?.totalVotes) > 0);
    expect(voted.length).toBeGreaterThan(0);
    for (const r of out.items) {
      expect(r.engagement?.views).toBe(0);
      expect(r.engagement?.upvotes).toBe(r.meta?.helpfulVotes);
      expect(Number(r.meta?.helpfulVotes)).toBeLessThanOrEqual(Number(r.meta?.totalVotes));
      expect(r.meta?.dateMissing).toBeUndefined();
    }
  });

  it('an unknown app yields an empty feed, not an error', async () => {
    const out = await crawlOnce(crawlerFor('appstore'), pixelpost, appstore(['us'], { ids: ['999'] }));
    expect(out.items).toEqual([]);
    expect(out.failures).toEqual([]);
    expect(out.ratings).toBeUndefined(); // lookup has no such app: no snapshot
    expect(out.pages).toBe(2);
  });
});
