import { isoSeconds, jsonForScript, page } from '../lib/html.js';
import { send, TYPES } from '../lib/http.js';
import type { Route } from './env.js';
import { authorLd, reviewsOf, visibleReviews } from './review-pages.js';

/** `/private/reviews`: JSON-LD reviews that robots.txt forbids; a crawler that respects robots never fetches them. */
export const privateRoute: Route = {
  pattern: /^\/private\/reviews\/?$/,
  handle(ctx, env) {
    const reviews = reviewsOf(env.data, 'northwind', 'private');
    const ld = {
      '@context': 'https://schema.org',
      '@type': 'CafeOrCoffeeShop',
      name: 'Northwind Coffee',
      review: reviews.map((r) => ({
        '@type': 'Review',
        '@id': `${ctx.origin}/private/reviews#${r.id}`,
        author: authorLd(r),
        datePublished: isoSeconds(r.publishedAt),
        name: r.title,
        reviewBody: r.text,
        reviewRating: { '@type': 'Rating', ratingValue: r.rating, bestRating: 5 },
      })),
    };
    const head = `<meta name="robots" content="noindex">\n<script type="application/ld+json">${jsonForScript(ld)}</script>\n`;
    send(ctx, 200, TYPES.html, page('Internal – mystery shopper reports', `<h1>Internal reports</h1>\n${visibleReviews(reviews, (r) => `${r.rating}/5`)}`, head));
  },
};
