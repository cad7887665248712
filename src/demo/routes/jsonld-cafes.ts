import { esc, isoSeconds, jsonForScript, page } from '../lib/html.js';
import { notFound, send, TYPES } from '../lib/http.js';
import type { Route } from './env.js';
import { authorLd, average, pageOf, PLACES, reviewsOf, visibleReviews } from './review-pages.js';

/**
 * `/cafes/<id>` and `/cafes/<id>/page/<n>`: a local-business page with JSON-LD in an `@graph`, paginated by
 * `<a rel="next">`. `/cafes/<id>/reviews/<rid>`: one review.
 */
export const cafesRoute: Route = {
  pattern: /^\/cafes\/([a-z0-9-]+)(?:\/page\/(\d+)|\/reviews\/([a-z0-9-]+))?\/?$/,
  handle(ctx, env) {
    const [target = '', pageRaw, reviewId] = ctx.params;
    const all = reviewsOf(env.data, target, 'cafes');
    const place = PLACES[target];
    if (!all.length || !place) return notFound(ctx, `No cafe "${target}"`);
    const base = `${ctx.origin}/cafes/${target}`;
    let shown = all;
    let next: string | null = null;
    let prev: string | null = null;
    let self = base;
    if (reviewId) {
      shown = all.filter((r) => r.id === reviewId);
      if (!shown.length) return notFound(ctx, 'No such review');
      self = `${base}/reviews/${reviewId}`;
    } else {
      const n = pageRaw ? Number(pageRaw) : 1;
      const p = pageOf(all, n);
      if (n < 1 || (n > p.lastPage && n > 1)) return notFound(ctx, 'No such page');
      shown = p.items;
      if (n > 1) self = `${base}/page/${n}`;
      if (n < p.lastPage) next = `/cafes/${target}/page/${n + 1}`;
      if (n > 1) prev = n === 2 ? `/cafes/${target}` : `/cafes/${target}/page/${n - 1}`;
    }
    const business = {
      '@type': place.type,
      '@id': `${base}#business`,
      name: place.name,
      url: base,
      servesCuisine: 'Coffee',
      priceRange: '$$',
      address: { '@type': 'PostalAddress', streetAddress: place.street, addressLocality: place.city, addressCountry: 'US' },
      aggregateRating: { '@type': 'AggregateRating', ratingValue: average(all), reviewCount: all.length, bestRating: 5, worstRating: 1 },
      review: shown.map((r) => ({
        '@type': 'Review',
        '@id': `${base}/reviews/${r.id}`,
        url: `${base}/reviews/${r.id}`,
        author: authorLd(r),
        datePublished: isoSeconds(r.publishedAt),
        name: r.title,
        reviewBody: r.text,
        inLanguage: r.lang,
        reviewRating: { '@type': 'Rating', ratingValue: r.rating, bestRating: 5, worstRating: 1 },
      })),
    };
    const ld = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebPage', '@id': `${self}#webpage`, url: self, name: `${place.name} reviews`, about: { '@id': `${base}#business` } },
        business,
        { '@type': 'BreadcrumbList', itemListElement: [
          { '@type': 'ListItem', position: 1, name: 'Cafés', item: `${ctx.origin}/cafes/` },
          { '@type': 'ListItem', position: 2, name: place.name, item: base },
        ] },
      ],
    };
    const links = [prev ? `<a rel="prev" href="${esc(prev)}">Previous</a>` : '', next ? `<a rel="next" href="${esc(next)}">Next page</a>` : ''].join(' ');
    const body = `<header><a href="/">CafeGuide</a> › <a href="/cafes/${esc(target)}">${esc(place.name)}</a></header>
<h1>${esc(place.name)}</h1><p class="meta">${esc(place.street)}, ${esc(place.city)} · ${average(all)} / 5 from ${all.length} reviews</p>
${visibleReviews(shown, (r) => `${r.rating}/5`)}
<nav class="pagination">${links}</nav>`;
    const head = `<link rel="canonical" href="${esc(self)}">\n<script type="application/ld+json">${jsonForScript(ld, 2)}</script>\n`;
    send(ctx, 200, TYPES.html, page(`${place.name} – reviews – CafeGuide`, body, head));
  },
};
