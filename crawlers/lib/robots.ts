import { createRequire } from 'node:module';
import { CrawlError, RunAbortedError } from './errors.js';
import { guardedFetch, type FetchPolicy } from './http-fetch.js';
import { robotsToken } from './politeness.js';

/** The part of robots-parser's parsed file we use. */
interface Robot {
  isDisallowed(url: string, ua?: string): boolean | undefined;
  getMatchingLineNumber(url: string, ua?: string): number;
  getCrawlDelay(ua?: string): number | undefined;
}

// robots-parser is CommonJS with `module.exports = fn`; its typings declare an ES default, so load it by require.
const robotsParser = createRequire(import.meta.url)('robots-parser') as (url: string, contents: string) => Robot;

/** robots.txt files are parsed up to this size (RFC 9309 asks for at least 500 KiB). */
const ROBOTS_MAX_BYTES = 512 * 1024;

/**
 * robots.txt for one run: fetched once per origin through the same guarded fetch (URL guard on every redirect hop),
 * then every URL is checked against the group for earshot's product token. Missing robots.txt (4xx) allows all;
 * an unreachable one (5xx, network error) disallows the origin, as RFC 9309 asks.
 */
export class RobotsRules {
  private readonly files = new Map<string, Promise<Robot | { unreachable: string }>>();
  private readonly delays = new Map<string, number>();
  private readonly token: string;

  constructor(private readonly policy: FetchPolicy) {
    this.token = robotsToken(policy.userAgent);
  }

  /** Throws a `policy` CrawlError when robots.txt disallows `url`. */
  async check(url: URL): Promise<void> {
    if (url.pathname === '/robots.txt') return;
    const rules = await this.rulesFor(url.origin);
    if ('unreachable' in rules) {
      throw new CrawlError('policy', `robots.txt of ${url.origin} is unreachable (${rules.unreachable}); not crawling it`, url.href);
    }
    if (rules.isDisallowed(url.href, this.token)) {
      const line = rules.getMatchingLineNumber(url.href, this.token);
      throw new CrawlError('policy', `robots.txt disallows ${url.pathname} for ${this.token}${line > 0 ? ` (line ${line})` : ''}`, url.href);
    }
  }

  /** The rate robots.txt's `Crawl-delay` allows on `host` (requests a minute), once its robots.txt was read. */
  perMinute(host: string): number | undefined {
    const delay = this.delays.get(host);
    return delay ? 60 / delay : undefined;
  }

  private rulesFor(origin: string): Promise<Robot | { unreachable: string }> {
    let pending = this.files.get(origin);
    if (!pending) {
      pending = this.load(origin);
      this.files.set(origin, pending);
    }
    return pending;
  }

  private async load(origin: string): Promise<Robot | { unreachable: string }> {
    const url = `${origin}/robots.txt`;
    try {
      const res = await guardedFetch(url, { ...this.policy, checkUrl: undefined, maxBytes: ROBOTS_MAX_BYTES, retry: { ...this.policy.retry, retries: 1 } }, { headers: { accept: 'text/plain, */*;q=0.5' } });
      if (res.status >= 200 && res.status < 300) {
        const robot = robotsParser(url, res.body.toString('utf8'));
        const delay = Number(robot.getCrawlDelay(this.token));
        if (delay > 0) this.delays.set(new URL(origin).host, Math.min(delay, 60));
        return robot;
      }
      if (res.status >= 400 && res.status < 500) return robotsParser(url, '');
      return { unreachable: `HTTP ${res.status}` };
    } catch (err) {
      if (err instanceof RunAbortedError) throw err;
      if (err instanceof CrawlError && err.failureClass === 'policy') throw err;
      if (err instanceof CrawlError && err.failureClass === 'size') return robotsParser(url, '');
      return { unreachable: (err as Error).message };
    }
  }
}
