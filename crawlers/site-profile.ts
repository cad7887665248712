import type { RawItem, SiteProfile } from '../src/domain/index.js';
import type { CrawlContext, CrawlOutcome, SourceCrawler } from './crawler.js';
import { brandMatcher } from './lib/brand-match.js';
import { runPlaywrightCrawl } from './lib/browser/playwright-crawl.js';
import { runCheerioCrawl } from './lib/cheerio-crawl.js';
import { Incremental } from './lib/incremental.js';
import { contentHashId, stableUrlId } from './lib/item-id.js';
import { competitorsOf, itemBase } from './lib/items.js';
import { RunScope, type CrawlerDeps } from './lib/run-scope.js';
import { extractWithProfile, profileNextPage, type ProfilePage, type ProfileReview } from './lib/site-profile/extract.js';

/** Options of the site-profile crawler besides the common ones. */
export interface SiteProfileDeps extends CrawlerDeps {
  /** Browser crawls replace the browser after this many pages. Default 10. */
  retireBrowserAfterPages?: number;
}

/** Per-run state shared by the HTTP and browser modes. */
class Collector {
  readonly items: RawItem[] = [];
  private readonly ids = new Set<string>();
  private readonly incremental: Incremental;
  private readonly matcher;
  reachedSeen = false;
  lastPage = false;
  private firstPage = true;

  constructor(
    private readonly scope: RunScope,
    private readonly profile: SiteProfile,
  ) {
    this.incremental = new Incremental(scope.ctx);
    this.matcher = brandMatcher(scope.ctx.brand);
  }

  get full(): boolean {
    return this.items.length >= this.scope.limits.maxItems;
  }

  private toItem(r: ProfileReview, pageUrl: string): RawItem {
    const host = new URL(pageUrl).hostname;
    const externalId = r.id ? `${host}:${r.id}` : r.url ? stableUrlId(r.url, pageUrl) : contentHashId(host, r.author.name, r.publishedAt?.toISOString(), r.title, r.text);
    const item: RawItem = {
      ...itemBase(this.scope),
      externalId,
      url: r.url ?? pageUrl,
      author: r.author,
      text: r.text || r.title || '',
      publishedAt: r.publishedAt ?? this.scope.collectedAt,
      competitors: [],
      meta: { render: this.scope.ctx.source.render, ...(r.publishedAt ? {} : { dateMissing: true }) },
    };
    if (r.title) item.title = r.title;
    if (r.rating) item.rating = r.rating;
    if (r.lang) item.lang = r.lang;
    return item;
  }

  /** Takes one page's (or one "load more" round's) reviews; returns false once paging should stop. */
  take(page: ProfilePage, pageUrl: string): boolean {
    if (this.firstPage && page.matched === 0) {
      this.scope.failures.push({
        class: 'parse',
        url: pageUrl,
        reason: `profile.item selector "${this.profile.item}" matched nothing (did the site change${this.scope.ctx.source.render === 'http' ? ', or does it need render: browser' : ''}?)`,
      });
    } else if (this.firstPage && page.reviews.length === 0) {
      this.scope.failures.push({ class: 'parse', url: pageUrl, reason: `profile.text selector "${this.profile.text}" found no text in ${page.matched} items` });
    }
    this.firstPage = false;
    if (page.reviews.length === 0) {
      this.lastPage = true;
      return false;
    }
    const items = page.reviews.map((r) => this.toItem(r, pageUrl));
    for (const item of items) {
      if (this.ids.has(item.externalId!)) continue;
      this.ids.add(item.externalId!);
      if (!this.incremental.observe(item.externalId!, item.publishedAt) || this.full) continue;
      item.competitors = competitorsOf(this.matcher, item);
      this.items.push(item);
    }
    if (this.incremental.reachedSeen(items)) this.reachedSeen = true;
    return !this.reachedSeen && !this.full;
  }

