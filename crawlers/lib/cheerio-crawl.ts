import { CheerioCrawler } from '@crawlee/cheerio';
import type { CheerioAPI } from 'cheerio';
import { HTML_TYPES, looksBinary, mediaType } from './charset.js';
import { botWallReason } from './bot-wall.js';
import { ATTEMPTS_HEADER, GuardedHttpClient, SKIPPED_HEADER } from './crawlee-http-client.js';
import { crawleeLog, runConfiguration, SERVER_ERROR_CODES } from './crawlee-setup.js';
import { CrawlError } from './errors.js';
import { statusProblem, type RunScope } from './run-scope.js';

/** One fetched HTML page, checked (status, content type, binary, bot wall) and parsed. */
export interface HtmlPage {
  /** The URL requested. */
  url: string;
  /** The URL after redirects: resolve relative links against this. */
  finalUrl: string;
  $: CheerioAPI;
  html: string;
}

export interface CheerioCrawlOptions {
  scope: RunScope;
  startUrls: string[];
  /** Extracts one page; returns the URLs to crawl next (pagination). Errors are recorded as `parse` failures. */
  onPage(page: HtmlPage): Promise<string[]> | string[];
  /** Stop once this returns true (e.g. maxItems reached). Checked after every page. */
  shouldStop?: () => boolean;
  /** Pages fetched in parallel. Default 2 (pagination is sequential anyway). */
  maxConcurrency?: number;
}

const isHtmlish = (type: string) => type === '' || HTML_TYPES.has(type);

/**
 * Runs a crawlee `CheerioCrawler` over HTML pages with earshot's guarded transport, a request queue of its own (fresh
 * in-memory storage per run), `limits.maxPages`, the run deadline, and every failure classed into the run's record.
 */
export async function runCheerioCrawl(opts: CheerioCrawlOptions): Promise<void> {
  const { scope } = opts;
  const maxPages = scope.limits.maxPages;
  const client = new GuardedHttpClient(scope.policy, { wantBody: (_s, h) => isHtmlish(mediaType(h['content-type'])) });
  const crawler = new CheerioCrawler(
    {
      httpClient: client,
      maxRequestRetries: 0, // the guarded transport already retried 5xx/429/network errors with backoff
      maxRequestsPerCrawl: maxPages,
      maxConcurrency: opts.maxConcurrency ?? 2,
      useSessionPool: false,
      persistCookiesPerSession: false,
      additionalMimeTypes: ['*/*'],
      ignoreHttpErrorStatusCodes: SERVER_ERROR_CODES,
      navigationTimeoutSecs: scope.limits.runDeadlineSecs,
      requestHandlerTimeoutSecs: 120,
      statusMessageLoggingInterval: 3600,
      log: crawleeLog(),
      requestHandler: async ({ request, response, $: crawlee$, body }) => {
        // crawlee hands us cheerio's CommonJS build; same library and version as our ESM import, so the API matches.
        const $ = crawlee$ as unknown as CheerioAPI;
        const url = request.loadedUrl ?? request.url;
        scope.pageDone(url, 0);
        try {
          const status = response.statusCode ?? 0;
          const problem = statusProblem({ status, url, attempts: Number(response.headers[ATTEMPTS_HEADER] ?? 1) });
          if (problem) {
            if (problem.failureClass !== 'blocked' && $ && botWallReason($)) throw new CrawlError('blocked', `${problem.message}: ${botWallReason($)}`, url);
            throw problem;
          }
          const type = mediaType(response.headers['content-type']);
          if (response.headers[SKIPPED_HEADER] || !isHtmlish(type)) throw new CrawlError('content', `skipped: not an HTML page (${type || 'no content type'})`, url);
          const html = typeof body === 'string' ? body : body.toString('utf8');
          if (looksBinary(html)) throw new CrawlError('content', `skipped: binary data served as ${type || 'HTML'}`, url);
          const wall = botWallReason($);
          if (wall) throw new CrawlError('blocked', `blocked: ${wall}`, url);
          const next = await opts.onPage({ url: request.url, finalUrl: url, $, html });
          if (opts.shouldStop?.()) {
            crawler.stop('limit reached');
            return;
          }
          if (next.length && scope.pages >= maxPages) {
            scope.note(`reached limits.maxPages (${maxPages}); more pages remain`);
            return;
          }
          await crawler.addRequests(next.map((u) => ({ url: u, uniqueKey: `${scope.ctx.runId}|${u}` })));
        } catch (err) {
          scope.fail(err, url, 'parse');
        }
      },
      failedRequestHandler: async ({ request }, error) => {
        scope.fail(error, request.url, 'network');
      },
    },
    runConfiguration(),
  );
  const onAbort = () => crawler.stop('run aborted');
  scope.signal.addEventListener('abort', onAbort, { once: true });
  try {
    if (scope.aborted) return;
    await crawler.run(opts.startUrls.map((u) => ({ url: u, uniqueKey: `${scope.ctx.runId}|${u}` })));
  } finally {
    scope.signal.removeEventListener('abort', onAbort);
    await crawler.requestQueue?.drop().catch(() => undefined);
  }
}
