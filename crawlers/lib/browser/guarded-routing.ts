import type { Page, Route, WebSocketRoute } from 'playwright';
import { CrawlError, RunAbortedError } from '../errors.js';
import { guardedFetch } from '../http-fetch.js';
import type { RunScope } from '../run-scope.js';

/** Resource types a review crawl never needs: not fetched at all (faster, politer). */
const SKIPPED_TYPES = new Set(['image', 'media', 'font', 'stylesheet', 'manifest', 'texttrack', 'eventsource', 'websocket', 'other']);

function flatHeaders(h: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) {
    if (v === undefined || ['content-encoding', 'content-length', 'transfer-encoding', 'connection', 'keep-alive'].includes(k)) continue;
    out[k] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

/**
 * Puts every request of a browser page through earshot's network policy. Routes are set on the page's context (each
 * crawled page has its own), so popups and frames are covered too: GET requests are fetched by the guarded fetch (URL
 * guard and robots.txt on every redirect hop, size cap, rate limit, retries) and fulfilled from it; other methods are
 * checked by the guard and sent without following redirects (through the guard proxy, see `guard-proxy.ts`). Images,
 * fonts and styles are skipped. WebSockets never connect: a review crawl has no use for them, and `route` does not see
 * them (refused ones are still reported). Popups are closed.
 * `onRefused` hears of every request refused or failed, with whether it was the page's own navigation.
 */
export async function guardPage(page: Page, scope: RunScope, onRefused: (url: string, err: CrawlError, navigation: boolean) => void): Promise<void> {
  const context = page.context();
  page.on('popup', (popup) => void popup.close().catch(() => undefined));
  await context.routeWebSocket(/.*/, async (ws: WebSocketRoute) => {
    const url = ws.url();
    await scope.policy.guard.check(url.replace(/^ws/i, 'http')).catch((err: unknown) => {
      if (err instanceof CrawlError) onRefused(url, err, false);
    });
    await ws.close({ code: 1008, reason: 'WebSockets are not crawled' }).catch(() => undefined);
  });
  await context.route('**/*', async (route: Route) => {
    const req = route.request();
    const url = req.url();
    if (/^(data|blob|about):/i.test(url)) return route.continue();
    if (SKIPPED_TYPES.has(req.resourceType())) return route.abort('blockedbyclient');
    try {
      if (req.method() === 'GET') {
        const res = await guardedFetch(url, { ...scope.policy, checkUrl: ['document', 'xhr', 'fetch'].includes(req.resourceType()) ? scope.policy.checkUrl : undefined });
        if (res.url !== url) {
          // Redirected (each hop already checked): let the browser move to the final URL so relative links resolve.
          return await route.fulfill({ status: 302, headers: { location: res.url } });
        }
        return await route.fulfill({ status: res.status, headers: flatHeaders(res.headers), body: res.body });
      }
      await scope.policy.guard.check(url);
      const res = await route.fetch({ maxRedirects: 0, timeout: scope.policy.timeoutMs });
      const location = res.headers().location;
      if (location) await scope.policy.guard.check(new URL(location, url));
      return await route.fulfill({ response: res });
    } catch (err) {
      if (!(err instanceof RunAbortedError)) {
        const failure = err instanceof CrawlError ? err : new CrawlError('network', (err as Error).message, url);
        onRefused(url, failure, req.isNavigationRequest());
      }
      return route.abort(err instanceof CrawlError && err.failureClass === 'policy' ? 'blockedbyclient' : 'failed').catch(() => undefined);
    }
  });
}
