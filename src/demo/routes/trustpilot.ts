import { TRUSTPILOT_DOMAIN, TRUSTPILOT_LIMITED_DOMAIN, trustpilotReviews, type DemoTrustpilotReview } from '../data/trustpilot.js';
import { esc, jsonForScript } from '../lib/html.js';
import { notFound, send, TYPES } from '../lib/http.js';
import type { Route } from './env.js';

const PER_PAGE = 20;

function review(r: DemoTrustpilotReview): Record<string, unknown> {
  return {
    id: r.id,
    filtered: false,
    pending: false,
    text: r.text,
    rating: r.rating,
    labels: { merged: null, verification: { isVerified: r.verified, createdDateTime: r.published.toISOString(), reviewSourceName: r.verified ? 'InvitationApi' : 'Organic', verificationSource: 'invitation', verificationLevel: r.verified ? 'verified' : 'not-verified', hasDachExclusion: false } },
    title: r.title,
    likes: r.likes,
    source: r.verified ? 'InvitationApi' : 'Organic',
    dates: {
      experiencedDate: r.experienced ? r.experienced.toISOString() : null,
      publishedDate: r.published.toISOString(),
      updatedDate: null,
      submittedDate: null,
    },
    report: null,
    hasUnhandledReports: false,
    consumer: { id: r.id.split('').reverse().join(''), displayName: r.author, imageUrl: '', numberOfReviews: 1 + (r.likes % 4), countryCode: r.country, hasImage: false, isVerified: false },
    reply: r.reply ? { message: r.reply.message, publishedDate: r.reply.published.toISOString(), updatedDate: null } : null,
    consumersReviewCountOnSameDomain: 1,
    consumersReviewCountOnSameLocation: null,
    productReviews: [],
    language: 'en',
    location: null,
  };
}

/** Requests seen per page of the rate-limited business, per site. */
const limited = new WeakMap<object, Set<string>>();

/**
 * `/review/<domain>[?page=N][&sort=recency]`: a Trustpilot business page, a Next.js page whose reviews, business
 * unit (TrustScore, stars, review count) and pagination sit in `<script id="__NEXT_DATA__">`, 20 reviews a page,
 * newest first. `reply` is `null` without an answer, `dates.experiencedDate` `null` on some reviews; a page past the
 * last is 404. The `busy.` domain answers each page's first request with 429 and `Retry-After: 1`.
 */
export const trustpilotRoute: Route = {
  pattern: /^\/review\/([a-z0-9.-]+)\/?$/,
  handle(ctx, env) {
    const [domain = ''] = ctx.params;
    if (domain !== TRUSTPILOT_DOMAIN && domain !== TRUSTPILOT_LIMITED_DOMAIN) return notFound(ctx);
    const pageNo = Math.max(1, Math.floor(Number(ctx.url.searchParams.get('page') ?? 1)) || 1);
    if (domain === TRUSTPILOT_LIMITED_DOMAIN) {
      const seen = limited.get(env) ?? new Set<string>();
      limited.set(env, seen);
      if (!seen.has(String(pageNo))) {
        seen.add(String(pageNo));
        return send(ctx, 429, TYPES.text, 'Too Many Requests\n', { 'retry-after': '1' });
      }
    }
    const all = trustpilotReviews(env.data.now);
    const totalPages = Math.ceil(all.length / PER_PAGE);
    if (pageNo > totalPages) return notFound(ctx, 'Page not found');
    const shown = all.slice((pageNo - 1) * PER_PAGE, pageNo * PER_PAGE);
    const stars = all.reduce((s, r) => s + r.rating, 0) / all.length;
    const trustScore = Math.round(stars * 10) / 10;
    const pageProps = {
      domain,
      pageUrl: `${ctx.origin}/review/${domain}`,
      businessUnit: {
        id: '5f1e0c6d9a2b3c0001a7b1c2',
        displayName: 'Brightline Bikes',
        identifyingName: domain,
        numberOfReviews: all.length,
        trustScore,
        websiteUrl: `https://${domain}`,
        websiteTitle: domain,
        profileImageUrl: '',
        stars: Math.round(stars * 2) / 2,
        categories: [{ id: 'bicycle_store', name: 'Bicycle Store', isPrimary: true }],
        isClaimed: true,
      },
      reviews: shown.map(review),
      filters: {
        totalNumberOfReviews: all.length,
        totalNumberOfFilteredReviews: all.length,
        pagination: { currentPage: pageNo, perPage: PER_PAGE, totalCount: all.length, totalPages },
      },
    };
    const next = { props: { pageProps, __N_SSP: true }, page: '/review/[businessUnit]', query: { businessUnit: domain, page: String(pageNo) }, buildId: 'businessunitprofile-consumersite-2026.12.1', isFallback: false, gssp: true, locale: 'en-US', scriptLoader: [] };
    const cards = shown.map((r) => `<article data-service-review-card-paper="true"><h2>${esc(r.title)}</h2><p>${esc(r.text)}</p></article>`).join('\n');
    const html = `<!DOCTYPE html><html lang="en-US"><head><meta charSet="utf-8"/><title>Brightline Bikes Reviews | Read Customer Service Reviews of ${esc(domain)}</title></head>
<body><div id="__next"><main><h1>Brightline Bikes</h1><p>TrustScore ${trustScore} | ${all.length} reviews</p>${cards}</main></div>
<script id="__NEXT_DATA__" type="application/json">${jsonForScript(next)}</script></body></html>`;
    send(ctx, 200, TYPES.html, html);
  },
};
