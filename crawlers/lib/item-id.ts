import { createHash } from 'node:crypto';

/**
 * A stable external id from a URL-like id: host name + path + query + fragment, without scheme or port, so the same
 * review keeps its id across http/https and across demo runs on different ports. Non-URL ids are scoped to `pageHost`.
 */
export function stableUrlId(id: string, pageUrl: string): string {
  try {
    const u = new URL(id, pageUrl);
    if (u.protocol === 'http:' || u.protocol === 'https:') return `${u.hostname}${u.pathname}${u.search}${u.hash}`;
  } catch {
    // not a URL: fall through
  }
  return `${new URL(pageUrl).hostname}:${id}`;
}

/** A content hash for items without any id: stable for the same author, date and text. */
export function contentHashId(...parts: (string | undefined)[]): string {
  return `h-${createHash('sha256').update(parts.map((p) => p ?? '').join('\u0001')).digest('hex').slice(0, 24)}`;
}
