import { bluebird, kettle, privateNorthwind } from '../corpus/competitors.js';
import { brightline } from '../corpus/brightline.js';
import { northwind } from '../corpus/northwind.js';
import { northwindSpike } from '../corpus/northwind-spike.js';
import { pixelpost } from '../corpus/pixelpost.js';
import type { ReviewSeed, ReviewSite, ReviewTarget } from '../corpus/types.js';
import { prng } from '../lib/prng.js';
import { authorKind, reviewerName } from './authors.js';
import { placeReviews } from './placement.js';
import { reviewId, syndicatedCopy } from './syndication.js';
import { ago, DAY_MS, HOUR_MS, newestFirst, SPAN_MS } from './time.js';
import type { DemoReview } from './types.js';

/** Every review target with all its seeds (Northwind's spike and robots-forbidden reviews included). */
export const REVIEW_TARGETS: ReviewTarget[] = [
  { ...northwind, reviews: [...northwind.reviews, ...northwindSpike, ...privateNorthwind] },
  bluebird,
  kettle,
  pixelpost,
  brightline,
];

/** Unpinned reviews are at least this old, so only the spike falls in a 48-hour alert window. */
const MIN_AGE_MS = 2.5 * DAY_MS;

/** Age of a review: the spike's fixed `hoursAgo`, otherwise a stable draw over the ten weeks before `now`. */
function ageOf(seed: ReviewSeed, rand: () => number): number {
  if (seed.hoursAgo !== undefined) return seed.hoursAgo * HOUR_MS;
  return MIN_AGE_MS + rand() * (SPAN_MS - MIN_AGE_MS);
}

/** One seed published on `site`, plus its syndicated copy when it has one. */
function publish(target: string, seed: ReviewSeed, site: ReviewSite, now: Date): DemoReview[] {
  const rand = prng(`review|${target}|${seed.text}`);
  const lang = seed.lang ?? 'en';
  const ageMs = ageOf(seed, rand);
  const author = seed.author ?? reviewerName(rand, lang);
  const review: DemoReview = {
    id: reviewId(site, seed.text),
    target,
    site,
    rating: seed.rating,
    title: seed.title,
    text: seed.text,
    author,
    authorKind: authorKind(rand, author),
    lang,
    ...(seed.product ? { product: seed.product } : {}),
    publishedAt: ago(now, ageMs),
  };
  return seed.syndicate ? [review, syndicatedCopy(review, ageMs, seed.syndicate, now, MIN_AGE_MS)] : [review];
}

/** Every review of every target on every site, newest first. Ids never depend on `now`; dates are relative to it. */
export function buildReviews(now: Date): DemoReview[] {
  const reviews = REVIEW_TARGETS.flatMap((target) =>
    placeReviews(target).flatMap(({ seed, site }) => publish(target.id, seed, site, now)));
  const ids = new Set(reviews.map((r) => r.id));
  if (ids.size !== reviews.length) throw new Error('demo corpus: two reviews share an id (same text on the same site)');
  return reviews.sort(newestFirst((r) => r.publishedAt, (r) => r.id));
}
