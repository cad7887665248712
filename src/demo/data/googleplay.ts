import { EN } from '../corpus/appstore-phrases.js';
import { hash52, intBetween, pick, prng } from '../lib/prng.js';
import { ago, SPAN_MS } from './time.js';

/** Pixelpost's Android app. */
export const PLAY_APP_ID = 'com.pixelpost.app';
/** The same reviews behind Google's rate limit: the first request of each page answers 429 with Retry-After. */
export const PLAY_BUSY_APP_ID = 'com.pixelpost.busy';
const REVIEWS = 160;

export interface DemoPlayReview {
  id: string;
  user: string;
  score: 1 | 2 | 3 | 4 | 5;
  text: string;
  at: Date;
  thumbsUp: number;
  /** Absent on reviews written on devices that do not send it (a real quirk: `null` at that position). */
  version?: string;
  reply?: { text: string; at: Date };
}

const REPLIES = [
  "Hi! We're sorry about the trouble. Please write to help@pixelpost.example with your order number and we'll sort it out.",
  'Thanks so much for the kind review! Happy card sending.',
];

const cache = new Map<number, DemoPlayReview[]>();

/** Pixelpost's Google Play reviews, newest first; ids and texts never depend on `now`. */
export function playReviews(now: Date): DemoPlayReview[] {
  const hit = cache.get(now.getTime());
  if (hit) return hit;
  const rand = prng('googleplay|pixelpost');
  const list = Array.from({ length: REVIEWS }, (_, i): DemoPlayReview => {
    const ageMs = ((i + rand()) / REVIEWS) * SPAN_MS;
    const x = rand();
    const score = (x < 0.42 ? 5 : x < 0.6 ? 4 : x < 0.7 ? 3 : x < 0.8 ? 2 : 1) as 1 | 2 | 3 | 4 | 5;
    const tone = score >= 4 ? 'pos' : score === 3 ? 'mid' : 'neg';
    const at = ago(now, ageMs);
    const replyAt = new Date(at.getTime() + intBetween(rand, 2, 40) * 3_600_000);
    return {
      // Play review ids are UUIDs.
      id: [8, 4, 4, 4, 12].map((n, k) => hash52(`gp|${i}|${k}`).toString(16).padStart(n, '0').slice(0, n)).join('-'),
      user: pick(rand, EN.nicknames),
      score,
      text: [pick(rand, EN.openers[tone]), pick(rand, EN.details[tone])].join(' '),
      at,
      thumbsUp: rand() < 0.7 ? 0 : intBetween(rand, 1, 30),
      ...(i % 8 === 5 ? {} : { version: ageMs < 10 * 86_400_000 ? '6.3.1' : '6.2.0' }),
      ...(i % 4 === 1 && replyAt <= now ? { reply: { text: score >= 4 ? REPLIES[1]! : REPLIES[0]!, at: replyAt } } : {}),
    };
  });
  cache.clear();
  cache.set(now.getTime(), list);
  return list;
}
