import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { load } from 'cheerio';
import { chromium } from 'playwright-core';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoSite, type DemoSite } from '../../src/demo/index.js';

const NOW = new Date('2025-03-10T12:00:00Z');
const NOW_S = NOW.getTime() / 1000;
let site: DemoSite;

beforeAll(async () => {
  site = await startDemoSite({ now: NOW, reviewPages: 5 });
});
afterAll(async () => {
  await site.close();
});

async function get(path: string, base = site.url) {
  const res = await fetch(new URL(path, base));
  return { status: res.status, headers: res.headers, text: await res.text() };
}
async function getJson<T = any>(path: string) {
  const r = await get(path);
  expect(r.status, path).toBe(200);
  return { ...r, json: JSON.parse(r.text) as T };
}

/** Every JSON-LD block of a page, parsed. */
function jsonLd(html: string): unknown[] {
  const $ = load(html);
  return $('script[type="application/ld+json"]').toArray().map((el) => JSON.parse($(el).text()));
}
/** All schema.org Review nodes anywhere in the JSON-LD (graphs, arrays, nested). */
function reviewsIn(node: unknown, out: any[] = []): any[] {
  if (Array.isArray(node)) node.forEach((n) => reviewsIn(n, out));
  else if (node && typeof node === 'object') {
    if ((node as any)['@type'] === 'Review') out.push(node);
    Object.values(node).forEach((v) => reviewsIn(v, out));
  }
  return out;
}
function findType(node: unknown, type: string): any {
  if (Array.isArray(node)) return node.map((n) => findType(n, type)).find(Boolean);
  if (node && typeof node === 'object') {
    if ((node as any)['@type'] === type) return node;
    return Object.values(node).map((v) => findType(v, type)).find(Boolean);
  }
  return undefined;
}

