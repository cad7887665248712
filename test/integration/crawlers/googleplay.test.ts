import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoSite, type DemoSite } from '../../../src/demo/index.js';
import { crawlerFor } from '../../../crawlers/index.js';
import { Source } from '../../../src/domain/index.js';
import { crawlOnce, pixelpost, source } from './helpers.js';

let site: DemoSite;
beforeAll(async () => {
  site = await startDemoSite();
});
afterAll(async () => {
  await site.close();
});

const play = (ids: string[], extra: Record<string, unknown> = {}) =>
  source({ kind: 'googleplay', url: site.url, ids, allowPrivateNetworks: true, ...extra });

describe('googleplay against the demo site', () => {
  it('reads every page of the review RPC newest first: stars, versions (null on some), thumbs up, developer replies', async () => {
    const out = await crawlOnce(crawlerFor('googleplay'), pixelpost, play(['com.pixelpost.app']));
    expect(out.failures).toEqual([]);
    expect(out.items).toHaveLength(160);
    expect(out.pages).toBe(1 + 2); // the details page, then 150 + 10 reviews, the last page without a continuation token
    // the details page's AggregateRating (strings, as Play writes them) is the app's rating snapshot
    const mean = out.items.reduce((s, i) => s + i.rating!.value, 0) / out.items.length;
    expect(out.ratings).toHaveLength(1);
    expect(out.ratings![0]).toMatchObject({ item: 'googleplay:com.pixelpost.app:us', bestRating: 5, reviewCount: 160 * 9 });
    expect(out.ratings![0]!.ratingValue).toBeCloseTo(mean, 6);
    expect(new Set(out.items.map((i) => i.externalId)).size).toBe(160);
    for (const r of out.items) {
      expect(r.externalId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(r.rating!.value).toBeGreaterThanOrEqual(1);
      expect(r.rating!.value).toBeLessThanOrEqual(5);
      expect(r.author.name).toBeTruthy();
    }
    const times = out.items.map((i) => i.publishedAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(out.items.some((i) => i.meta?.version === null)).toBe(true);
    expect(out.items.some((i) => i.meta?.version === '6.3.1')).toBe(true);
    expect(out.items.some((i) => (i.engagement?.upvotes ?? 0) > 0)).toBe(true);
    const answered = out.items.filter((i) => i.reply);
    expect(answered.length).toBeGreaterThan(10);
    for (const r of answered) expect(r.reply!.at!.getTime()).toBeGreaterThan(r.publishedAt.getTime());
  });

  it('a rerun with the cursor reads one page and finds nothing new', async () => {
    const src = play(['com.pixelpost.app']);
    const first = await crawlOnce(crawlerFor('googleplay'), pixelpost, src);
    const second = await crawlOnce(crawlerFor('googleplay'), pixelpost, src, { cursor: first.cursor });
    expect(second.failures).toEqual([]);
    expect(second.items).toEqual([]);
    expect(second.pages).toBe(1 + 1);
  });

  it('waits out a 429 with Retry-After', async () => {
    const out = await crawlOnce(crawlerFor('googleplay'), pixelpost, play(['com.pixelpost.busy'], { limits: { maxPages: 2 } }));
    expect(out.failures).toEqual([]);
    expect(out.items).toHaveLength(150);
  });

  it('an unknown app is one readable content failure; config wants app ids', async () => {
    const out = await crawlOnce(crawlerFor('googleplay'), pixelpost, play(['com.nobody.app']));
    expect(out.items).toEqual([]);
    expect(out.failures.map((f) => f.reason)).toEqual(['Google Play has no app "com.nobody.app" (or no reviews of it in "us")']);
    expect(out.notes.join('\n')).toMatch(/average rating of com\.nobody\.app in "us" could not be read \(not found: HTTP 404\)/);
    const r = Source.safeParse({ kind: 'googleplay' });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual(['ids']);
  });
});
