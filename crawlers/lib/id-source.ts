import type { CrawlContext } from '../crawler.js';
import type { RunScope } from './run-scope.js';

/**
 * The origin (the source's `url`, or the service's own) and the ids of a source that reads items by id: apps, games,
 * businesses. Without ids the run records one content failure saying what to configure (`need`) and gets null.
 */
export function idSource(ctx: CrawlContext, scope: RunScope, defaultOrigin: string, need: string): { origin: string; ids: string[] } | null {
  const origin = (ctx.source.url ?? defaultOrigin).replace(/\/+$/, '');
  const ids = ctx.source.ids ?? [];
  if (ids.length) return { origin, ids };
  scope.failures.push({ class: 'content', url: origin, reason: need });
  return null;
}
