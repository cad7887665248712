import type { DemoReview } from '../data/types.js';
import { esc, isoDate, page } from '../lib/html.js';
import { notFound, send, TYPES } from '../lib/http.js';
import type { Route } from './env.js';
import { average, pageOf, PLACES, reviewsOf } from './review-pages.js';

function reviewMicrodata(base: string, r: DemoReview): string {
  const href = `/guide/${r.target}/reviews/${r.id}`;
  return `<div class="entry" itemprop="review" itemscope itemtype="https://schema.org/Review" itemid="${esc(base)}/reviews/${esc(r.id)}" lang="${esc(r.lang)}">
  <h3 itemprop="name">${esc(r.title)}</h3>
  <div class="by">by <span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">${esc(r.author)}</span></span>
  on <meta itemprop="datePublished" content="${isoDate(r.publishedAt)}">${esc(r.publishedAt.toUTCString().slice(5, 16))}</div>
  <div itemprop="reviewRating" itemscope itemtype="https://schema.org/Rating"><meta itemprop="worstRating" content="1"><span itemprop="ratingValue">${r.rating}</span> out of <span itemprop="bestRating">5</span></div>
  <p itemprop="reviewBody">${esc(r.text)}</p>
  <a itemprop="url" href="${esc(href)}">Permalink</a>
</div>`;
}

/**
 * `/guide/<id>` and `/guide/<id>/page/<n>`: a city guide marked up with schema.org **microdata** only
 * (no JSON-LD), paginated by `<a rel="next">`. `/guide/<id>/reviews/<rid>`: one review.
 */
export const guideRoute: Route = {
  pattern: /^\/guide\/([a-z0-9-]+)(?:\/page\/(\d+)|\/reviews\/([a-z0-9-]+))?\/?$/,
  handle(ctx, env) {
    const [target = '', pageRaw, reviewId] = ctx.params;
    const all = reviewsOf(env.data, target, 'guide');
    const place = PLACES[target];
    if (!all.length || !place) return notFound(ctx, `No guide entry "${target}"`);
    const base = `${ctx.origin}/guide/${target}`;
    let shown = all;
    let nav = '';
    if (reviewId) {
      shown = all.filter((r) => r.id === reviewId);
      if (!shown.length) return notFound(ctx, 'No such review');
    } else {
      const n = pageRaw ? Number(pageRaw) : 1;
      const p = pageOf(all, n);
      if (n < 1 || (n > p.lastPage && n > 1)) return notFound(ctx, 'No such page');
      shown = p.items;
      if (n > 1) nav += `<a rel="prev" href="${n === 2 ? `/guide/${target}` : `/guide/${target}/page/${n - 1}`}">« Newer</a> `;
      if (n < p.lastPage) nav += `<a rel="next" href="/guide/${target}/page/${n + 1}">Older reviews »</a>`;
    }
    const body = `<header><a href="/">City Guide</a></header>
<div itemscope itemtype="https://schema.org/${esc(place.type)}" itemid="${esc(base)}#place">
<h1 itemprop="name">${esc(place.name)}</h1>
<div itemprop="address" itemscope itemtype="https://schema.org/PostalAddress"><span itemprop="streetAddress">${esc(place.street)}</span>, <span itemprop="addressLocality">${esc(place.city)}</span></div>
<div itemprop="aggregateRating" itemscope itemtype="https://schema.org/AggregateRating">Rated <span itemprop="ratingValue">${average(all)}</span>/<span itemprop="bestRating">5</span> from <span itemprop="reviewCount">${all.length}</span> reviews</div>
${shown.map((r) => reviewMicrodata(base, r)).join('\n')}
</div>
<nav>${nav}</nav>`;
    send(ctx, 200, TYPES.html, page(`${place.name} – City Guide`, body));
  },
};
