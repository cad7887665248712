import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import { pipeline, type Readable } from 'node:stream';
import zlib from 'node:zlib';
import { CrawlError, isNetworkError, RunAbortedError } from './errors.js';
import type { HostRateLimiter } from './politeness.js';
import { sleep } from './sleep.js';
import { pinnedLookup, type UrlGuard } from './url-guard.js';

/** Retry behaviour for 5xx, 408, 429 and network errors. Other 4xx are never retried. */
export interface RetryOptions {
  /** Retries after the first attempt. Default 3. */
  retries?: number;
  /** First backoff delay, in ms; doubled on each retry, with ±25% jitter. Default 1000. */
  baseDelayMs?: number;
  /** Longest wait between attempts, in ms. A `Retry-After` longer than this ends the retries. Default 60000. */
  maxDelayMs?: number;
}

/** Everything a guarded request obeys. Built once per run (see `run-scope.ts`). */
export interface FetchPolicy {
  guard: UrlGuard;
  /** Sent as `User-Agent` on every request. */
  userAgent: string;
  /** Per-attempt timeout (connect, headers and body), in ms. */
  timeoutMs: number;
  /** Bodies larger than this many bytes (after decompression) are dropped with a `size` failure. */
  maxBytes: number;
  /** Requests a minute to one host. */
  perMinute: number;
  /** A lower per-host rate when the host asks for one (robots.txt `Crawl-delay`), requests a minute. */
  hostPerMinute?: (host: string) => number | undefined;
  limiter: HostRateLimiter;
  retry?: RetryOptions;
  /** Extra per-hop check (robots.txt); throws a `policy` CrawlError to refuse. */
  checkUrl?: (url: URL) => Promise<void>;
  /** Aborts waiting and in-flight requests (run deadline, shutdown). */
  signal?: AbortSignal;
  /** Redirects followed at most. Default 5. */
  maxRedirects?: number;
  /** Sees every final response (e.g. to honour `X-Ratelimit-*` headers). */
  onResponse?: (res: FetchedResponse) => void;
}

export interface FetchOptions {
  /** Extra request headers (`Accept` …). `User-Agent` always comes from the policy. */
  headers?: Record<string, string>;
  /** Return false to skip downloading a body (e.g. non-HTML content for an HTML crawler). Default: always download. */
  wantBody?: (status: number, headers: IncomingHttpHeaders) => boolean;
  /** `POST` for the few APIs that log in that way (Bluesky's createSession); default `GET`. */
  method?: 'GET' | 'POST';
  /** The request body of a POST (sent as given; set its content-type in `headers`). */
  body?: string;
}

export interface FetchedResponse {
  /** Final URL, after redirects. */
  url: string;
  status: number;
  headers: IncomingHttpHeaders;
  /** Decompressed body; empty when skipped. */
  body: Buffer;
  bodySkipped: boolean;
  /** URLs redirected to, in order. */
  redirects: string[];
  /** Attempts made (1 = no retry). */
  attempts: number;
}

const RETRY_STATUSES = new Set([408, 429]);
const isRetryableStatus = (s: number) => RETRY_STATUSES.has(s) || s >= 500;

const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 32 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 32 }),
};

/** `Retry-After` as milliseconds from now (delta-seconds or an HTTP date), or undefined. */
export function retryAfterMs(value: string | string[] | undefined, now = Date.now()): number | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (!v) return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(v)) return Math.round(Number(v) * 1000);
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * GET `url` under the run's policy: URL guard and robots check on every redirect hop (redirects are followed by hand),
 * per-host rate limit, timeout, size cap (also on decompressed bytes), and retries with exponential backoff on 5xx,
 * 408, 429 (honouring `Retry-After`) and network errors. Returns the final response whatever its status; throws a
 * `CrawlError` for policy, size and network failures, and `RunAbortedError` when the run's signal fires.
 */
export async function guardedFetch(url: string, policy: FetchPolicy, opts: FetchOptions = {}): Promise<FetchedResponse> {
  const retries = policy.retry?.retries ?? 3;
  const base = policy.retry?.baseDelayMs ?? 1000;
  const maxDelay = policy.retry?.maxDelayMs ?? 60_000;
  for (let attempt = 1; ; attempt += 1) {
    let res: FetchedResponse | undefined;
    let error: unknown;
    try {
      res = { ...(await fetchFollowingRedirects(url, policy, opts)), attempts: attempt };
    } catch (err) {
      if (policy.signal?.aborted) throw new RunAbortedError('run stopped');
      if (!isNetworkError(err)) throw err;
      error = err;
    }
    const backoff = Math.min(maxDelay, base * 2 ** (attempt - 1) * (0.75 + Math.random() * 0.5));
    if (res) {
      policy.onResponse?.(res);
      if (!isRetryableStatus(res.status) || attempt > retries) return res;
      const after = retryAfterMs(res.headers['retry-after']);
      if (after !== undefined && after > maxDelay) return res; // the server asks for longer than we will wait
      const wait = after ?? backoff;
      if (res.status === 429 || res.status === 503) policy.limiter.pauseUntil(new URL(res.url).host, Date.now() + wait);
      await sleep(wait, policy.signal);
    } else {
      if (attempt > retries) {
        const e = error as Error;
        throw new CrawlError('network', `${e.message}${retries ? ` (after ${attempt} attempts)` : ''}`);
      }
      await sleep(backoff, policy.signal);
    }
  }
}

