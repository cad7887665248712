import type { Rating } from '../src/domain/raw-item.js';

/**
 * A rating on any scale mapped linearly to 1–5 stars (8 of 10 → 4.2; 4 of 5 → 4). A value below the scale's worst
 * (e.g. "0" meaning unrated) gives no stars.
 */
export function toStars(rating: Rating | undefined): number | undefined {
  if (!rating) return undefined;
  const { value, best, worst } = rating;
  if (!Number.isFinite(value) || best <= worst || value < worst || value > best) return undefined;
  const stars = 1 + ((value - worst) / (best - worst)) * 4;
  return Math.round(stars * 100) / 100;
}
