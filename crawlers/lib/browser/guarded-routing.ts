import type { Page, Route } from 'playwright';
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
 * Puts every request of a browser page through earshot's network policy (page.route): GET requests are fetched by the
 * guarded fetch (URL guard and robots.txt on every redirect hop, size cap, rate limit, retries) and fulfilled from it;
 * other methods are checked by the guard and sent without following redirects. Images, fonts and styles are skipped.
 * `onRefused` hears of every request refused or failed, with whether it was the page's own navigation.
 */
export async function guardPage(page: Page, scope: RunScope, onRefused: (url: string, err: CrawlError, navigation: boolean) => void): Promise<void> {
  await page.route('**/*', async (route: Route) => {
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
