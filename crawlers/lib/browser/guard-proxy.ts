import { RequestError, Server } from 'proxy-chain';
import { CrawlError } from '../errors.js';
import type { FetchPolicy } from '../http-fetch.js';
import { pinnedLookup } from '../url-guard.js';

/** A local forward proxy that puts every connection Chromium opens itself through the URL guard. */
export interface GuardProxy {
  /** `http://127.0.0.1:PORT`, for Playwright's `proxy.server`. */
  url: string;
  close(): Promise<void>;
}

/**
 * Starts the proxy one browser crawl runs behind. Most browser requests never reach it: `guardPage` answers them from
 * the guarded fetch. What the page routing cannot see — WebSockets, service workers, speculative prefetch, popups,
 * `route.fetch` for non-GET requests — arrives here as a plain HTTP request or a CONNECT tunnel, and goes on only when
 * the URL guard accepts the target (and robots.txt, where the URL is known), to the addresses the guard resolved
 * (pinned, so DNS cannot change under us). Playwright sends loopback through the proxy too (`<-loopback>`), so a page
 * cannot reach 127.0.0.1 around it; Chromium is told not to send WebRTC UDP around a proxy.
 * `onRefused` hears of each refusal.
 */
export async function startGuardProxy(policy: Pick<FetchPolicy, 'guard' | 'checkUrl'>, onRefused: (url: string, err: CrawlError) => void): Promise<GuardProxy> {
  const server = new Server({
    port: 0,
    host: '127.0.0.1',
    verbose: false,
    prepareRequestFunction: async ({ request, hostname, port, isHttp }) => {
      const host = hostname.includes(':') && !hostname.startsWith('[') ? `[${hostname}]` : hostname;
      // A CONNECT tunnel names only host:port (TLS or a WebSocket inside); a plain HTTP request names its URL.
      const target = isHttp && request.url ? request.url : `http://${host}:${port}/`;
      try {
        const { url, addresses } = await policy.guard.check(target);
        if (isHttp) await policy.checkUrl?.(url);
        return { dnsLookup: pinnedLookup(addresses) as never };
      } catch (err) {
        const failure = err instanceof CrawlError ? err : new CrawlError('network', (err as Error).message, target);
        onRefused(target, failure);
        throw new RequestError(`refused by earshot: ${failure.message}`, 403);
      }
    },
  });
  server.on('requestFailed', () => undefined);
  await server.listen();
  return {
    url: `http://127.0.0.1:${server.port}`,
    close: () => server.close(true),
  };
}
