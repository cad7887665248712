import { DE, EN, type PhrasePools, type Tone } from '../corpus/appstore-phrases.js';
import { hash52, intBetween, pick, prng } from '../lib/prng.js';
import { ago, DAY_MS, SPAN_MS } from './time.js';
import type { DemoAppReview } from './types.js';

/** Pixelpost's App Store id. */
export const PIXELPOST_APP_ID = '1530998142';

/**
 * Storefronts with a review feed: how many reviews each holds and the phrase pool they are written from. `undated`:
 * the storefront's feed omits each entry's `updated`, as real iTunes feeds do in some storefronts.
 */
export const STOREFRONTS: Record<string, { reviews: number; phrases: PhrasePools; undated?: boolean }> = {
  us: { reviews: 540, phrases: EN },
  gb: { reviews: 51, phrases: EN },
  de: { reviews: 41, phrases: DE },
  au: { reviews: 12, phrases: EN, undated: true },
};

/** Star ratings and how often they occur (a well-liked app with a vocal unhappy minority). */
const RATING_WEIGHTS: [1 | 2 | 3 | 4 | 5, number][] = [[5, 40], [4, 22], [3, 12], [2, 10], [1, 16]];

/** Versions by release age: the newest one shipped last week. */
const VERSIONS: [number, string][] = [[7, '6.3.1'], [21, '6.3.0'], [42, '6.2.1'], [Infinity, '6.2.0']];

/** App Store review ids are numbers that grow with time; this one never depends on `now`. */
const ID_BASE = 10_000_000_000;

function drawRating(rand: () => number): 1 | 2 | 3 | 4 | 5 {
  let x = rand() * RATING_WEIGHTS.reduce((sum, [, w]) => sum + w, 0);
  for (const [rating, w] of RATING_WEIGHTS) {
    if (x < w) return rating;
    x -= w;
  }
  return 5;
}

const toneOf = (rating: number): Tone => (rating >= 4 ? 'pos' : rating === 3 ? 'mid' : 'neg');

/** Title plus opener, one or two details and a closer, all in the tone of the rating. */
function write(rand: () => number, pools: PhrasePools, rating: 1 | 2 | 3 | 4 | 5): { title: string; text: string } {
  const tone = toneOf(rating);
  const details = [pick(rand, pools.details[tone])];
  const second = pick(rand, pools.details[tone]);
  if (rand() < 0.5 && second !== details[0]) details.push(second);
  const parts = [pick(rand, pools.openers[tone]), ...details, pick(rand, pools.closers[tone])];
  return { title: pick(rand, pools.titles[rating]), text: parts.filter(Boolean).join(' ') };
}

/**
 * The generated App Store reviews of one storefront, newest first, spread evenly over the ten weeks before `now`.
 * Same storefront, same reviews (texts, authors, ids); only the dates move with `now`.
 */
export function buildAppReviews(cc: string, now: Date): DemoAppReview[] {
  const store = STOREFRONTS[cc];
  if (!store) return [];
  const ccIndex = Object.keys(STOREFRONTS).indexOf(cc);
  const rand = prng(`appstore|${cc}`);
  return Array.from({ length: store.reviews }, (_, i) => {
    const ageMs = ((i + rand()) / store.reviews) * SPAN_MS;
    const rating = drawRating(rand);
    const nick = pick(rand, store.phrases.nicknames);
    const author = rand() < 0.5 ? `${nick}${intBetween(rand, 1, 999)}` : nick;
    const voteCount = rand() < 0.7 ? 0 : intBetween(rand, 1, 6);
    return {
      id: String(ID_BASE + Math.floor((SPAN_MS - ageMs) / 1000) * 4 + ccIndex),
      author,
      authorId: String(1_000_000_000 + (hash52(`itunes|${cc}|${author}`) % 9_000_000_000)),
      rating,
      version: VERSIONS.find(([days]) => ageMs < days * DAY_MS)![1],
      ...write(rand, store.phrases, rating),
      updatedAt: ago(now, ageMs),
      voteSum: intBetween(rand, 0, voteCount),
      voteCount,
    };
  });
}