async function fetchFollowingRedirects(url: string, policy: FetchPolicy, opts: FetchOptions): Promise<Omit<FetchedResponse, 'attempts'>> {
  const redirects: string[] = [];
  let current = url;
  for (let hop = 0; ; hop += 1) {
    const checked = await policy.guard.check(current);
    await policy.checkUrl?.(checked.url);
    const perMinute = Math.min(policy.perMinute, policy.hostPerMinute?.(checked.url.host) ?? Infinity);
    await policy.limiter.acquire(checked.url.host, perMinute, policy.signal);
    const res = await requestOnce(checked.url, checked.addresses, policy, opts);
    const location = res.headers.location;
    if (res.status >= 300 && res.status < 400 && res.status !== 304 && location) {
      if (hop >= (policy.maxRedirects ?? 5)) throw new CrawlError('network', `too many redirects (over ${policy.maxRedirects ?? 5})`, current);
      current = new URL(location, checked.url).href;
      redirects.push(current);
      continue;
    }
    return { url: checked.url.href, status: res.status, headers: res.headers, body: res.body, bodySkipped: res.bodySkipped, redirects };
  }
}

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  bodySkipped: boolean;
}

function requestOnce(url: URL, addresses: string[], policy: FetchPolicy, opts: FetchOptions): Promise<RawResponse> {
  const timeout = AbortSignal.timeout(policy.timeoutMs);
  const signal = policy.signal ? AbortSignal.any([policy.signal, timeout]) : timeout;
  const mod = url.protocol === 'https:' ? https : http;
  return new Promise<RawResponse>((resolve, reject) => {
    const fail = (err: unknown) => {
      if (timeout.aborted && !policy.signal?.aborted) {
        reject(Object.assign(new Error(`timed out after ${policy.timeoutMs / 1000}s`), { code: 'ETIMEDOUT' }));
      } else reject(err);
    };
    const payload = opts.body === undefined ? undefined : Buffer.from(opts.body, 'utf8');
    const req = mod.request(url, {
      method: opts.method ?? 'GET',
      agent: agents[url.protocol as 'http:' | 'https:'],
      lookup: pinnedLookup(addresses),
      signal,
      headers: {
        accept: '*/*',
        'accept-encoding': 'gzip, deflate, br',
        ...opts.headers,
        ...(payload ? { 'content-length': String(payload.length) } : {}),
        'user-agent': policy.userAgent,
      },
    });
    req.on('error', fail);
    req.on('response', (res: IncomingMessage) => {
      const status = res.statusCode ?? 0;
      const redirect = status >= 300 && status < 400 && !!res.headers.location;
      if (redirect || (opts.wantBody && !opts.wantBody(status, res.headers))) {
        res.resume();
        res.destroy();
        resolve({ status, headers: res.headers, body: Buffer.alloc(0), bodySkipped: !redirect });
        return;
      }
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > policy.maxBytes) {
        res.destroy();
        reject(tooLarge(url, `declares ${declared} bytes`, policy.maxBytes));
        return;
      }
      readBody(res, policy.maxBytes, url).then((body) => resolve({ status, headers: res.headers, body, bodySkipped: false }), fail);
    });
    req.end(payload);
  });
}

function tooLarge(url: URL, what: string, max: number): CrawlError {
  return new CrawlError('size', `response dropped: ${what}, over the ${max}-byte limit (limits.maxResponseBytes)`, url.href);
}

function decoderFor(encoding: string | undefined): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | null {
  switch ((encoding ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'deflate':
      return zlib.createInflate();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      return null;
  }
}

async function readBody(res: IncomingMessage, maxBytes: number, url: URL): Promise<Buffer> {
  const decoder = decoderFor(res.headers['content-encoding']);
  const stream: Readable = decoder ? pipeline(res, decoder, () => undefined) : res;
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) throw tooLarge(url, `more than ${maxBytes} bytes received`, maxBytes);
      chunks.push(chunk as Buffer);
    }
  } finally {
    if (size > maxBytes) {
      res.destroy();
      decoder?.destroy();
    }
  }
  return Buffer.concat(chunks);
}
