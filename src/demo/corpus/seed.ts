import type { ReviewSeed } from './types.js';

/** Compact constructor for hand-written review seeds. */
export function r(rating: number, title: string, text: string, extra: Partial<ReviewSeed> = {}): ReviewSeed {
  return { rating, title, text, ...extra };
}
