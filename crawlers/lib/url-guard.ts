import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import { isIP } from 'node:net';
import { CrawlError } from './errors.js';
import { nonPublicRange } from './ip-ranges.js';

/** Resolves a hostname to its IP addresses. */
export type Resolver = (hostname: string) => Promise<string[]>;

export interface UrlGuardOptions {
  /** Let requests reach loopback, private and link-local addresses. Default false; for the demo and tests only. */
  allowPrivateNetworks?: boolean;
  /**
   * Exact `host:port` pairs allowed although they resolve to a private address (e.g. `127.0.0.1:41234`, a test's
   * fixture server). Other ports on the same host stay refused. Default none.
   */
  allowHosts?: readonly string[];
  /** DNS resolver. Default: the system resolver (`dns.lookup`, all addresses). */
  resolve?: Resolver;
}

/** A URL that passed the guard, with the addresses it may connect to (pinned, so DNS cannot change under us). */
export interface CheckedUrl {
  url: URL;
  addresses: string[];
}

const systemResolve: Resolver = async (host) => (await dnsLookup(host, { all: true, verbatim: true })).map((a) => a.address);

function hostPort(url: URL): string {
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return `${url.hostname}:${port}`;
}

/**
 * The network policy of a crawl: http/https only, and no target that resolves to loopback, private, link-local
 * (169.254.169.254 included), CGNAT or IPv6 private ranges unless explicitly allowed. Checked on every request and
 * every redirect hop, robots.txt included.
 */
export class UrlGuard {
  private readonly allowHosts: Set<string>;
  private readonly resolve: Resolver;

  constructor(private readonly opts: UrlGuardOptions = {}) {
    this.allowHosts = new Set((opts.allowHosts ?? []).map((h) => h.toLowerCase()));
    this.resolve = opts.resolve ?? systemResolve;
  }

  /** Checks `raw` and resolves its host; throws a `policy` CrawlError when it must not be fetched. */
  async check(raw: string | URL): Promise<CheckedUrl> {
    let url: URL;
    try {
      url = typeof raw === 'string' ? new URL(raw) : raw;
    } catch {
      throw new CrawlError('policy', `refused: not a valid URL: ${String(raw).slice(0, 200)}`, String(raw));
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new CrawlError('policy', `refused: only http and https URLs are crawled, not ${url.protocol}`, url.href);
    }
    if (url.username || url.password) throw new CrawlError('policy', 'refused: URLs with credentials are not crawled', url.href);
    const host = url.hostname.replace(/^\[|\]$/g, '');
    let addresses: string[];
    if (isIP(host)) addresses = [host];
    else {
      try {
        addresses = await this.resolve(host);
      } catch (err) {
        throw Object.assign(new Error(`cannot resolve ${host}: ${(err as Error).message}`), { code: 'ENOTFOUND' });
      }
      if (addresses.length === 0) throw Object.assign(new Error(`cannot resolve ${host}`), { code: 'ENOTFOUND' });
    }
    if (this.opts.allowPrivateNetworks || this.allowHosts.has(hostPort(url).toLowerCase())) return { url, addresses };
    for (const address of addresses) {
      const range = nonPublicRange(address);
      if (range) {
        const via = address === host ? '' : ` (${host} resolves to ${address})`;
        throw new CrawlError('policy', `refused: ${url.host} is a ${range} address${via}; set allowPrivateNetworks only for local testing`, url.href);
      }
    }
    return { url, addresses };
  }
}

/** A socket `lookup` that only ever answers with the addresses the guard already approved. */
export function pinnedLookup(addresses: string[]): LookupFunction {
  const entries = addresses.map((address) => ({ address, family: isIP(address) === 6 ? 6 : 4 }));
  return ((_host: string, options: { all?: boolean } | number, callback: (...args: unknown[]) => void) => {
    const all = typeof options === 'object' && options?.all;
    if (all) callback(null, entries);
    else callback(null, entries[0]!.address, entries[0]!.family);
  }) as unknown as LookupFunction;
}
