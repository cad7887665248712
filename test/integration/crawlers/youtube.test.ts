import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startDemoSite, type DemoSite } from '../../../src/demo/index.js';
import { crawlerFor } from '../../../crawlers/index.js';
import { Brand } from '../../../src/domain/index.js';
import { brightline, crawlOnce, source } from './helpers.js';

let site: DemoSite;
beforeAll(async () => {
  site = await startDemoSite();
});
afterAll(async () => {
  await site.close();
});
const saved = process.env.YOUTUBE_API_KEY;
afterEach(() => {
  if (saved === undefined) delete process.env.YOUTUBE_API_KEY;
  else process.env.YOUTUBE_API_KEY = saved;
});

const CHANNEL = 'UCr1deTest0ebikeReviews1';
const youtube = (ids: string[], extra: Record<string, unknown> = {}) =>
  source({ kind: 'youtube', url: site.url, ids, allowPrivateNetworks: true, ...extra });

describe('youtube against the demo site', () => {
  it("reads a channel's latest uploads, pages comment threads, keeps replies, notes comments turned off, keeps only comments naming the brand", async () => {
    process.env.YOUTUBE_API_KEY = 'demo-key';
    const out = await crawlOnce(crawlerFor('youtube'), brightline, youtube([CHANNEL]));
    expect(out.failures).toEqual([]);
    expect(out.notes).toContain('comments are turned off on video nOcmNtS0ff2');
    // every kept comment names the brand (aliases here); off-brand chatter is not a mention
    expect(out.items.length).toBeGreaterThan(40);
    for (const c of out.items) expect(c.text).toMatch(/brightline/i);
    const videos = new Set(out.items.map((i) => i.meta?.videoId));
    expect(videos.has('bLr7cmT0r01')).toBe(true);
    // 130 threads on the first video: two pages (100 + 30) were read
    expect(out.pages).toBe(2 + 2 + 1); // channel + uploads, two pages, the third video (the disabled one answered 403)
    expect(out.items.some((i) => i.competitors.includes('voltaro'))).toBe(true);
    const replies = out.items.filter((i) => i.meta?.kind === 'reply');
    expect(replies.length).toBeGreaterThan(0);
    for (const r of replies) expect(out.items.some((i) => i.externalId === r.meta?.parentId) || typeof r.meta?.parentId === 'string').toBe(true);
    const c = out.items[0]!;
    expect(c.url).toMatch(/^https:\/\/www\.youtube\.com\/watch\?v=\w+&lc=/);
    expect(c.author.handle).toMatch(/^@/);
    const times = out.items.filter((i) => i.meta?.videoId === 'bLr7cmT0r01' && i.meta?.kind === 'comment').map((i) => i.publishedAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('with a Boolean brand query, the query decides and the run says how many comments it dropped', async () => {
    process.env.YOUTUBE_API_KEY = 'demo-key';
    const strict = Brand.parse({ ...brightline, query: 'Brightline AND (battery OR warranty)' });
    const out = await crawlOnce(crawlerFor('youtube'), strict, youtube(['bLr7cmT0r01']));
    expect(out.items.length).toBeGreaterThan(0);
    for (const c of out.items) expect(c.text).toMatch(/battery|warranty/i);
    expect(out.notes.join('\n')).toMatch(/the brand query dropped [1-9]\d* item\(s\)/);
  });

  it('a rerun with the cursor reads one page per video and finds nothing new', async () => {
    process.env.YOUTUBE_API_KEY = 'demo-key';
    const src = youtube(['bLr7cmT0r01']);
    const first = await crawlOnce(crawlerFor('youtube'), brightline, src);
    const second = await crawlOnce(crawlerFor('youtube'), brightline, src, { cursor: first.cursor });
    expect(second.items).toEqual([]);
    expect(second.pages).toBe(1);
  });

  it('without a key, or with a wrong one, the run says so in one line and never shows the key', async () => {
    delete process.env.YOUTUBE_API_KEY;
    const none = await crawlOnce(crawlerFor('youtube'), brightline, youtube(['bLr7cmT0r01']));
    expect(none.failures.map((f) => f.reason)).toEqual(['a youtube source needs a YouTube Data API key in YOUTUBE_API_KEY']);
    process.env.OTHER_YT_KEY = 'wrong-secret-key';
    const bad = await crawlOnce(crawlerFor('youtube'), brightline, youtube(['bLr7cmT0r01', 'vLtVsBl0003'], { keyEnv: 'OTHER_YT_KEY' }));
    delete process.env.OTHER_YT_KEY;
    expect(bad.failures).toHaveLength(1); // a bad key fails every call: the run stops at the first
    expect(bad.failures[0]).toMatchObject({ class: 'blocked' });
    expect(bad.failures[0]!.reason).toMatch(/keyInvalid/);
    expect(JSON.stringify(bad)).not.toContain('wrong-secret-key');
    // a spent daily quota is Google's rate limit (403 quotaExceeded, no Retry-After): blocked, the run stops
    process.env.YOUTUBE_API_KEY = 'spent-key';
    const spent = await crawlOnce(crawlerFor('youtube'), brightline, youtube(['bLr7cmT0r01', 'vLtVsBl0003']));
    expect(spent.failures).toHaveLength(1);
    expect(spent.failures[0]).toMatchObject({ class: 'blocked' });
    expect(spent.failures[0]!.reason).toMatch(/quotaExceeded/);
  });
});
