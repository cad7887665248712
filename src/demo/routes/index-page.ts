import { SUBREDDITS } from '../corpus/reddit.js';
import { HASHTAGS } from '../corpus/mastodon.js';
import { PIXELPOST_APP_ID, STOREFRONTS } from '../data/appstore.js';
import { esc, page } from '../lib/html.js';
import { send, TYPES } from '../lib/http.js';
import type { Route } from './env.js';
import { ALERT_KEYWORDS } from './feeds.js';

const li = (href: string, label: string, note = '') =>
  `<li><a href="${esc(href)}">${esc(label)}</a>${note ? ` — ${esc(note)}` : ''}</li>`;

/** `/`: a human-readable index of every route. */
export const indexRoute: Route = {
  pattern: /^\/$/,
  handle(ctx, env) {
    const sections: [string, string[]][] = [
      ['Review pages with schema.org JSON-LD', [
        li('/cafes/northwind', 'CafeGuide: Northwind Coffee', '@graph, rel=next'),
        li('/cafes/bluebird', 'CafeGuide: Bluebird Roasters'),
        li('/cafes/kettle', 'CafeGuide: Kettle & Co'),
        li('/shop/brightline/reviews', 'Brightline Bikes reviews', 'JSON-LD array, ?page=N'),
        ...['commuter-7', 'trail-e1', 'cargo-duo', 'aero-helmet'].map((s) => li(`/shop/brightline/products/${s}`, `Product: ${s}`)),
        li('/apps/pixelpost', 'AppCritic: Pixelpost', '10-point scale, ?page=N'),
        ...(env.reviewPages ? [li('/bench/page/1', `Bench pages (${env.reviewPages})`)] : []),
      ]],
      ['Review pages with microdata', [li('/guide/northwind', 'City Guide: Northwind Coffee')]],
      ['Plain HTML review boards (site profiles)', [
        li('/board/northwind', 'ReviewBoard: Northwind Coffee'),
        li('/board/brightline', 'ReviewBoard: Brightline Bikes'),
        li('/live/northwind', 'ReviewBoard Live: Northwind Coffee', 'rendered by JavaScript'),
        li('/live/pixelpost', 'ReviewBoard Live: Pixelpost', 'rendered by JavaScript'),
      ]],
      ['Feeds', [
        li('/news/rss?q=northwind', 'News search RSS: northwind'),
        li('/news/rss?q=brightline', 'News search RSS: brightline'),
        li('/news/rss?q=pixelpost', 'News search RSS: pixelpost'),
        li('/blog/feed.atom', 'The Daily Grind (Atom)'),
        ...Object.keys(ALERT_KEYWORDS).map((b) => li(`/alerts/feeds/${b}`, `Google Alert: ${ALERT_KEYWORDS[b]}`)),
        ...HASHTAGS.map((t) => li(`/tags/${t}.rss`, `Mastodon RSS #${t}`)),
      ]],
      ['Reddit', [
        li('/search.json?q=northwind&sort=new', 'search: northwind'),
        ...SUBREDDITS.map((s) => li(`/r/${s}/new.json`, `r/${s} new`)),
      ]],
      ['Hacker News (Algolia)', [
        li('/api/v1/search_by_date?query=northwind&tags=(story,comment)', 'search_by_date: northwind'),
        li('/api/v1/search?query=pixelpost&tags=story', 'search: pixelpost stories'),
      ]],
      ['Mastodon', HASHTAGS.map((t) => li(`/api/v1/timelines/tag/${t}`, `#${t} timeline`))],
      ['App Store (Pixelpost)', Object.keys(STOREFRONTS).map((cc) =>
        li(`/${cc}/rss/customerreviews/page=1/id=${PIXELPOST_APP_ID}/sortby=mostrecent/json`, `${cc.toUpperCase()} reviews`, `${env.data.appReviews[cc]?.length ?? 0} reviews`))],
    ];
    const body = `<h1>earshot demo site</h1>
<p>Fictional brands and reviews for trying earshot offline. Dates are relative to ${esc(env.data.now.toISOString())}. See <code>src/demo/ROUTES.md</code>.</p>
${sections.map(([h, items]) => `<h2>${esc(h)}</h2>\n<ul>\n${items.join('\n')}\n</ul>`).join('\n')}`;
    send(ctx, 200, TYPES.html, page('earshot demo site', body));
  },
};

/** `/robots.txt`: everything allowed except `/private/`. */
export const robotsRoute: Route = {
  pattern: /^\/robots\.txt$/,
  handle(ctx) {
    send(ctx, 200, TYPES.text, 'User-agent: *\nDisallow: /private/\nAllow: /\n');
  },
};
