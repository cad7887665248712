import { PIXELPOST_APP_ID, STOREFRONTS } from '../data/appstore.js';
import type { DemoAppReview } from '../data/types.js';
import { send, sendJson, TYPES } from '../lib/http.js';
import type { Route } from './env.js';

const PER_PAGE = 50;
const MAX_PAGES = 10;

/** Apple prints review times in Pacific time: `2025-02-27T13:05:22-07:00`. */
function pacific(d: Date): string {
  return `${new Date(d.getTime() - 7 * 3_600_000).toISOString().slice(0, 19)}-07:00`;
}

function entry(cc: string, appId: string, r: DemoAppReview): unknown {
  return {
    author: { uri: { label: `https://itunes.apple.com/${cc}/reviews/id${r.authorId}` }, name: { label: r.author }, label: '' },
    ...(STOREFRONTS[cc]?.undated ? {} : { updated: { label: pacific(r.updatedAt) } }),
    'im:rating': { label: String(r.rating) },
    'im:version': { label: r.version },
    id: { label: r.id },
    title: { label: r.title },
    content: { label: r.text, attributes: { type: 'text' } },
    link: { attributes: { rel: 'related', href: `https://itunes.apple.com/${cc}/review?id=${appId}&type=Purple%20Software` } },
    'im:voteSum': { label: String(r.voteSum) },
    'im:contentType': { attributes: { term: 'Application', label: 'Application' } },
    'im:voteCount': { label: String(r.voteCount) },
  };
}

/**
 * `/<cc>/rss/customerreviews[/page=<n>]/id=<appId>[/sortby=mostrecent]/json`: Apple's customer-review feed.
 * 50 per page, at most 10 pages (page 11+ is Apple's HTTP 400), `entry` is an object when a page holds one review
 * and absent past the end. `first`/`last`/`next` links use Apple's odd `/xml?urlDesc=` form.
 */
export const appstoreRoute: Route = {
  pattern: /^\/([a-zA-Z]{2})\/rss\/customerreviews(?:\/page=(\d+))?\/id=(\d+)(?:\/sortby=(?:mostrecent|mosthelpful))?\/json$/i,
  handle(ctx, env) {
    const [ccRaw = '', pageRaw, appId = ''] = ctx.params;
    const cc = ccRaw.toLowerCase();
    const n = Math.max(1, Number(pageRaw ?? 1));
    if (n > MAX_PAGES) return send(ctx, 400, TYPES.text, 'CustomerReviews RSS page depth is limited to 10');
    const all = appId === PIXELPOST_APP_ID && STOREFRONTS[cc] ? env.data.appReviews[cc] ?? [] : [];
    const lastPage = Math.max(1, Math.min(MAX_PAGES, Math.ceil(all.length / PER_PAGE)));
    const shown = all.slice((n - 1) * PER_PAGE, n * PER_PAGE).map((r) => entry(cc, appId, r));
    const host = `${ctx.origin}/${cc}/rss/customerreviews`;
    const json = (p: number) => `${host}/page=${p}/id=${appId}/sortby=mostrecent/json`;
    const xml = (p: number) => `${host}/page=${p}/id=${appId}/sortby=mostrecent/xml?urlDesc=/customerreviews/page=${n}/id=${appId}/sortby=mostrecent/json`;
    const link = (rel: string, href: string, type?: string) => ({ attributes: { rel, ...(type ? { type } : {}), href } });
    const links = [
      link('alternate', `https://apps.apple.com/WebObjects/MZStore.woa/wa/viewGrouping?cc=${cc}&id=${appId}`, 'text/html'),
      link('self', json(n)),
      link('first', xml(1)),
      link('last', xml(lastPage)),
      ...(n > 1 ? [link('previous', xml(n - 1))] : []),
      ...(n < lastPage ? [link('next', xml(n + 1))] : []),
    ];
    const feed: Record<string, unknown> = {
      author: { name: { label: 'iTunes Store' }, uri: { label: `http://www.apple.com/${cc}/itunes/` } },
      ...(shown.length === 1 ? { entry: shown[0] } : shown.length ? { entry: shown } : {}),
      updated: { label: pacific(env.data.now) },
      rights: { label: 'Copyright 2008 Apple Inc.' },
      title: { label: 'iTunes Store: Customer Reviews' },
      icon: { label: 'http://itunes.apple.com/favicon.ico' },
      link: links,
      id: { label: json(n) },
    };
    sendJson(ctx, { feed });
  },
};

/**
 * `/lookup?id=<appId>&country=<cc>[&entity=software]`: the iTunes Search API's lookup, where a storefront's average
 * rating lives (the review feed has none): `{resultCount, results: [{trackId, trackName, averageUserRating,
 * userRatingCount, trackViewUrl, …}]}`; an unknown app or storefront gives `{resultCount: 0, results: []}`.
 */
export const appLookupRoute: Route = {
  pattern: /^\/lookup$/,
  handle(ctx, env) {
    const appId = ctx.url.searchParams.get('id') ?? '';
    const cc = (ctx.url.searchParams.get('country') ?? 'us').toLowerCase();
    const reviews = appId === PIXELPOST_APP_ID && STOREFRONTS[cc] ? env.data.appReviews[cc] ?? [] : [];
    if (!reviews.length) return sendJson(ctx, { resultCount: 0, results: [] });
    const avg = reviews.reduce((s, r) => s + r.rating, 0) / reviews.length;
    sendJson(ctx, {
      resultCount: 1,
      results: [
        {
          wrapperType: 'software',
          kind: 'software',
          trackId: Number(appId),
          trackName: 'Pixelpost – photo postcards',
          sellerName: 'Pixelpost Ltd',
          averageUserRating: Math.round(avg * 100000) / 100000,
          averageUserRatingForCurrentVersion: Math.round(avg * 100000) / 100000,
          userRatingCount: reviews.length * 7,
          userRatingCountForCurrentVersion: reviews.length * 7,
          trackViewUrl: `https://apps.apple.com/${cc}/app/pixelpost-photo-postcards/id${appId}?uo=4`,
          version: '6.3.1',
        },
      ],
    });
  },
};
