import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoSite, type DemoSite } from '../../../src/demo/index.js';
import { crawlerFor } from '../../../crawlers/index.js';
import { Source } from '../../../src/domain/index.js';
import { brightline, crawlOnce, source } from './helpers.js';

let site: DemoSite;
beforeAll(async () => {
  site = await startDemoSite();
});
afterAll(async () => {
  await site.close();
});

const trustpilot = (ids: string[], extra: Record<string, unknown> = {}) =>
  source({ kind: 'trustpilot', url: site.url, ids, allowPrivateNetworks: true, ...extra });

describe('trustpilot against the demo site', () => {
  it('reads every page from __NEXT_DATA__: stars, titles, authors, dates, the company reply, and the TrustScore', async () => {
    const out = await crawlOnce(crawlerFor('trustpilot'), brightline, trustpilot(['brightline-bikes.example']));
    expect(out.failures).toEqual([]);
    expect(out.items).toHaveLength(45);
    expect(out.pages).toBe(3); // 20 + 20 + 5, the last page known from the pagination, not a 404
    for (const r of out.items) {
      expect(r.rating!.best).toBe(5);
      expect(r.rating!.value).toBeGreaterThanOrEqual(1);
      expect(r.title!.length).toBeGreaterThan(3);
      expect(r.author.name).toBeTruthy();
      expect(r.externalId).toMatch(/^[0-9a-f]{24}$/);
      expect(r.meta?.dateMissing).toBeUndefined();
    }
    // a null experiencedDate costs nothing but that field
    expect(out.items.some((i) => i.meta?.experiencedAt === null)).toBe(true);
    // reply: null means unanswered; an answer is kept with its review
    const answered = out.items.filter((i) => i.reply);
    const unanswered = out.items.filter((i) => !i.reply);
    expect(answered.length).toBeGreaterThan(5);
    expect(unanswered.length).toBeGreaterThan(5);
    for (const r of answered) expect(r.reply!.at!.getTime()).toBeGreaterThan(r.publishedAt.getTime());
    const times = out.items.map((i) => i.publishedAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const mean = out.items.reduce((s, i) => s + i.rating!.value, 0) / out.items.length;
    expect(out.ratings).toEqual([
      { item: 'trustpilot:brightline-bikes.example', ratingValue: Math.round(mean * 10) / 10, bestRating: 5, worstRating: 1, reviewCount: 45, url: `${site.url}/review/brightline-bikes.example` },
    ]);
  });

  it('a rerun with the cursor reads one page and finds nothing new', async () => {
    const src = trustpilot(['brightline-bikes.example']);
    const first = await crawlOnce(crawlerFor('trustpilot'), brightline, src);
    const second = await crawlOnce(crawlerFor('trustpilot'), brightline, src, { cursor: first.cursor });
    expect(second.failures).toEqual([]);
    expect(second.items).toEqual([]);
    expect(second.pages).toBe(1);
  });

  it('waits out a 429 with Retry-After', async () => {
    const out = await crawlOnce(crawlerFor('trustpilot'), brightline, trustpilot(['busy.brightline-bikes.example'], { limits: { maxPages: 1 } }));
    expect(out.failures).toEqual([]);
    expect(out.items).toHaveLength(20);
  });

  it('an unknown business is one readable failure; a page without __NEXT_DATA__ says so', async () => {
    const unknown = await crawlOnce(crawlerFor('trustpilot'), brightline, trustpilot(['nobody.example']));
    expect(unknown.items).toEqual([]);
    expect(unknown.failures).toHaveLength(1);
    expect(unknown.failures[0]!.reason).toMatch(/not found: HTTP 404/);
    // the demo's index is HTML without the embedded data
    const other = await crawlOnce(crawlerFor('trustpilot'), brightline, trustpilot(['x'], { url: `${site.url}/cafes/northwind#` }));
    expect(other.failures.map((f) => f.reason)).toEqual([expect.stringMatching(/no __NEXT_DATA__ script on the page/)]);
    const r = Source.safeParse({ kind: 'trustpilot' });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual(['ids']);
  });
});