describe('review pages with schema.org JSON-LD', () => {
  it('when a crawler follows rel=next on the cafe guide, it collects every review once, each with a stable @id', async () => {
    const seen: any[] = [];
    let path: string | undefined = '/cafes/northwind';
    let declared = 0;
    for (let hops = 0; path && hops < 50; hops++) {
      const r = await get(path);
      expect(r.status).toBe(200);
      const ld = jsonLd(r.text);
      expect((ld[0] as any)['@graph']).toBeInstanceOf(Array);
      declared = findType(ld, 'CafeOrCoffeeShop').aggregateRating.reviewCount;
      seen.push(...reviewsIn(ld));
      path = load(r.text)('a[rel="next"]').attr('href');
    }
    expect(seen.length).toBe(declared);
    expect(seen.length).toBeGreaterThan(20);
    expect(new Set(seen.map((r) => r['@id'])).size).toBe(seen.length);
    expect(seen.some((r) => typeof r.author === 'string')).toBe(true);
    expect(seen.some((r) => r.author?.['@type'] === 'Person')).toBe(true);
    for (const r of seen) expect(r.reviewRating.ratingValue).toBeTypeOf('number');
    // The permalink of a review serves that review alone.
    const one = await get(seen[3]['@id']);
    expect(reviewsIn(jsonLd(one.text)).map((r) => r.reviewBody)).toEqual([seen[3].reviewBody]);
  });

  it('when the shop paginates by ?page=N, ratings are strings and a page past the end has no reviews', async () => {
    const all: any[] = [];
    for (let n = 1; n < 20; n++) {
      const r = await get(`/shop/brightline/reviews?page=${n}`);
      expect(r.status).toBe(200);
      const blocks = jsonLd(r.text);
      expect(blocks.some(Array.isArray)).toBe(true);
      const reviews = reviewsIn(blocks);
      if (!reviews.length) break;
      all.push(...reviews);
    }
    expect(all.length).toBeGreaterThan(25);
    expect(all.every((r) => typeof r.reviewRating.ratingValue === 'string' && r.reviewRating.worstRating === '1')).toBe(true);
    expect(all.every((r) => r.itemReviewed?.['@type'] === 'Product')).toBe(true);
    expect((await get('/shop/brightline/reviews?page=abc')).status).toBe(400);
  });

  it('when a product has one featured review, `review` is a single object, not an array', async () => {
    const helmet = findType(jsonLd((await get('/shop/brightline/products/aero-helmet')).text), 'Product');
    expect(helmet.review['@type']).toBe('Review');
    const bike = findType(jsonLd((await get('/shop/brightline/products/commuter-7')).text), 'Product');
    expect(Array.isArray(bike.review)).toBe(true);
  });

  it('when the app site rates out of 10, bestRating is 10 and "0" marks an unrated review', async () => {
    const all: any[] = [];
    for (let n = 1; n < 10; n++) {
      const reviews = reviewsIn(jsonLd((await get(`/apps/pixelpost?page=${n}`)).text));
      if (!reviews.length) break;
      all.push(...reviews);
    }
    expect(all.every((r) => r.reviewRating.bestRating === 10)).toBe(true);
    expect(all.filter((r) => r.reviewRating.ratingValue === '0').length).toBeGreaterThanOrEqual(2);
    expect(all.some((r) => Number(r.reviewRating.ratingValue) > 5)).toBe(true);
    expect(all.some((r) => r.author?.['@type'] === 'Organization')).toBe(true);
    expect(all.every((r) => r.url && !r['@id'])).toBe(true);
  });

  it('when a page uses microdata instead, its reviews carry itemprops and it has no JSON-LD', async () => {
    const r = await get('/guide/northwind');
    const $ = load(r.text);
    expect(jsonLd(r.text)).toEqual([]);
    const items = $('[itemtype="https://schema.org/Review"]');
    expect(items.length).toBe(10);
    const first = items.first();
    expect(first.find('[itemprop="reviewBody"]').text().length).toBeGreaterThan(20);
    expect(Number(first.find('[itemprop="ratingValue"]').text())).toBeGreaterThanOrEqual(1);
    expect(first.find('[itemprop="datePublished"]').attr('content')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(first.attr('itemid')).toContain('/guide/northwind/reviews/');
    expect($('a[rel="next"]').attr('href')).toBe('/guide/northwind/page/2');
  });

  it('robots.txt forbids /private/, where the mystery-shopper reviews live', async () => {
    expect((await get('/robots.txt')).text).toMatch(/User-agent: \*\nDisallow: \/private\//);
    expect(reviewsIn(jsonLd((await get('/private/reviews')).text)).length).toBe(3);
  });
});

describe('the northwind spike', () => {
  it('when alert rules look at the last 48 hours, Northwind has a burst of fresh negative reviews', async () => {
    const fresh: number[] = [];
    for (const path of ['/cafes/northwind', '/cafes/northwind/page/2']) {
      for (const r of reviewsIn(jsonLd((await get(path)).text))) {
        if (NOW.getTime() - Date.parse(r.datePublished) < 48 * 3600_000) fresh.push(r.reviewRating.ratingValue);
      }
    }
    const board = load((await get('/board/northwind')).text);
    board('article.review').each((_, el) => {
      if (NOW.getTime() - Date.parse(board(el).find('time').attr('datetime')!) < 48 * 3600_000) {
        fresh.push(Number(board(el).find('.stars').attr('data-rating')));
      }
    });
    expect(fresh.length).toBeGreaterThanOrEqual(10);
    expect(fresh.every((v) => v <= 2)).toBe(true);
  });
});

describe('site-profile pages (no structured data)', () => {
  it('when a profile selects article.review and follows a.next-page, every field is there', async () => {
    let path: string | undefined = '/board/brightline';
    let count = 0;
    while (path) {
      const $ = load((await get(path)).text);
      $('article.review').each((_, el) => {
        const a = $(el);
        expect(a.find('h3.review-title').text()).not.toBe('');
        expect(a.find('p.review-text').text().length).toBeGreaterThan(10);
        expect(Number(a.find('span.stars').attr('data-rating'))).toBeGreaterThanOrEqual(1);
        expect(a.find('span.review-author').text()).not.toBe('');
        expect(Date.parse(a.find('time').attr('datetime')!)).toBeLessThanOrEqual(NOW.getTime());
        expect(a.find('a.permalink').attr('href')).toMatch(/^\/board\/brightline\/r\//);
        expect(a.attr('data-review-id')).toBeTruthy();
        count++;
      });
      path = $('a.next-page').attr('href');
    }
    expect(count).toBeGreaterThan(20);
  });

  it('when fetched without a browser, the live page has no reviews, only a script and its JSON endpoint', async () => {
    const $ = load((await get('/live/northwind')).text);
    expect($('article.review').length).toBe(0);
    expect($('#reviews').length).toBe(1);
    const { json } = await getJson('/live/northwind/reviews.json?offset=10&limit=10');
    expect(json.items).toHaveLength(4);
    expect(json.next).toBeNull();
  });

  it.skipIf(!existsSync(process.env.EARSHOT_CHROMIUM ?? '/usr/bin/chromium'))('when a real browser clicks "Load more", reviews are appended until all are shown', async () => {
    const browser = await chromium.launch({
      executablePath: process.env.EARSHOT_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await browser.newPage();
      await page.goto(`${site.url}/live/northwind`);
      await page.waitForSelector('article.review');
      expect(await page.locator('article.review').count()).toBe(10);
      await page.click('button.load-more');
      await page.locator('article.review').nth(10).waitFor();
      expect(await page.locator('article.review').count()).toBe(14);
      expect(await page.locator('button.load-more').count()).toBe(0);
      expect(await page.locator('article.review .stars[data-rating]').count()).toBe(14);
    } finally {
      await browser.close();
    }
  });
});

describe('feeds', () => {
  const parser = new Parser();

  it('when the news RSS is searched, items match the query and link to articles on the site', async () => {
    const feed = await parser.parseString((await get('/news/rss?q=northwind')).text);
    expect(feed.items.length).toBeGreaterThanOrEqual(3);
    for (const item of feed.items) {
      const article = await get(item.link!); // the search matches the whole article, as news search does
      expect(article.status).toBe(200);
      expect(article.text).toMatch(/northwind/i);
    }
    expect(feed.items[0]!.content).toContain('<a href=');
    expect(feed.items[0]!.pubDate).toMatch(/GMT$/);
    expect((await parser.parseString((await get('/news/rss?q=zzzz-nothing')).text)).items).toEqual([]);
  });

  it('when a Google Alerts link is unwrapped, its url parameter points at a page on the demo site', async () => {
    const feed = await parser.parseString((await get('/alerts/feeds/northwind')).text);
    expect(feed.items.length).toBeGreaterThanOrEqual(4);
    for (const item of feed.items) {
      const link = new URL(item.link!);
      expect(link.origin + link.pathname).toBe('https://www.google.com/url');
      expect(link.searchParams.get('ct')).toBe('ga');
      const target = link.searchParams.get('url')!;
      expect(target.startsWith(site.url)).toBe(true);
    }
    expect((await get(new URL(feed.items[0]!.link!).searchParams.get('url')!)).status).toBe(200);
    expect(feed.items.some((i) => i.title!.includes('<b>Northwind</b>'))).toBe(true);
  });

  it('the blog Atom feed and the Mastodon hashtag RSS parse', async () => {
    const blog = await parser.parseString((await get('/blog/feed.atom')).text);
    expect(blog.items.length).toBeGreaterThanOrEqual(5);
    expect(blog.items[0]!.link).toContain('/blog/posts/');
    const tag = await parser.parseString((await get('/tags/northwindcoffee.rss')).text);
    expect(tag.items.length).toBeGreaterThanOrEqual(5);
    expect(tag.items[0]!.content).toContain('class="mention hashtag"');
  });
});

describe('reddit listing JSON', () => {
  it('when paging a search by `after`, it reaches the end with every matching post exactly once', async () => {
    const ids: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const r: { json: any; headers: Headers } = await getJson(`/search.json?q=northwind&sort=new&limit=3${after ? `&after=${after}` : ''}`);
      expect(r.json.kind).toBe('Listing');
      expect(Number(r.headers.get('x-ratelimit-remaining'))).toBeGreaterThan(0);
      expect(r.headers.get('x-ratelimit-used')).toMatch(/^\d+$/);
      expect(r.headers.get('x-ratelimit-reset')).toMatch(/^\d+$/);
      for (const c of r.json.data.children) {
        expect(c.kind).toBe('t3');
        expect(c.data.name).toBe(`t3_${c.data.id}`);
        ids.push(c.data.id);
      }
      after = r.json.data.after;
      pages++;
    } while (after && pages < 20);
    expect(after).toBeNull();
    expect(ids.length).toBeGreaterThanOrEqual(9);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('when restrict_sr=1, a subreddit search stays in that subreddit, newest first', async () => {
    const { json } = await getJson('/r/coffee/search.json?q=northwind&restrict_sr=1&sort=new&limit=100');
    const posts = json.data.children.map((c: any) => c.data);
    expect(posts.every((p: any) => p.subreddit === 'Coffee')).toBe(true);
    expect(posts.map((p: any) => p.created_utc)).toEqual([...posts.map((p: any) => p.created_utc)].sort((a, b) => b - a));
    expect(posts.some((p: any) => p.author === '[deleted]')).toBe(true);
  });

  it('when a thread is fetched, it is [post listing, comment listing] with nested t1 replies', async () => {
    const { json: search } = await getJson('/r/Coffee/search.json?q=PSA+charging+twice&restrict_sr=1');
    const post = search.data.children[0].data;
    const { json } = await getJson(`${post.permalink}.json`);
    expect(json).toHaveLength(2);
    expect(json[0].data.children[0].data.id).toBe(post.id);
    const children = json[1].data.children;
    const comments = children.filter((c: any) => c.kind === 't1');
    expect(comments.every((c: any) => typeof c.data.body === 'string')).toBe(true);
    // Like Reddit, the rest of the thread sits in a trailing `more` stub, read through /api/morechildren.
    const more = children.at(-1);
    expect(more.kind).toBe('more');
    expect(more.data.count).toBe(more.data.children.length);
    const { json: rest } = await getJson(`/api/morechildren.json?api_type=json&link_id=t3_${post.id}&children=${more.data.children.join(',')}`);
    const things = rest.json.data.things;
    expect(things.every((t: any) => t.kind === 't1' && t.data.replies === '')).toBe(true);
    expect(more.data.children.every((id: string) => things.some((t: any) => t.data.id === id))).toBe(true);
    const all = [...comments, ...things];
    expect(all.some((c: any) => c.data.author === '[deleted]')).toBe(true);
    const hasReplies = (c: any) => c.data.replies !== '' || things.some((t: any) => t.data.parent_id === `t1_${c.data.id}`);
    expect(all.some(hasReplies)).toBe(true); // nested in the thread answer, flat (by parent_id) in morechildren
    const tooMany = await get(`/api/morechildren.json?api_type=json&link_id=t3_${post.id}&children=${Array.from({ length: 101 }, (_, i) => `c${i}`).join(',')}`);
    expect(tooMany.status).toBe(400);
  });
});

describe('Hacker News Algolia search', () => {
  it('when numericFilters bound created_at_i, only hits inside the window come back', async () => {
    const since = NOW_S - 2 * 86_400;
    const { json } = await getJson(`/api/v1/search_by_date?query=northwind&tags=(story,comment)&numericFilters=created_at_i>${since}&hitsPerPage=50`);
    expect(json.hits.length).toBeGreaterThanOrEqual(3);
    expect(json.hits.every((h: any) => h.created_at_i > since)).toBe(true);
    const { json: old } = await getJson(`/api/v1/search_by_date?query=northwind&numericFilters=created_at_i<${since}&hitsPerPage=50`);
    expect(old.hits.every((h: any) => h.created_at_i < since)).toBe(true);
    expect(old.nbHits + json.nbHits).toBeGreaterThanOrEqual(json.nbHits + 1);
    expect((await get('/api/v1/search_by_date?numericFilters=bogus>1')).status).toBe(400);
  });

  it('when paging with hitsPerPage, pages partition the hits and stories/comments have their own fields', async () => {
    const first = (await getJson('/api/v1/search_by_date?query=&tags=(story,comment)&hitsPerPage=7&page=0')).json;
    const ids: string[] = [];
    for (let p = 0; p < first.nbPages; p++) {
      ids.push(...(await getJson(`/api/v1/search_by_date?tags=(story,comment)&hitsPerPage=7&page=${p}`)).json.hits.map((h: any) => h.objectID));
    }
    expect(ids.length).toBe(first.nbHits);
    expect(new Set(ids).size).toBe(ids.length);
    const stories = (await getJson('/api/v1/search_by_date?tags=story&hitsPerPage=100')).json.hits;
    expect(stories.every((h: any) => h._tags.includes('story') && h.comment_text === null && h.title)).toBe(true);
    const comments = (await getJson('/api/v1/search_by_date?tags=comment&hitsPerPage=100')).json.hits;
    expect(comments.every((h: any) => h.title === null && h.comment_text && h.story_id && h.parent_id)).toBe(true);
  });
});

describe('Mastodon hashtag timeline', () => {
  it('when following the Link header rel="next", statuses come newest first until an empty page', async () => {
    const seen: string[] = [];
    let url: string | undefined = `${site.url}/api/v1/timelines/tag/northwindcoffee?limit=3`;
    let guard = 0;
    while (url && guard++ < 20) {
      const r = await get(url);
      const statuses = JSON.parse(r.text);
      if (!statuses.length) {
        expect(r.headers.get('link')).toBeNull();
        break;
      }
      for (const s of statuses) {
        expect(s.id).toMatch(/^\d+$/);
        expect(s.account.followers_count).toBeTypeOf('number');
        expect(s.content).toMatch(/^<p>/);
        seen.push(s.id);
      }
      url = /<([^>]+)>; rel="next"/.exec(r.headers.get('link') ?? '')?.[1];
    }
    expect(seen.length).toBeGreaterThanOrEqual(8);
    const sorted = [...seen].sort((a, b) => (BigInt(b) > BigInt(a) ? 1 : -1));
    expect(seen).toEqual(sorted);
    // rel="prev" (min_id) from an older page returns the statuses just newer than it.
    const older = JSON.parse((await get(`/api/v1/timelines/tag/northwindcoffee?limit=2&max_id=${seen[4]}`)).text);
    const newer = JSON.parse((await get(`/api/v1/timelines/tag/northwindcoffee?limit=2&min_id=${older[0].id}`)).text);
    expect(newer.map((s: any) => s.id)).toEqual([seen[3], seen[4]]);
    const since = JSON.parse((await get(`/api/v1/timelines/tag/northwindcoffee?since_id=${seen[2]}`)).text);
    expect(since.map((s: any) => s.id)).toEqual(seen.slice(0, 2));
  });
});

describe('App Store customer reviews feed', () => {
  const feedUrl = (cc: string, page: number) => `/${cc}/rss/customerreviews/page=${page}/id=1530998142/sortby=mostrecent/json`;

  it('when a storefront has more than 500 reviews, only 10 pages of 50 are reachable and page 11 is an error', async () => {
    const ids = new Set<string>();
    for (let p = 1; p <= 10; p++) {
      const { json } = await getJson(feedUrl('us', p));
      expect(json.feed.entry).toHaveLength(50);
      for (const e of json.feed.entry) ids.add(e.id.label);
      if (p === 1) {
        const e = json.feed.entry[0];
        expect(e['im:rating'].label).toMatch(/^[1-5]$/);
        expect(e.content.attributes.type).toBe('text');
        expect(e.author.name.label).toBeTruthy();
        expect(e.updated.label).toMatch(/-07:00$/);
        expect(json.feed.link.map((l: any) => l.attributes.rel)).toEqual(expect.arrayContaining(['self', 'first', 'last', 'next']));
      }
    }
    expect(ids.size).toBe(500);
    const r11 = await get(feedUrl('us', 11));
    expect(r11.status).toBe(400);
    expect(r11.text).toBe('CustomerReviews RSS page depth is limited to 10');
  });

  it('when a page holds a single review, `entry` is an object; past the end there is no `entry`', async () => {
    const { json } = await getJson(feedUrl('gb', 2));
    expect(Array.isArray(json.feed.entry)).toBe(false);
    expect(json.feed.entry.id.label).toMatch(/^\d+$/);
    expect((await getJson(feedUrl('gb', 3))).json.feed.entry).toBeUndefined();
    expect((await getJson(feedUrl('fr', 1))).json.feed.entry).toBeUndefined();
    const de = (await getJson('/de/rss/customerreviews/id=1530998142/sortby=mostrecent/json')).json.feed.entry;
    expect(de.length).toBe(41);
  });
});

describe('the site itself', () => {
  it('the index page links every kind of source', async () => {
    const $ = load((await get('/')).text);
    const hrefs = $('a').toArray().map((a) => $(a).attr('href') ?? '');
    for (const prefix of ['/cafes/', '/guide/', '/shop/', '/apps/', '/board/', '/live/', '/news/rss', '/alerts/feeds/', '/blog/feed.atom', '/tags/', '/search.json', '/r/', '/api/v1/search_by_date', '/api/v1/timelines/tag/', '/us/rss/customerreviews/', '/bench/page/1']) {
      expect(hrefs.some((h) => h.startsWith(prefix)), prefix).toBe(true);
    }
  });

  it('when reviewPages is set, bench pages chain by rel=next up to N and stop', async () => {
    const p1 = await get('/bench/page/1');
    expect(reviewsIn(jsonLd(p1.text))).toHaveLength(10);
    expect(load(p1.text)('a[rel="next"]').attr('href')).toBe('/bench/page/2');
    expect(load((await get('/bench/page/5')).text)('a[rel="next"]').length).toBe(0);
    expect((await get('/bench/page/6')).status).toBe(404);
  });

  it('when started twice with the same `now`, it serves the same bytes; a later `now` keeps ids but moves dates', async () => {
    const paths = ['/cafes/northwind/page/2', '/guide/northwind', '/shop/brightline/reviews', '/apps/pixelpost', '/board/northwind',
      '/news/rss?q=northwind', '/alerts/feeds/brightline', '/blog/feed.atom', '/search.json?q=brightline', '/api/v1/search_by_date?query=pixelpost',
      '/api/v1/timelines/tag/coffee', '/us/rss/customerreviews/page=3/id=1530998142/sortby=mostrecent/json'];
    const twin = await startDemoSite({ now: new Date(NOW), reviewPages: 5 });
    const later = await startDemoSite({ now: new Date(NOW.getTime() + 86_400_000) });
    try {
      for (const p of paths) {
        const norm = (text: string, origin: string) => text.split(origin).join('ORIGIN').split(encodeURIComponent(origin)).join('ORIGIN');
        const a = norm((await get(p)).text, site.url);
        const b = norm((await get(p, twin.url)).text, twin.url);
        expect(b, p).toBe(a);
      }
      const ids = async (base: string) => reviewsIn(jsonLd((await get('/cafes/kettle', base)).text));
      const [today, tomorrow] = [await ids(site.url), await ids(later.url)];
      expect(tomorrow.map((r) => r['@id'].replace(later.url, ''))).toEqual(today.map((r) => r['@id'].replace(site.url, '')));
      expect(Date.parse(tomorrow[0].datePublished) - Date.parse(today[0].datePublished)).toBe(86_400_000);
    } finally {
      await twin.close();
      await later.close();
    }
  });

  it('when closed, the port is free again and requests() counted what it served', async () => {
    const s = await startDemoSite({ now: NOW });
    const keepAlive = await fetch(`${s.url}/robots.txt`); // leaves a keep-alive connection open
    await keepAlive.text();
    await get('/nope', s.url);
    expect(s.requests()).toBe(2);
    await s.close();
    await expect(fetch(`${s.url}/`)).rejects.toThrow();
    await new Promise<void>((resolve, reject) => {
      const probe = createServer().once('error', reject).listen(s.port, '127.0.0.1', () => probe.close(() => resolve()));
    });
  });

  it('when given bad options, it refuses with a one-line reason', async () => {
    await expect(startDemoSite({ port: 70000 })).rejects.toThrow(/port must be an integer/);
    await expect(startDemoSite({ reviewPages: -1 })).rejects.toThrow(/reviewPages/);
    await expect(startDemoSite({ now: new Date('nope') })).rejects.toThrow(/valid Date/);
    await expect(startDemoSite({ port: site.port })).rejects.toThrow(/cannot listen/);
  });
});
