import { EN } from '../corpus/appstore-phrases.js';
import { hash52, intBetween, pick, prng } from '../lib/prng.js';
import { ago, DAY_MS, SPAN_MS } from './time.js';

/** Pixelpost Studio, the desktop editor sold on Steam (fictional app id). */
export const STEAM_APP_ID = '2291740';
/** The same reviews, from a store front that answers the first request for each page with 429 and Retry-After. */
export const STEAM_RATE_LIMITED_APP_ID = '2291741';
const REVIEWS = 130;

export interface DemoSteamReview {
  recommendationid: string;
  steamid: string;
  language: string;
  review: string;
  created: Date;
  updated: Date;
  votedUp: boolean;
  votesUp: number;
  votesFunny: number;
  /** A string on most reviews, a bare number 0 on some, as Steam serves it. */
  weightedVoteScore: string | number;
  commentCount: number;
  playtimeForever: number;
  /** Missing on some reviews (older ones in the real API). */
  playtimeAtReview?: number;
  steamPurchase: boolean;
  receivedForFree: boolean;
  developerResponse?: { text: string; at: Date };
}

const REPLIES = [
  'Thanks for the report! The crash when importing RAW files is fixed in 2.4.1, please update.',
  'Sorry about that. Could you send your log to support@pixelpost.example? We will look into it.',
  'Thank you for the kind words, the whole team read this!',
];

const cache = new Map<number, DemoSteamReview[]>();

/** The Steam reviews of Pixelpost Studio, newest first; ids and texts never depend on `now`. */
export function steamReviews(now: Date): DemoSteamReview[] {
  const hit = cache.get(now.getTime());
  if (hit) return hit;
  const rand = prng('steam|pixelpost-studio');
  const list = Array.from({ length: REVIEWS }, (_, i): DemoSteamReview => {
    const ageMs = ((i + rand()) / REVIEWS) * SPAN_MS;
    const votedUp = rand() < 0.72;
    const tone = votedUp ? 'pos' : 'neg';
    const parts = [pick(rand, EN.openers[tone]), pick(rand, EN.details[tone]), pick(rand, EN.closers[tone])];
    // Some Steam reviews are empty (a thumb and nothing else).
    const review = i % 23 === 7 ? '' : parts.filter(Boolean).join(' ').replace(/postcard|card/gi, 'project');
    const created = ago(now, ageMs);
    const edited = i % 11 === 3;
    const votesUp = rand() < 0.6 ? 0 : intBetween(rand, 1, 40);
    const reply = i % 9 === 2 ? { text: pick(rand, REPLIES), at: new Date(created.getTime() + intBetween(rand, 2, 48) * 3_600_000) } : undefined;
    return {
      recommendationid: String(150_000_000 + (REVIEWS - i) * 7919),
      steamid: String(76561198000000000n + BigInt(hash52(`steam|${i}`) % 900_000_000)),
      language: i % 17 === 5 ? 'german' : 'english',
      review,
      created,
      updated: edited ? new Date(Math.min(now.getTime(), created.getTime() + 3 * DAY_MS)) : created,
      votedUp,
      votesUp,
      votesFunny: rand() < 0.9 ? 0 : intBetween(rand, 1, 5),
      weightedVoteScore: votesUp === 0 ? 0 : (0.5 + rand() / 2).toFixed(9),
      commentCount: rand() < 0.85 ? 0 : intBetween(rand, 1, 4),
      playtimeForever: intBetween(rand, 30, 6000),
      ...(i % 13 === 4 ? {} : { playtimeAtReview: intBetween(rand, 10, 3000) }),
      steamPurchase: rand() < 0.9,
      receivedForFree: rand() < 0.05,
      ...(reply && reply.at <= now ? { developerResponse: reply } : {}),
    };
  });
  cache.clear();
  cache.set(now.getTime(), list);
  return list;
}
