import type { ReviewSeed } from '../corpus/types.js';
import { prng, shortId } from '../lib/prng.js';
import { ago, HOUR_MS } from './time.js';
import type { DemoReview } from './types.js';

/** Word swaps for a "lightly edited" repost; the first that applies is used. */
const EDITS: [RegExp, string][] = [
  [/\blovely\b/, 'delicious'],
  [/\bdependable\b/, 'reliable'],
  [/\bgreat\b/, 'excellent'],
  [/\bgood\b/, 'decent'],
];

/** The text with one word swapped (or one word added), close enough to stay a near-duplicate. */
export function lightlyEdited(text: string): string {
  for (const [from, to] of EDITS) if (from.test(text)) return text.replace(from, to);
  return `${text} Recommended.`;
}

/** The review's id on a site: `<site>-<hash of site and text>`, independent of `now`. */
export function reviewId(site: string, text: string): string {
  return `${site}-${shortId(`${site}|${text}`)}`;
}

/**
 * The copy of a syndicated review on its second site: same author and title, the same text (or lightly edited when
 * `near`), published a few hours to two days after the original but never inside the fresh window `minAgeMs`.
 */
export function syndicatedCopy(
  original: DemoReview,
  originalAgeMs: number,
  syndicate: NonNullable<ReviewSeed['syndicate']>,
  now: Date,
  minAgeMs: number,
): DemoReview {
  const text = syndicate.near ? lightlyEdited(original.text) : original.text;
  const delayMs = (6 + prng(`syndicate|${original.id}`)() * 42) * HOUR_MS;
  return {
    ...original,
    id: reviewId(syndicate.site, text),
    site: syndicate.site,
    text,
    publishedAt: ago(now, Math.max(minAgeMs, originalAgeMs - delayMs)),
  };
}
