import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/load.js';
import { ROOT } from '../../helpers/cli.js';
import { startDemoSite, type DemoSite } from '../../../src/demo/index.js';
import { crawlerFor } from '../../../crawlers/index.js';
import { RawItem, type SourceInput } from '../../../src/domain/index.js';
import { brightline, crawlOnce, northwind, source } from './helpers.js';

let site: DemoSite;
beforeAll(async () => {
  site = await startDemoSite();
});
afterAll(async () => {
  await site.close();
});

const demo = (input: Omit<SourceInput, 'allowPrivateNetworks'>) => source({ allowPrivateNetworks: true, ...input });
const mentionsNorthwind = (i: RawItem) => /northwind/i.test(`${i.title ?? ''} ${i.text}`);

describe('rss against the demo site', () => {
  it('reads a news-search RSS feed, turning HTML descriptions into text and dropping "Northwind Traders" articles', async () => {
    const out = await crawlOnce(crawlerFor('rss'), northwind, demo({ kind: 'rss', url: `${site.url}/news/rss?q=northwind` }));
    expect(out.failures).toEqual([]);
    expect(out.items.length).toBeGreaterThan(2);
    expect(out.items.every(mentionsNorthwind)).toBe(true);
    expect(out.items.some((i) => /sample database/i.test(i.title ?? ''))).toBe(false);
    const glitch = out.items.find((i) => i.externalId === 'demo-news-northwind-app-double-charge')!;
    expect(glitch.text).not.toMatch(/<|&lt;|&amp;/);
    expect(glitch.text).toMatch(/duplicate card payments/);
    expect(glitch.url).toBe(`${site.url}/news/articles/northwind-app-double-charge`);
    expect(glitch.meta?.publisher).toBe('Portland Daily');
    expect(out.items.every((i) => RawItem.safeParse(i).success)).toBe(true);
  });

  it('recovers a feed missing its closing </rss>: every item read, the early end noted', async () => {
    const whole = await crawlOnce(crawlerFor('rss'), northwind, demo({ kind: 'rss', url: `${site.url}/news/rss?q=northwind` }));
    const out = await crawlOnce(crawlerFor('rss'), northwind, demo({ kind: 'rss', url: `${site.url}/news/rss?q=northwind&quirk=unclosed` }));
    expect(out.failures).toEqual([]);
    expect(out.items.map((i) => i.externalId)).toEqual(whole.items.map((i) => i.externalId));
    expect(out.notes.join('\n')).toMatch(/feed ended early/);
  });

  it('a feed cut off mid-item keeps the whole items and skips the half-written one', async () => {
    const all = await crawlOnce(crawlerFor('rss'), brightline, demo({ kind: 'rss', url: `${site.url}/news/rss` }));
    const cut = await crawlOnce(crawlerFor('rss'), brightline, demo({ kind: 'rss', url: `${site.url}/news/rss?quirk=truncated` }));
    expect(cut.failures).toEqual([]);
    expect(all.items.length).toBeGreaterThan(0);
    const ids = new Set(all.items.map((i) => i.externalId));
    expect(cut.items.every((i) => ids.has(i.externalId) && i.text.length > 0)).toBe(true);
    expect(cut.items.length).toBeGreaterThanOrEqual(all.items.length - 1);
    expect(cut.notes.join('\n')).toMatch(/cut-off last item was skipped/);
  });

  it('unwraps Google Alerts redirect links to the target article and strips <b> from titles', async () => {
    const out = await crawlOnce(crawlerFor('rss'), northwind, demo({ kind: 'rss', url: `${site.url}/alerts/feeds/northwind` }));
    expect(out.items.length).toBeGreaterThan(2);
    for (const i of out.items) {
      expect(i.url.startsWith(`${site.url}/`)).toBe(true);
      expect(i.url).not.toMatch(/google\.com/);
      expect(i.title ?? '').not.toMatch(/<b>/);
    }
    expect(out.items.map((i) => i.externalId)).toContain('tag:google.com,2013:googlealerts/feed:1112143275533220664');
  });

  it('reads an Atom blog feed and records competitors named alongside the brand', async () => {
    const out = await crawlOnce(crawlerFor('rss'), northwind, demo({ kind: 'rss', url: `${site.url}/blog/feed.atom` }));
    const ranked = out.items.find((i) => /ranked/i.test(i.title ?? ''));
    expect(ranked?.competitors.sort()).toEqual(['bluebird', 'kettle']);
    expect(ranked?.author.name).toBe('Priya');
    const bikes = await crawlOnce(crawlerFor('rss'), brightline, demo({ kind: 'rss', url: `${site.url}/blog/feed.atom` }));
    expect(bikes.items.map((i) => i.title)).toContain('Three months commuting on a Brightline e-bike');
  });

  it('when run again with the cursor, a feed yields nothing new', async () => {
    const src = demo({ kind: 'rss', url: `${site.url}/tags/northwindcoffee.rss` });
    const first = await crawlOnce(crawlerFor('rss'), northwind, src);
    expect(first.items.length).toBeGreaterThan(0);
    const second = await crawlOnce(crawlerFor('rss'), northwind, src, { cursor: first.cursor });
    expect(second.items).toEqual([]);
  });
});

