import type { DemoReview } from '../data/types.js';
import { hash32 } from '../lib/prng.js';
import { esc, jsonForScript, page } from '../lib/html.js';
import { notFound, send, TYPES } from '../lib/http.js';
import type { Route } from './env.js';
import { authorLd, pageOf, pageParam, reviewsOf, visibleReviews } from './review-pages.js';

/** 1–5 stars onto this site's 10-point scale (odd or even by review); unrated stays "0". */
function tenPoint(r: DemoReview): number | string {
  if (r.rating === 0) return '0';
  return r.rating * 2 - (hash32(r.id) % 2);
}

/** `2025-03-01T04:30:00-05:00`: the site prints local US Eastern time with its offset. */
function easternIso(d: Date): string {
  return `${new Date(d.getTime() - 5 * 3_600_000).toISOString().slice(0, 19)}-05:00`;
}

/**
 * `/apps/<id>?page=N`: a `SoftwareApplication` with reviews on a 10-point scale (`bestRating` 10), some unrated
 * ("0"), authors as strings, Persons or Organizations. `/apps/<id>/reviews/<rid>`: one review.
 */
export const appsRoute: Route = {
  pattern: /^\/apps\/([a-z0-9-]+)(?:\/reviews\/([a-z0-9-]+))?\/?$/,
  handle(ctx, env) {
    const [target = '', reviewId] = ctx.params;
    const all = reviewsOf(env.data, target, 'apps');
    if (!all.length) return notFound(ctx, `No app "${target}"`);
    const n = pageParam(ctx.url);
    if (n === null) return send(ctx, 400, TYPES.text, 'page must be a positive integer\n');
    let shown = all;
    let pager = '';
    if (reviewId) {
      shown = all.filter((r) => r.id === reviewId);
      if (!shown.length) return notFound(ctx, 'No such review');
    } else {
      const p = pageOf(all, n);
      shown = p.items;
      pager = `<nav class="pages">Page ${n} of ${p.lastPage}` +
        (n > 1 ? ` <a href="/apps/${esc(target)}?page=${n - 1}">previous</a>` : '') +
        (n < p.lastPage ? ` <a href="/apps/${esc(target)}?page=${n + 1}">more reviews</a>` : '') + '</nav>';
    }
    const rated = all.filter((r) => r.rating > 0);
    const mean = rated.reduce((s, r) => s + Number(tenPoint(r)), 0) / Math.max(1, rated.length);
    const base = `${ctx.origin}/apps/${target}`;
    const ld = {
      '@context': 'https://schema.org',
      '@type': 'SoftwareApplication',
      name: 'Pixelpost',
      operatingSystem: 'iOS, Android',
      applicationCategory: 'PhotographyApplication',
      offers: { '@type': 'Offer', price: 0, priceCurrency: 'USD' },
      aggregateRating: { '@type': 'AggregateRating', ratingValue: Math.round(mean * 10) / 10, ratingCount: rated.length, bestRating: 10, worstRating: 1 },
      review: shown.map((r) => ({
        '@type': 'Review',
        url: `${base}/reviews/${r.id}`,
        author: authorLd(r),
        datePublished: easternIso(r.publishedAt),
        name: r.title,
        reviewBody: r.text,
        inLanguage: r.lang,
        reviewRating: { '@type': 'Rating', ratingValue: tenPoint(r), bestRating: 10, worstRating: 1 },
      })),
    };
    const head = `<script type="application/ld+json">${jsonForScript(ld, 2)}</script>\n`;
    const body = `<h1>Pixelpost</h1><p class="meta">Photo postcards · ${Math.round(mean * 10) / 10}/10 from ${rated.length} ratings</p>\n` +
      `${visibleReviews(shown, (r) => (r.rating ? `${tenPoint(r)}/10` : 'not rated'))}\n${pager}`;
    send(ctx, 200, TYPES.html, page('Pixelpost – AppCritic', body, head));
  },
};
