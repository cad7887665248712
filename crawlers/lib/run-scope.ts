import type { CrawlFailure, FailureClass, SeenRatingInput } from '../../src/domain/index.js';
import type { CrawlContext, CrawlOutcome } from '../crawler.js';
import type { CursorValue } from '../../src/store/store.js';
import { CrawlError, RunAbortedError, toFailure } from './errors.js';
import { guardedFetch, type FetchedResponse, type FetchOptions, type FetchPolicy, type RetryOptions } from './http-fetch.js';
import { DEFAULT_USER_AGENT, sharedHostLimiter, type HostRateLimiter } from './politeness.js';
import { RobotsRules } from './robots.js';
import { UrlGuard, type UrlGuardOptions } from './url-guard.js';

/** What a crawler factory accepts besides the run context: injection points for tests and benchmarks. */
export interface CrawlerDeps {
  /** Network allowances on top of the source's: exact `host:port` pairs allowed although private, a DNS resolver. */
  net?: Pick<UrlGuardOptions, 'allowHosts' | 'resolve'>;
  /** Per-host rate limiter. Default: the process-wide one, shared by all runs. */
  limiter?: HostRateLimiter;
  /** Retry and backoff tuning (defaults: 3 retries, 1 s doubling, 60 s max). */
  retry?: RetryOptions;
  /** The clock for `collectedAt`. Default `new Date()`. */
  now?: () => Date;
}

/**
 * Everything one crawl run shares: its guarded fetch policy (URL guard, robots.txt, rate limit, size cap, timeouts),
 * its deadline, and the failures and notes it reports. One per `crawl(ctx)` call; never shared between runs.
 */
export class RunScope {
  readonly failures: CrawlFailure[] = [];
  readonly notes: string[] = [];
  /** Aggregate ratings seen, by item (the last one seen of an item wins). */
  readonly ratings = new Map<string, SeenRatingInput>();
  readonly policy: FetchPolicy;
  readonly signal: AbortSignal;
  readonly robots?: RobotsRules;
  readonly collectedAt: Date;
  pages = 0;
  /** Why the run was cut short from inside the process (see {@link interrupt}), if it was. */
  interrupted?: string;
  private readonly deadline: AbortSignal;
  private readonly stopper = new AbortController();

  constructor(
    readonly ctx: CrawlContext,
    deps: CrawlerDeps = {},
  ) {
    const { source } = ctx;
    const limits = source.limits;
    this.deadline = AbortSignal.timeout(limits.runDeadlineSecs * 1000);
    this.signal = AbortSignal.any([...(ctx.signal ? [ctx.signal] : []), this.deadline, this.stopper.signal]);
    this.collectedAt = deps.now?.() ?? new Date();
    const guard = new UrlGuard({ allowPrivateNetworks: source.allowPrivateNetworks, ...deps.net });
    this.policy = {
      guard,
      userAgent: source.userAgent ?? DEFAULT_USER_AGENT,
      timeoutMs: limits.requestTimeoutSecs * 1000,
      maxBytes: limits.maxResponseBytes,
      perMinute: limits.maxRequestsPerMinute,
      limiter: deps.limiter ?? sharedHostLimiter,
      retry: deps.retry,
      signal: this.signal,
    };
    if (source.respectRobots) {
      const robots = new RobotsRules(this.policy);
      this.robots = robots;
      this.policy.checkUrl = (url) => robots.check(url);
      this.policy.hostPerMinute = (host) => robots.perMinute(host);
    }
  }

  get limits() {
    return this.ctx.source.limits;
  }

  /** Records an aggregate rating the run saw (stored as a rating snapshot); invalid numbers are ignored. */
  sawRating(r: SeenRatingInput): void {
    if (!r.item || !Number.isFinite(r.ratingValue) || (r.bestRating !== undefined && !(r.bestRating > 0))) return;
    const { reviewCount, ...rest } = r;
    const countOk = reviewCount !== undefined && Number.isInteger(reviewCount) && reviewCount >= 0;
    this.ratings.set(r.item, countOk ? { ...rest, reviewCount } : rest);
  }

  /** True once the deadline passed or the caller aborted; crawlers stop paging then. */
  get aborted(): boolean {
    return this.signal.aborted;
  }

