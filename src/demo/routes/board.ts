import type { DemoReview } from '../data/types.js';
import { esc, isoSeconds, page, relativeAge } from '../lib/html.js';
import { notFound, send, TYPES } from '../lib/http.js';
import type { Route } from './env.js';
import { pageOf, pageParam, PLACES, reviewsOf } from './review-pages.js';

/** One review in the plain-HTML markup of `/board` and `/live` (see ROUTES.md for the selectors). */
export function reviewArticle(r: DemoReview, permalink: string, now: Date): string {
  return `<article class="review" data-review-id="${esc(r.id)}" lang="${esc(r.lang)}">
  <h3 class="review-title">${esc(r.title)}</h3>
  <div class="meta"><span class="stars" data-rating="${r.rating}" title="${r.rating} out of 5">${'★'.repeat(r.rating)}${'☆'.repeat(5 - r.rating)}</span>
  by <span class="review-author">${esc(r.author)}</span> · <time datetime="${isoSeconds(r.publishedAt)}">${relativeAge(r.publishedAt, now)}</time></div>
  <p class="review-text">${esc(r.text)}</p>
  <a class="permalink" href="${esc(permalink)}">Link</a>
</article>`;
}

/**
 * `/board/<id>?page=N`: reviews as plain HTML, no structured data, next page via `a.next-page`.
 * `/board/<id>/r/<rid>` and `/live/<id>/r/<rid>`: one review in the same markup.
 */
export const boardRoute: Route = {
  pattern: /^\/(board|live)\/([a-z0-9-]+)(?:\/r\/([a-z0-9-]+))?\/?$/,
  handle(ctx, env) {
    const [kind = 'board', target = '', reviewId] = ctx.params;
    const place = PLACES[target];
    const all = reviewsOf(env.data, target, kind === 'live' ? 'live' : 'board');
    if (!place || !all.length) return notFound(ctx, `No board "${target}"`);
    if (kind === 'live' && !reviewId) return liveShell(ctx, target, place.name);
    let shown = all;
    let nav = '';
    if (reviewId) {
      shown = all.filter((r) => r.id === reviewId);
      if (!shown.length) return notFound(ctx, 'No such review');
    } else {
      const n = pageParam(ctx.url);
      if (n === null) return send(ctx, 400, TYPES.text, 'page must be a positive integer\n');
      const p = pageOf(all, n);
      shown = p.items;
      nav = `<div class="paging">Page ${n}/${p.lastPage}` +
        (n < p.lastPage ? ` <a class="next-page" href="/board/${esc(target)}?page=${n + 1}">Next »</a>` : '') + '</div>';
    }
    const list = shown.map((r) => reviewArticle(r, `/${kind}/${target}/r/${r.id}`, env.data.now)).join('\n');
    const body = `<header><a href="/">ReviewBoard</a></header>\n<h1>${esc(place.name)} — customer reviews</h1>\n<section class="reviews">\n${list}\n</section>\n${nav}`;
    send(ctx, 200, TYPES.html, page(`${place.name} reviews – ReviewBoard`, body));
  },
};

/** The JS-rendered page: an empty container and a script; only a real browser ever sees the reviews. */
function liveShell(ctx: Parameters<Route['handle']>[0], target: string, name: string): void {
  const api = `/live/${target}/reviews.json`;
  const script = `
(function () {
  var box = document.getElementById('reviews');
  var more = document.querySelector('button.load-more');
  var offset = 0;
  function el(tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls; if (text != null) e.textContent = text; return e; }
  function render(it) {
    var a = el('article', 'review'); a.setAttribute('data-review-id', it.id);
    a.appendChild(el('h3', 'review-title', it.title));
    var meta = el('div', 'meta');
    var stars = el('span', 'stars', '\\u2605'.repeat(it.rating) + '\\u2606'.repeat(5 - it.rating)); stars.setAttribute('data-rating', String(it.rating));
    meta.appendChild(stars); meta.appendChild(document.createTextNode(' by '));
    meta.appendChild(el('span', 'review-author', it.author)); meta.appendChild(document.createTextNode(' \\u00b7 '));
    var t = el('time', null, new Date(it.date).toDateString()); t.setAttribute('datetime', it.date); meta.appendChild(t);
    a.appendChild(meta);
    a.appendChild(el('p', 'review-text', it.text));
    var link = el('a', 'permalink', 'Link'); link.href = it.url; a.appendChild(link);
    box.appendChild(a);
  }
  function load() {
    more.disabled = true;
    fetch('${api}?offset=' + offset + '&limit=10').then(function (r) { return r.json(); }).then(function (d) {
      d.items.forEach(render);
      if (d.next === null) { more.remove(); } else { offset = d.next; more.hidden = false; more.disabled = false; }
    });
  }
  more.addEventListener('click', load);
  load();
})();`;
  const body = `<header><a href="/">ReviewBoard Live</a></header>
<h1>${esc(name)} — live reviews</h1>
<div id="reviews" class="reviews"></div>
<button class="load-more" type="button" hidden>Load more</button>
<noscript>This page needs JavaScript.</noscript>
<script>${script}</script>`;
  send(ctx, 200, TYPES.html, page(`${name} live reviews`, body));
}

/** `/live/<id>/reviews.json?offset=O&limit=L` (limit default 10, max 50): the data behind the JS-rendered page. */
export const liveApiRoute: Route = {
  pattern: /^\/live\/([a-z0-9-]+)\/reviews\.json$/,
  handle(ctx, env) {
    const [target = ''] = ctx.params;
    const all = reviewsOf(env.data, target, 'live');
    if (!all.length) return notFound(ctx, `No board "${target}"`);
    const offset = Math.max(0, Math.trunc(Number(ctx.url.searchParams.get('offset') ?? 0)) || 0);
    const limit = Math.min(50, Math.max(1, Math.trunc(Number(ctx.url.searchParams.get('limit') ?? 10)) || 10));
    const items = all.slice(offset, offset + limit).map((r) => ({
      id: r.id, title: r.title, text: r.text, rating: r.rating, author: r.author,
      date: isoSeconds(r.publishedAt), url: `/live/${target}/r/${r.id}`, lang: r.lang,
    }));
    const next = offset + limit < all.length ? offset + limit : null;
    send(ctx, 200, TYPES.json, JSON.stringify({ items, next, total: all.length }));
  },
};
