import { BRIGHTLINE_PRODUCTS } from '../corpus/brightline.js';
import type { DemoReview } from '../data/types.js';
import { esc, isoDate, jsonForScript, page } from '../lib/html.js';
import { notFound, send, TYPES, type RouteContext } from '../lib/http.js';
import type { Route } from './env.js';
import { average, pageOf, pageParam, reviewsOf, visibleReviews } from './review-pages.js';

const SHOP = 'brightline';

function reviewLd(origin: string, r: DemoReview): Record<string, unknown> {
  const product = r.product ? BRIGHTLINE_PRODUCTS[r.product] : undefined;
  return {
    '@context': 'https://schema.org',
    '@type': 'Review',
    '@id': `${origin}/shop/${SHOP}/reviews/${r.id}`,
    ...(product && r.product ? { itemReviewed: { '@type': 'Product', name: product.name, sku: product.sku, url: `${origin}/shop/${SHOP}/products/${r.product}` } } : {}),
    author: { '@type': 'Person', name: r.author },
    datePublished: isoDate(r.publishedAt),
    headline: r.title,
    reviewBody: r.text,
    inLanguage: r.lang,
    reviewRating: { '@type': 'Rating', ratingValue: String(r.rating), bestRating: '5', worstRating: '1' },
  };
}

function breadcrumbs(origin: string, trail: [string, string][]): string {
  const ld = {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: trail.map(([name, path], i) => ({ '@type': 'ListItem', position: i + 1, name, item: `${origin}${path}` })),
  };
  return `<script type="application/ld+json">${jsonForScript(ld)}</script>\n`;
}

function shopPage(ctx: RouteContext, title: string, body: string, head: string): void {
  send(ctx, 200, TYPES.html, page(`${title} | Brightline Bikes`, `<header><a href="/shop/${SHOP}/reviews">Brightline Bikes</a></header>\n${body}`, head));
}

/**
 * `/shop/brightline/reviews?page=N`: a JSON-LD *array* of top-level objects (the store + one object per review),
 * rating values as strings, paginated by the `page` parameter only. `/shop/brightline/reviews/<rid>`: one review.
 */
export const shopReviewsRoute: Route = {
  pattern: /^\/shop\/brightline\/reviews(?:\/([a-z0-9-]+))?\/?$/,
  handle(ctx, env) {
    const all = reviewsOf(env.data, SHOP, 'shop');
    const [reviewId] = ctx.params;
    const n = pageParam(ctx.url);
    if (n === null) return send(ctx, 400, TYPES.text, 'page must be a positive integer\n');
    let shown: DemoReview[];
    let pager = '';
    if (reviewId) {
      shown = all.filter((r) => r.id === reviewId);
      if (!shown.length) return notFound(ctx, 'No such review');
    } else {
      const p = pageOf(all, n);
      shown = p.items;
      const nums = Array.from({ length: p.lastPage }, (_, i) => i + 1)
        .map((k) => (k === n ? `<span class="current">${k}</span>` : `<a href="?page=${k}">${k}</a>`));
      if (n < p.lastPage) nums.push(`<a class="next" href="?page=${n + 1}">Next ›</a>`);
      pager = `<nav class="pager">${nums.join(' ')}</nav>`;
    }
    const store = {
      '@context': 'https://schema.org',
      '@type': 'OnlineStore',
      '@id': `${ctx.origin}/shop/${SHOP}#store`,
      name: 'Brightline Bikes',
      url: `${ctx.origin}/shop/${SHOP}/reviews`,
      aggregateRating: { '@type': 'AggregateRating', ratingValue: String(average(all)), reviewCount: String(all.length), bestRating: '5', worstRating: '1' },
    };
    const ld = [store, ...shown.map((r) => reviewLd(ctx.origin, r))];
    const head = breadcrumbs(ctx.origin, [['Shop', `/shop/${SHOP}/reviews`], ['Reviews', `/shop/${SHOP}/reviews`]]) +
      `<script type="application/ld+json">\n${jsonForScript(ld, 1)}\n</script>\n`;
    shopPage(ctx, 'Customer reviews', `<h1>What our riders say</h1>\n${visibleReviews(shown, (r) => '★'.repeat(r.rating))}\n${pager}`, head);
  },
};