  /** Records a failure; a run abort becomes one note instead. */
  fail(err: unknown, url: string, fallback: FailureClass = 'network'): void {
    if (err instanceof RunAbortedError || (this.aborted && !(err instanceof CrawlError))) {
      this.noteAbort();
      return;
    }
    this.failures.push(toFailure(err, url, fallback));
  }

  /** Adds a note once (notes are for things a user should know that are not failures). */
  note(message: string): void {
    if (!this.notes.includes(message)) this.notes.push(message);
  }

  /**
   * Stops the run from inside (a SIGINT that crawlee's own handler turns into an abort of the browser crawl): the
   * run ends like a cancelled one — no cursor moves past pages not read — and the pipeline records it `interrupted`.
   */
  interrupt(reason: string): void {
    if (this.interrupted || this.aborted) return;
    this.interrupted = reason;
    this.stopper.abort(new Error(reason));
  }

  noteAbort(): void {
    if (!this.aborted) return;
    this.note(
      this.interrupted
        ? `stopped early (${this.interrupted}) after ${this.pages} pages`
        : this.deadline.aborted
        ? `stopped at the run deadline (limits.runDeadlineSecs = ${this.limits.runDeadlineSecs}s) after ${this.pages} pages`
        : `stopped early (run cancelled) after ${this.pages} pages`,
    );
  }

  /** True when a fetch failed (network, block, size, policy): the run may have missed pages, so cursors must not advance. */
  get missedPages(): boolean {
    return this.aborted || this.failures.some((f) => f.class !== 'parse' && f.class !== 'content');
  }

  /** One page or API response done: counts it and reports progress. */
  pageDone(url: string, items: number): void {
    this.pages += 1;
    this.ctx.onProgress?.({ pages: this.pages, items, url });
  }

  /** A guarded GET under this run's policy. */
  fetch(url: string, opts?: FetchOptions): Promise<FetchedResponse> {
    return guardedFetch(url, this.policy, opts);
  }

  /**
   * GET and parse JSON. Statuses are classed: 401/403/429/451 → `blocked`, 5xx/408 → `network`, other 4xx →
   * `content`, unparsable JSON → `parse`. Throws CrawlError so the caller records and stops paging.
   */
  async fetchJson<T = unknown>(url: string, opts: FetchOptions = {}): Promise<{ data: T; res: FetchedResponse }> {
    const res = await this.fetch(url, { ...opts, headers: { accept: 'application/json', ...opts.headers } });
    const problem = statusProblem(res);
    if (problem) throw problem;
    try {
      return { data: JSON.parse(res.body.toString('utf8')) as T, res };
    } catch (err) {
      throw new CrawlError('parse', `invalid JSON: ${(err as Error).message}`, res.url);
    }
  }

  /** The outcome to hand back to the pipeline. */
  outcome(items: CrawlOutcome['items'], cursor?: CursorValue): CrawlOutcome {
    this.noteAbort();
    return {
      items: items.slice(0, this.limits.maxItems),
      pages: this.pages,
      failures: this.failures,
      notes: this.notes,
      cursor,
      ...(this.ratings.size ? { ratings: [...this.ratings.values()] } : {}),
      ...(this.interrupted ? { interrupted: this.interrupted } : {}),
    };
  }
}

/** The failure an HTTP status means, or null for 2xx/3xx. */
export function statusProblem(res: Pick<FetchedResponse, 'status' | 'url' | 'attempts'>): CrawlError | null {
  const { status, url } = res;
  if (status < 400) return null;
  const tries = res.attempts > 1 ? ` after ${res.attempts} attempts` : '';
  if (status === 401 || status === 403 || status === 429 || status === 451) {
    return new CrawlError('blocked', `blocked: HTTP ${status}${tries}${status === 429 ? ' (rate limited)' : ''}`, url);
  }
  if (status >= 500 || status === 408) return new CrawlError('network', `server error: HTTP ${status}${tries}`, url);
  if (status === 404 || status === 410) return new CrawlError('content', `not found: HTTP ${status}`, url);
  return new CrawlError('content', `HTTP ${status}`, url);
}
