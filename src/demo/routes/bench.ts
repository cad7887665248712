import { brightline } from '../corpus/brightline.js';
import { FIRST_NAMES } from '../corpus/names.js';
import { esc, isoSeconds, jsonForScript, page } from '../lib/html.js';
import { notFound, send, TYPES } from '../lib/http.js';
import { hash32, pick, prng } from '../lib/prng.js';
import type { Route } from './env.js';

const SENTENCES = brightline.reviews.flatMap((r) => (r.lang ? [] : r.text.split(/(?<=[.!?])\s+/)));
const PER_PAGE = 10;

/**
 * `/bench/page/<n>` (1..reviewPages): generated `Product` JSON-LD pages of 10 reviews each, chained by
 * `<a rel="next">`, for crawl-throughput benchmarks. Same n → same page.
 */
export const benchRoute: Route = {
  pattern: /^\/bench\/page\/(\d+)\/?$/,
  handle(ctx, env) {
    const n = Number(ctx.params[0]);
    if (!(n >= 1 && n <= env.reviewPages)) return notFound(ctx, 'No such bench page');
    const now = env.data.now.getTime();
    const reviews = Array.from({ length: PER_PAGE }, (_, i) => {
      const key = `bench|${n}|${i}`;
      const rand = prng(key);
      const rating = 1 + Math.floor(rand() * 5);
      const text = [pick(rand, SENTENCES), pick(rand, SENTENCES), pick(rand, SENTENCES)].join(' ');
      const ageMs = Math.floor(rand() * 70 * 86_400) * 1000;
      return {
        '@type': 'Review',
        '@id': `${ctx.origin}/bench/page/${n}#r${i}`,
        author: { '@type': 'Person', name: `${pick(rand, FIRST_NAMES.en!)} ${String.fromCharCode(65 + (hash32(key) % 26))}.` },
        datePublished: isoSeconds(new Date(now - ageMs)),
        name: `Bench review ${n}-${i}`,
        reviewBody: text,
        reviewRating: { '@type': 'Rating', ratingValue: rating, bestRating: 5 },
      };
    });
    const ld = { '@context': 'https://schema.org', '@type': 'Product', name: `Bench product ${n}`, review: reviews };
    const next = n < env.reviewPages ? `<a rel="next" href="/bench/page/${n + 1}">Next</a>` : '';
    const body = `<h1>Bench page ${n}</h1>\n${reviews.map((r) => `<p>${esc(r.reviewBody)}</p>`).join('\n')}\n<nav>${next}</nav>`;
    send(ctx, 200, TYPES.html, page(`Bench page ${n}`, body, `<script type="application/ld+json">${jsonForScript(ld)}</script>\n`));
  },
};
