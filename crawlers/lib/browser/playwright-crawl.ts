import { existsSync } from 'node:fs';
import { PlaywrightCrawler } from '@crawlee/playwright';
import { chromium, type Page } from 'playwright';
import { load, type CheerioAPI } from 'cheerio';
import { looksBinary } from '../charset.js';
import { botWallReason } from '../bot-wall.js';
import { crawleeLog, runConfiguration } from '../crawlee-setup.js';
import { CrawlError } from '../errors.js';
import { statusProblem, type RunScope } from '../run-scope.js';
import { startGuardProxy } from './guard-proxy.js';
import { guardPage } from './guarded-routing.js';
import { PermanentError } from '../../../src/domain/errors.js';

/** Chromium used for `render: browser` sources. Override with `EARSHOT_CHROMIUM`. */
export const CHROMIUM_PATH = process.env.EARSHOT_CHROMIUM ?? '/usr/bin/chromium';
/** Is the system Chromium there? (`render: browser` sources need it; earshot never downloads a browser.) */
export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/** The one line a user sees when a browser source cannot run. */
export function chromiumMissing(): string {
  return `Chromium not found at ${CHROMIUM_PATH}: install it (Debian: apt-get install -y chromium) or set EARSHOT_CHROMIUM`;
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  // WebRTC may not send UDP around the proxy (STUN/TURN probes of internal addresses).
  '--force-webrtc-ip-handling-policy=disable_non_proxied_udp',
  '--webrtc-ip-handling-policy=disable_non_proxied_udp',
  // No speculative DNS or connections the page did not ask for.
  '--dns-prefetch-disable',
];

/** A rendered page: its live Playwright page (for clicking) and a snapshot parser of its current DOM. */
export interface RenderedPage {
  url: string;
  page: Page;
  /** Parses the page's current HTML (call again after the DOM changed). */
  snapshot(): Promise<{ $: CheerioAPI; html: string }>;
}

export interface PlaywrightCrawlOptions {
  scope: RunScope;
  startUrls: string[];
  /** Reads (and may interact with) one rendered page; returns URLs to crawl next. */
  onPage(page: RenderedPage): Promise<string[]>;
  /** Browsers are replaced after this many pages (memory leaks, fingerprinting). Default 10. */
  retireBrowserAfterPages?: number;
}

/**
 * Runs crawlee's `PlaywrightCrawler` on the system Chromium, headless, one page at a time, with every browser request
 * routed through earshot's network policy (see `guardPage`), everything else Chromium would send on its own behind a
 * guard proxy (see `startGuardProxy`), service workers blocked, browsers retired after N pages, and failures classed.
 */
export async function runPlaywrightCrawl(opts: PlaywrightCrawlOptions): Promise<void> {
  const { scope } = opts;
  if (!chromiumAvailable()) throw new PermanentError(chromiumMissing());
  const refused = new Map<string, CrawlError>();
  const pageScriptRefused = (url: string, err: CrawlError) => {
    if (err.failureClass === 'policy' && !scope.failures.some((f) => f.url === (err.url ?? url))) {
      // a page script reaching for a private address is worth knowing about; the page itself goes on
      scope.failures.push({ class: 'policy', url: err.url ?? url, reason: `page script request refused: ${err.message}` });
    }
  };
  // Whatever Chromium sends on its own (not answered by guardPage) goes through this proxy and the URL guard.
  const proxy = await startGuardProxy(scope.policy, pageScriptRefused);
  try {
    await crawlBehind(proxy.url, opts, refused, pageScriptRefused);
  } finally {
    await proxy.close().catch(() => undefined);
  }
}

async function crawlBehind(
  proxyUrl: string,
  opts: PlaywrightCrawlOptions,
  refused: Map<string, CrawlError>,
  pageScriptRefused: (url: string, err: CrawlError) => void,
): Promise<void> {
  const { scope } = opts;
  const crawler = new PlaywrightCrawler(
    {
      launchContext: {
        launcher: chromium,
        userAgent: scope.policy.userAgent,
        useIncognitoPages: true,
        launchOptions: {
          executablePath: CHROMIUM_PATH,
          headless: true,
          args: CHROMIUM_ARGS,
          proxy: { server: proxyUrl },
          // The worker decides what a SIGTERM means (finish the crawl or hand it back); Chromium is closed by us.
          handleSIGTERM: false,
          handleSIGINT: false,
          handleSIGHUP: false,
        },
      },
      browserPoolOptions: {
        useFingerprints: false,
        retireBrowserAfterPageCount: opts.retireBrowserAfterPages ?? 10,
        maxOpenPagesPerBrowser: 1,
        // Service workers would fetch outside the page's routes (each crawled page gets its own context).
        prePageCreateHooks: [
          (_id, _controller, pageOptions) => {
            if (pageOptions) Object.assign(pageOptions, { serviceWorkers: 'block' });
          },
        ],
      },
      maxConcurrency: 1,
      maxRequestRetries: 0,
      maxRequestsPerCrawl: scope.limits.maxPages,
      useSessionPool: false,
      persistCookiesPerSession: false,
      navigationTimeoutSecs: Math.min(scope.limits.runDeadlineSecs, scope.limits.requestTimeoutSecs * 4),
      requestHandlerTimeoutSecs: scope.limits.runDeadlineSecs,
      statusMessageLoggingInterval: 3600,
      log: crawleeLog(),
      preNavigationHooks: [
        async ({ page }) =>
          guardPage(page, scope, (url, err, navigation) => {
            if (navigation) refused.set(url, err);
            else pageScriptRefused(url, err);
          }),
      ],
      requestHandler: async ({ request, page, response }) => {
        const url = page.url();
        scope.pageDone(url, 0);
        try {
          const problem = response ? statusProblem({ status: response.status(), url, attempts: 1 }) : null;
          if (problem) throw problem;
          const snapshot = async () => {
            const html = await page.content();
            return { $: load(html), html };
          };
          const first = await snapshot();
          if (looksBinary(first.html)) throw new CrawlError('content', 'skipped: binary data served as HTML', url);
          const wall = botWallReason(first.$);
          if (wall) throw new CrawlError('blocked', `blocked: ${wall}`, url);
          const next = await opts.onPage({ url: request.url, page, snapshot });
          if (next.length && scope.pages >= scope.limits.maxPages) {
            scope.note(`reached limits.maxPages (${scope.limits.maxPages}); more pages remain`);
            return;
          }
          await crawler.addRequests(next.map((u) => ({ url: u, uniqueKey: `${scope.ctx.runId}|${u}` })));
        } catch (err) {
          scope.fail(err, url, 'parse');
        }
      },
      failedRequestHandler: async ({ request }, error) => {
        scope.fail(refused.get(request.url) ?? error, request.url, 'network');
      },
    },
    runConfiguration(),
  );
  const onAbort = () => crawler.stop('run aborted');
  scope.signal.addEventListener('abort', onAbort, { once: true });
  // crawlee's run() answers a SIGINT by aborting its pool at once, and run() then returns as if the crawl were done:
  // say so, or the run would be recorded healthy and its cursor could move past pages never read.
  const onSigint = () => scope.interrupt('SIGINT: the browser crawl was cut short');
  process.on('SIGINT', onSigint);
  try {
    if (scope.aborted) return;
    await crawler.run(opts.startUrls.map((u) => ({ url: u, uniqueKey: `${scope.ctx.runId}|${u}` })));
  } finally {
    process.off('SIGINT', onSigint);
    scope.signal.removeEventListener('abort', onAbort);
    await crawler.requestQueue?.drop().catch(() => undefined);
    await crawler.browserPool.destroy().catch(() => undefined);
  }
}
