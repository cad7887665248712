import { hash52, intBetween, pick, prng } from '../lib/prng.js';
import { ago, SPAN_MS } from './time.js';

/** Brightline's Trustpilot page: `/review/<domain>`. */
export const TRUSTPILOT_DOMAIN = 'brightline-bikes.example';
/** The same page behind a rate limit: its first request per page answers 429 with Retry-After. */
export const TRUSTPILOT_LIMITED_DOMAIN = 'busy.brightline-bikes.example';
const REVIEWS = 45;

export interface DemoTrustpilotReview {
  id: string;
  rating: 1 | 2 | 3 | 4 | 5;
  title: string;
  text: string;
  author: string;
  country: string;
  published: Date;
  /** Absent on some reviews (the field is `null` then, as Trustpilot serves it). */
  experienced?: Date;
  likes: number;
  verified: boolean;
  reply?: { message: string; published: Date };
}

const TEXTS: Record<'pos' | 'mid' | 'neg', [string, string][]> = {
  pos: [
    ['Fast delivery, great bike', 'Ordered the Commuter 7 on Monday and it was at my door on Thursday. Assembly took twenty minutes and it rides beautifully.'],
    ['Support sorted everything', 'A spoke was bent out of the box. Support sent a new wheel within three days, no questions asked.'],
    ['Best e-bike shop online', 'Clear prices, honest advice on the phone and the bike arrived well packed. Would buy again.'],
    ['Love my cargo bike', 'The kids love the Cargo Duo and so do I. Battery easily lasts the school run all week.'],
  ],
  mid: [
    ['Good bike, slow emails', 'The bike itself is great but it took a week to get an answer about the delivery date.'],
    ['Okay overall', 'Decent value. The manual is confusing and the app pairing failed twice before it worked.'],
  ],
  neg: [
    ['Refund still not paid', 'Returned the helmet a month ago and I am still waiting for my refund. Three emails, no answer.'],
    ['Delivery took six weeks', 'They promised five working days. Six weeks later and after countless chats the bike finally arrived scratched.'],
    ['Battery failed', 'The battery died after four months and the warranty claim is going nowhere.'],
  ],
};
const NAMES = ['Jonas K.', 'Maria Lopez', 'Tom Becker', 'Aisha', 'Pieter de Vries', 'Claire M', 'Sam Okafor', 'Lena', 'Rob Hughes', 'Ines Duarte', 'customer', 'Nina W.'];
const COUNTRIES = ['GB', 'DE', 'NL', 'US', 'FR', 'IE'];
const REPLIES = {
  pos: 'Thank you for the lovely review, enjoy the ride! The Brightline team',
  neg: 'We are sorry to read this. Please send your order number to care@brightline-bikes.example and we will sort it out today.',
};

const cache = new Map<number, DemoTrustpilotReview[]>();

/** Brightline's Trustpilot reviews, newest first; ids and texts never depend on `now`. */
export function trustpilotReviews(now: Date): DemoTrustpilotReview[] {
  const hit = cache.get(now.getTime());
  if (hit) return hit;
  const rand = prng('trustpilot|brightline');
  const list = Array.from({ length: REVIEWS }, (_, i): DemoTrustpilotReview => {
    const ageMs = ((i + rand()) / REVIEWS) * SPAN_MS;
    const x = rand();
    const rating = (x < 0.45 ? 5 : x < 0.62 ? 4 : x < 0.7 ? 3 : x < 0.8 ? 2 : 1) as 1 | 2 | 3 | 4 | 5;
    const tone = rating >= 4 ? 'pos' : rating === 3 ? 'mid' : 'neg';
    const [title, text] = pick(rand, TEXTS[tone]);
    const published = ago(now, ageMs);
    const answered = tone !== 'mid' && i % 3 !== 1;
    const replyAt = new Date(published.getTime() + intBetween(rand, 1, 30) * 3_600_000);
    return {
      // Trustpilot review ids are 24 hex digits (MongoDB ObjectIds).
      id: (hash52(`tp|${i}`).toString(16) + hash52(`tp|${i}|b`).toString(16)).padStart(24, '0').slice(0, 24),
      rating,
      title,
      text,
      author: pick(rand, NAMES),
      country: pick(rand, COUNTRIES),
      published,
      ...(i % 7 === 3 ? {} : { experienced: new Date(published.getTime() - intBetween(rand, 1, 10) * 86_400_000) }),
      likes: rand() < 0.8 ? 0 : intBetween(rand, 1, 6),
      verified: rand() < 0.7,
      ...(answered && replyAt <= now ? { reply: { message: tone === 'pos' ? REPLIES.pos : REPLIES.neg, published: replyAt } } : {}),
    };
  });
  cache.clear();
  cache.set(now.getTime(), list);
  return list;
}
