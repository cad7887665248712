import type { CheerioAPI } from 'cheerio';

const PAGE_PARAMS = ['page', 'p', 'pg', 'pageNumber', 'page_number'];
const NEXT_TEXT = /^\s*(next|next page|older|older reviews|more reviews|›|»|→|>)\s*[›»→>]?\s*$/i;

function resolve(href: string | undefined, base: string): URL | undefined {
  if (!href || href.startsWith('#') || /^javascript:/i.test(href)) return undefined;
  try {
    const u = new URL(href, base);
    u.hash = '';
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The next page of a paginated review listing: `rel="next"` (link or anchor), else a link to the same path with the
 * page parameter (`page`, `p`, …) one higher than this page's (1 when absent), else an anchor labelled "Next".
 * Only same-host links count; undefined on the last page.
 */
export function findNextPage($: CheerioAPI, pageUrl: string): string | undefined {
  const here = new URL(pageUrl);
  here.hash = '';
  const ok = (u: URL | undefined) => (u && u.hostname === here.hostname && u.href !== here.href ? u.href : undefined);

  for (const el of $('link[rel], a[rel]').toArray()) {
    const rel = ($(el).attr('rel') ?? '').toLowerCase().split(/\s+/);
    if (rel.includes('next')) {
      const next = ok(resolve($(el).attr('href'), pageUrl));
      if (next) return next;
    }
  }

  const anchors = $('a[href]').toArray();
  for (const param of PAGE_PARAMS) {
    const current = Number(here.searchParams.get(param) ?? '1');
    if (!Number.isInteger(current)) continue;
    for (const el of anchors) {
      const u = resolve($(el).attr('href'), pageUrl);
      if (u && u.pathname === here.pathname && u.searchParams.get(param) === String(current + 1)) {
        const next = ok(u);
        if (next) return next;
      }
    }
  }

  for (const el of anchors) {
    const $a = $(el);
    const label = `${$a.text()} ${$a.attr('aria-label') ?? ''}`.trim();
    if (NEXT_TEXT.test($a.text()) || /^next( page)?$/i.test($a.attr('aria-label') ?? '') || (label && $a.is('.next, .next-page, .pagination-next'))) {
      const next = ok(resolve($a.attr('href'), pageUrl));
      if (next) return next;
    }
  }
  return undefined;
}