/**
 * `/shop/brightline/products/<slug>`: one `Product` with its latest reviews. The helmet page features a single
 * review, so its `review` is an object rather than an array.
 */
export const shopProductRoute: Route = {
  pattern: /^\/shop\/brightline\/products\/([a-z0-9-]+)\/?$/,
  handle(ctx, env) {
    const [slug = ''] = ctx.params;
    const product = BRIGHTLINE_PRODUCTS[slug];
    if (!product) return notFound(ctx, `No product "${slug}"`);
    const all = reviewsOf(env.data, SHOP, 'shop').filter((r) => r.product === slug);
    const shown = all.slice(0, slug === 'aero-helmet' ? 1 : 5);
    const reviews = shown.map((r) => {
      const { '@context': _ctx, itemReviewed: _item, ...rest } = reviewLd(ctx.origin, r);
      return rest;
    });
    const ld = {
      '@context': 'https://schema.org/',
      '@type': 'Product',
      '@id': `${ctx.origin}/shop/${SHOP}/products/${slug}#product`,
      name: product.name,
      sku: product.sku,
      brand: { '@type': 'Brand', name: 'Brightline' },
      offers: { '@type': 'Offer', price: product.price, priceCurrency: 'EUR', availability: 'https://schema.org/InStock' },
      ...(all.length ? { aggregateRating: { '@type': 'AggregateRating', ratingValue: String(average(all)), reviewCount: String(all.length) } } : {}),
      ...(reviews.length ? { review: reviews.length === 1 ? reviews[0] : reviews } : {}),
    };
    const head = breadcrumbs(ctx.origin, [['Shop', `/shop/${SHOP}/reviews`], [product.name, `/shop/${SHOP}/products/${slug}`]]) +
      `<script type="application/ld+json">${jsonForScript(ld)}</script>\n`;
    const body = `<h1>${esc(product.name)}</h1><p>€${esc(product.price)}</p>\n${visibleReviews(shown, (r) => '★'.repeat(r.rating))}\n` +
      `<p><a href="/shop/${SHOP}/reviews">All reviews</a></p>`;
    shopPage(ctx, product.name, body, head);
  },
};

/**
 * `/shop/brightline/widget`: the first six shop reviews as a third-party review widget embeds them, three quirks in
 * turn: a bare `"reviewRating": "4"`; Trustpilot-style keys (`rating`, `title`, `text`, `consumer.displayName`,
 * `dates.publishedDate`) on a schema.org `Review` with no schema.org rating, body or author; `itemReviewed` as plain text.
 */
export const shopWidgetRoute: Route = {
  pattern: /^\/shop\/brightline\/widget\/?$/,
  handle(ctx, env) {
    const shown = reviewsOf(env.data, SHOP, 'shop').slice(0, 6);
    const ld = shown.map((r, i) => {
      const base = { '@context': 'https://schema.org', '@type': 'Review', '@id': `${ctx.origin}/shop/${SHOP}/reviews/${r.id}` };
      const product = r.product ? BRIGHTLINE_PRODUCTS[r.product]?.name : undefined;
      if (i % 3 === 0) return { ...base, author: r.author, datePublished: isoDate(r.publishedAt), reviewBody: r.text, reviewRating: String(r.rating) };
      if (i % 3 === 1) return { ...base, rating: r.rating, title: r.title, text: r.text, consumer: { displayName: r.author, countryCode: 'US' }, dates: { publishedDate: r.publishedAt.toISOString() } };
      return { ...base, itemReviewed: product ?? 'Brightline Bikes', author: { '@type': 'Person', name: r.author }, datePublished: isoDate(r.publishedAt), reviewBody: r.text, reviewRating: { '@type': 'Rating', ratingValue: r.rating } };
    });
    const head = `<script type="application/ld+json">${jsonForScript(ld)}</script>\n`;
    shopPage(ctx, 'Reviews widget', `<main>${shown.map((r) => `<blockquote>${esc(r.text)}</blockquote>`).join('\n')}</main>`, head);
  },
};