describe('reddit against the demo site', () => {
  it('reads posts and comments naming the brand across subreddits, paging by after', async () => {
    const out = await crawlOnce(crawlerFor('reddit'), northwind, demo({ kind: 'reddit', url: site.url, ids: ['Coffee', 'Portland', 'SQL'] }));
    expect(out.failures).toEqual([]);
    const posts = out.items.filter((i) => i.meta?.type === 'post');
    const comments = out.items.filter((i) => i.meta?.type === 'comment');
    expect(posts.length).toBeGreaterThan(2);
    expect(comments.length).toBeGreaterThan(0);
    expect(out.items.every(mentionsNorthwind)).toBe(true);
    expect(out.items.some((i) => i.meta?.subreddit === 'SQL')).toBe(false); // Northwind Traders questions
    const psa = out.items.find((i) => i.externalId === 't3_cybejw6')!;
    expect(psa.text).toMatch(/^Check your bank statements/);
    expect(psa.engagement?.upvotes).toBe(412);
    expect(psa.engagement?.comments).toBe(5);
    expect(psa.url).toBe(`${site.url}/r/Coffee/comments/cybejw6/psa_northwind_coffee_mobile_ordering_is_charging/`);
  });

  it('keeps posts by deleted authors without inventing a "[deleted]" author, and skips deleted bodies', async () => {
    const out = await crawlOnce(crawlerFor('reddit'), northwind, demo({ kind: 'reddit', url: site.url }));
    const orphaned = out.items.filter((i) => i.meta?.authorDeleted);
    expect(orphaned.length).toBeGreaterThan(0);
    for (const i of orphaned) expect(i.author).toEqual({});
    expect(out.items.some((i) => i.text === '[deleted]' || i.text === '[removed]' || i.author.name === '[deleted]')).toBe(false);
  });

  it('expands "more" stubs through /api/morechildren, and notes what limits.maxPages leaves unread', async () => {
    const src = demo({ kind: 'reddit', url: site.url, ids: ['Coffee'] });
    const out = await crawlOnce(crawlerFor('reddit'), northwind, src);
    const post = out.items.find((i) => i.meta?.type !== 'comment' && /charging twice/i.test(i.title ?? ''))!;
    const res = await fetch(`${site.url}/r/Coffee/comments/${String(post.externalId).replace(/^t3_/, '')}.json`);
    const stub = ((await res.json()) as any)[1].data.children.at(-1);
    expect(stub.kind).toBe('more');
    const got = new Set(out.items.map((i) => i.externalId));
    expect(stub.data.children.filter((id: string) => got.has(`t1_${id}`)).length).toBeGreaterThan(0);
    expect(out.notes.join('\n')).not.toMatch(/"more" stubs/);
    const tight = await crawlOnce(crawlerFor('reddit'), northwind, demo({ kind: 'reddit', url: site.url, ids: ['Coffee'], limits: { maxPages: 2 } }));
    expect(tight.notes.join('\n')).toMatch(/not read \(limits\.maxPages/);
  });

  it('when run again with the cursor, fetches one page per subreddit and nothing new', async () => {
    const src = demo({ kind: 'reddit', url: site.url, ids: ['Coffee'] });
    const first = await crawlOnce(crawlerFor('reddit'), northwind, src);
    const second = await crawlOnce(crawlerFor('reddit'), northwind, src, { cursor: first.cursor });
    expect(second.items).toEqual([]);
    expect(second.pages).toBe(1);
  });
});

describe('hackernews against the demo site', () => {
  it('reads stories and comments from search_by_date with points and comment counts', async () => {
    const out = await crawlOnce(crawlerFor('hackernews'), northwind, demo({ kind: 'hackernews', url: `${site.url}/api/v1` }));
    expect(out.failures).toEqual([]);
    expect(out.items.some((i) => i.meta?.type === 'story')).toBe(true);
    expect(out.items.some((i) => i.meta?.type === 'comment')).toBe(true);
    expect(out.items.every(mentionsNorthwind)).toBe(true);
    const story = out.items.find((i) => i.meta?.type === 'story' && (i.engagement?.upvotes ?? 0) > 0);
    expect(story?.url).toMatch(/^https:\/\/news\.ycombinator\.com\/item\?id=\d+$/);
  });

  it('on an incremental run, asks only for items since the cursor (numericFilters) and finds nothing new', async () => {
    const src = demo({ kind: 'hackernews', url: `${site.url}/api/v1` });
    const first = await crawlOnce(crawlerFor('hackernews'), northwind, src);
    const second = await crawlOnce(crawlerFor('hackernews'), northwind, src, { cursor: first.cursor });
    expect(second.items).toEqual([]);
    const feeds = first.cursor?.feeds as Record<string, { lastPublishedAt: Date }>;
    expect(feeds.Northwind!.lastPublishedAt).toEqual(new Date(Math.max(...first.items.map((i) => i.publishedAt.getTime()))));
  });
});

describe('mastodon against the demo site', () => {
  it('reads hashtag timelines with HTML turned to text and favourites/boosts/replies as engagement', async () => {
    const out = await crawlOnce(crawlerFor('mastodon'), northwind, demo({ kind: 'mastodon', url: site.url, ids: ['northwindcoffee', 'coffee'] }));
    expect(out.failures).toEqual([]);
    expect(out.items.length).toBeGreaterThan(4);
    const maren = out.items.find((i) => i.author.handle === '@maren')!;
    expect(maren.text).toMatch(/^Northwind's new mobile ordering/);
    expect(maren.text).not.toMatch(/<p>|&#39;/);
    expect(maren.engagement).toMatchObject({ likes: 30, shares: 12, comments: 4 });
    expect(maren.author.followers).toBe(812);
    expect(maren.lang).toBe('en');
  });

  it('pages with max_id when a tag has more statuses than one page, and resumes with since_id', async () => {
    const src = demo({ kind: 'mastodon', url: site.url, ids: ['coffee'], limits: { maxItems: 1000 } });
    const first = await crawlOnce(crawlerFor('mastodon'), northwind, src);
    expect((first.cursor?.sinceIds as Record<string, string>).coffee).toMatch(/^\d+$/);
    const second = await crawlOnce(crawlerFor('mastodon'), northwind, src, { cursor: first.cursor });
    expect(second.items).toEqual([]);
    expect(second.pages).toBe(1);
  });
});

describe("the demo config's Northwind query", () => {
  it('drops the offshore wind farm in every mention source, where aliases plus exclusions let it through', async () => {
    const config = loadConfig(join(ROOT, 'config/demo.yaml'), { vars: { DEMO_URL: site.url } });
    const nw = config.brands.find((b) => b.id === 'northwind')!;
    expect(nw.query).toMatch(/NOT/);
    const farm = (i: RawItem) => /wind farm/i.test(`${i.title ?? ''} ${i.text}`);
    const sources = [
      demo({ kind: 'mastodon', url: site.url, ids: ['coffee', 'northwindcoffee'], limits: { maxItems: 1000 } }),
      demo({ kind: 'rss', url: `${site.url}/news/rss?q=northwind` }),
    ];
    for (const src of sources) {
      const before = await crawlOnce(crawlerFor(src.kind), northwind, src);
      const after = await crawlOnce(crawlerFor(src.kind), nw, src);
      expect(before.items.some(farm), src.kind).toBe(true); // the false positive
      expect(after.items.some(farm), src.kind).toBe(false);
      expect(after.items.length, src.kind).toBeGreaterThan(0);
      expect(after.notes.join('\n'), src.kind).toMatch(/the brand query dropped [1-9]\d* item\(s\)/);
      expect(before.notes.join('\n'), src.kind).not.toMatch(/brand query/);
    }
  });
});
