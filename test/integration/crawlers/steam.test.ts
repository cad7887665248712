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

const steam = (ids: string[], extra: Record<string, unknown> = {}) =>
  source({ kind: 'steam', url: site.url, ids, allowPrivateNetworks: true, ...extra });

describe('steam against the demo site', () => {
  it('pages every review through encoded cursors, stops at the repeated end cursor, keeps thumbs, playtime, votes and replies', async () => {
    const out = await crawlOnce(crawlerFor('steam'), pixelpost, steam(['2291740']));
    expect(out.failures).toEqual([]);
    expect(out.items).toHaveLength(130);
    expect(new Set(out.items.map((i) => i.externalId)).size).toBe(130);
    expect(out.pages).toBe(3); // 100 + 30 + the empty page that hands the cursor back
    const up = out.items.filter((i) => i.meta?.votedUp === true);
    const down = out.items.filter((i) => i.meta?.votedUp === false);
    expect(up.length + down.length).toBe(130);
    for (const r of up) expect(r.rating).toEqual({ value: 1, best: 1, worst: 0 });
    for (const r of down) expect(r.rating).toEqual({ value: 0, best: 1, worst: 0 });
    // newest first, dated by creation
    const times = out.items.map((i) => i.publishedAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    // playtime missing on some reviews reads as null, not 0 and not a lost review
    expect(out.items.some((i) => i.meta?.playtimeAtReviewMin === null)).toBe(true);
    expect(out.items.some((i) => typeof i.meta?.playtimeAtReviewMin === 'number')).toBe(true);
    // helpful votes are upvotes; a bare 0 helpfulness score and a string one both read as numbers
    expect(out.items.some((i) => (i.engagement?.upvotes ?? 0) > 0)).toBe(true);
    for (const r of out.items) expect(typeof r.meta?.weightedVoteScore).toBe('number');
    // empty reviews are kept (a thumb is still a rating)
    expect(out.items.some((i) => i.text === '' && i.rating)).toBe(true);
    // the developer's answers stay with their reviews
    const answered = out.items.filter((i) => i.reply);
    expect(answered.length).toBeGreaterThan(5);
    for (const r of answered) {
      expect(r.reply!.text.length).toBeGreaterThan(10);
      expect(r.reply!.at!.getTime()).toBeGreaterThan(r.publishedAt.getTime());
    }
    expect(out.items.filter((i) => i.lang === 'de').length).toBeGreaterThan(0);
    // the summary is the app's rating: percent positive of all reviews
    expect(out.ratings).toEqual([
      { item: 'steam:2291740', ratingValue: Math.round((up.length / 130) * 1000) / 10, bestRating: 100, worstRating: 0, reviewCount: 130, url: 'https://store.steampowered.com/app/2291740/' },
    ]);
  });

  it('a rerun with the cursor reads one page and finds nothing new', async () => {
    const src = steam(['2291740']);
    const first = await crawlOnce(crawlerFor('steam'), pixelpost, src);
    const second = await crawlOnce(crawlerFor('steam'), pixelpost, src, { cursor: first.cursor });
    expect(second.failures).toEqual([]);
    expect(second.items).toEqual([]);
    expect(second.pages).toBe(1);
  });

  it('waits out a 429 with Retry-After and still reads every page', async () => {
    const out = await crawlOnce(crawlerFor('steam'), pixelpost, steam(['2291741'], { limits: { maxItems: 100 } }));
    expect(out.failures).toEqual([]);
    expect(out.items).toHaveLength(100);
  });

  it('respects maxPages and an unknown app is one readable parse failure', async () => {
    const capped = await crawlOnce(crawlerFor('steam'), pixelpost, steam(['2291740'], { limits: { maxPages: 1 } }));
    expect(capped.items).toHaveLength(100);
    expect(capped.notes.join('\n')).toMatch(/maxPages \(1\)/);
    const unknown = await crawlOnce(crawlerFor('steam'), pixelpost, steam(['1']));
    expect(unknown.items).toEqual([]);
    expect(unknown.failures).toHaveLength(1);
    expect(unknown.failures[0]!.reason).toMatch(/Steam appreviews answer .*success is not 1/);
  });

  it('config refuses a steam source without app ids', () => {
    const r = Source.safeParse({ kind: 'steam' });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual(['ids']);
  });
});