  outcome(): CrawlOutcome {
    const { scope } = this;
    if (this.full) scope.note(`stopped at limits.maxItems (${scope.limits.maxItems})`);
    const complete = this.reachedSeen || (this.lastPage && !scope.missedPages);
    return scope.outcome(this.items, this.ids.size > 0 ? this.incremental.nextCursor(complete, scope.collectedAt) : undefined);
  }
}

async function crawlHttp(scope: RunScope, profile: SiteProfile, c: Collector): Promise<void> {
  await runCheerioCrawl({
    scope,
    startUrls: [scope.ctx.source.url!],
    shouldStop: () => c.full,
    onPage: ({ $, finalUrl }) => {
      if (!c.take(extractWithProfile($, finalUrl, profile), finalUrl)) return [];
      const next = profileNextPage($, finalUrl, profile);
      if (!next) c.lastPage = true;
      return next ? [next] : [];
    },
  });
}

async function crawlBrowser(scope: RunScope, profile: SiteProfile, c: Collector, deps: SiteProfileDeps): Promise<void> {
  const waitMs = Math.min(10_000, scope.limits.requestTimeoutSecs * 1000);
  await runPlaywrightCrawl({
    scope,
    startUrls: [scope.ctx.source.url!],
    retireBrowserAfterPages: deps.retireBrowserAfterPages,
    onPage: async ({ page, snapshot }) => {
      const url = page.url();
      await page.waitForSelector(profile.item, { timeout: waitMs }).catch(() => undefined);
      let snap = await snapshot();
      let more = c.take(extractWithProfile(snap.$, url, profile), url);
      // "Load more": click until the button disappears, nothing new appears, or a limit is reached.
      while (more && profile.loadMore && !scope.aborted) {
        if (scope.pages >= scope.limits.maxPages) {
          scope.note(`stopped clicking "load more" at limits.maxPages (${scope.limits.maxPages})`);
          break;
        }
        const button = page.locator(profile.loadMore).first();
        if (!(await button.isVisible().catch(() => false))) {
          c.lastPage = true;
          break;
        }
        const before = await page.locator(profile.item).count();
        await button.click({ timeout: waitMs });
        const grew = await page
          .waitForFunction(
            // runs in the page; `document` is the browser's (no DOM lib in this Node project)
            ([sel, n]) => (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }).document.querySelectorAll(sel as string).length > (n as number),
            [profile.item, before] as const,
            { timeout: waitMs },
          )
          .then(() => true, () => false);
        scope.pageDone(url, c.items.length);
        if (!grew) {
          c.lastPage = true;
          break;
        }
        snap = await snapshot();
        more = c.take(extractWithProfile(snap.$, url, profile), url);
      }
      if (!more) return [];
      const next = profileNextPage(snap.$, url, profile);
      if (!next && !profile.loadMore) c.lastPage = true;
      return next ? [next] : [];
    },
  });
}

async function crawl(ctx: CrawlContext, deps: SiteProfileDeps): Promise<CrawlOutcome> {
  const scope = new RunScope(ctx, deps);
  const profile = ctx.source.profile;
  if (!ctx.source.url || !profile) {
    scope.failures.push({ class: 'content', url: ctx.source.url ?? '', reason: 'a site-profile source needs a url and a profile' });
    return scope.outcome([]);
  }
  const collector = new Collector(scope, profile);
  if (ctx.source.render === 'browser') await crawlBrowser(scope, profile, collector, deps);
  else await crawlHttp(scope, profile, collector);
  return collector.outcome();
}

/** A `site-profile` crawler; `deps` are for tests (network allowances, limiter, browser retirement). */
export function createSiteProfileCrawler(deps: SiteProfileDeps = {}): SourceCrawler {
  return { kind: 'site-profile', crawl: (ctx) => crawl(ctx, deps) };
}

/**
 * Reviews from sites without structured data, read with a user-defined profile of CSS selectors. `render: http` uses
 * crawlee's CheerioCrawler; `render: browser` uses PlaywrightCrawler on the system Chromium and clicks "load more".
 */
export const siteProfileCrawler: SourceCrawler = createSiteProfileCrawler();
