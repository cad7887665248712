import type { CrawlFailure, FailureClass } from '../../src/domain/index.js';

/**
 * A failure that already knows its class (blocked, network, parse, policy, size, content), so the crawl run record can
 * tell a bot wall from a broken selector. Thrown by the guards in `crawlers/lib/` and by the crawlers themselves.
 */
export class CrawlError extends Error {
  override readonly name: string = 'CrawlError';
  constructor(
    readonly failureClass: FailureClass,
    message: string,
    /** The URL the failure is about, when it differs from the request's (e.g. a redirect target). */
    readonly url?: string,
  ) {
    super(message);
  }
}

/** Raised when the run's deadline or the caller's signal stopped the work: recorded as a note, not a failure. */
export class RunAbortedError extends Error {
  override readonly name: string = 'RunAbortedError';
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH',
  'ECONNABORTED', 'UND_ERR_SOCKET', 'ERR_STREAM_PREMATURE_CLOSE', 'Z_DATA_ERROR', 'Z_BUF_ERROR',
]);

/** True for errors caused by a connection, DNS or timeout problem rather than by content. */
export function isNetworkError(err: unknown): boolean {
  const e = err as { code?: string; name?: string } | null;
  return !!e && ((e.code !== undefined && NETWORK_CODES.has(e.code)) || e.name === 'TimeoutError');
}

/**
 * Turns anything thrown while crawling `url` into a recorded failure. Unknown errors get `fallback`
 * (`network` for transport code, `parse` for extraction code).
 */
export function toFailure(err: unknown, url: string, fallback: FailureClass = 'network'): CrawlFailure {
  if (err instanceof CrawlError) return { class: err.failureClass, url: err.url ?? url, reason: err.message };
  const message = oneLine(err instanceof Error ? err.message : String(err));
  if (isNetworkError(err)) return { class: 'network', url, reason: message };
  if (err instanceof SyntaxError) return { class: 'parse', url, reason: message };
  return { class: fallback, url, reason: message };
}

/** First line of a message, at most 300 characters: failure samples must stay readable. */
export function oneLine(message: string): string {
  const first = message.split('\n', 1)[0] ?? '';
  return first.length > 300 ? `${first.slice(0, 297)}...` : first;
}
