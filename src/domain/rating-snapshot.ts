import { z } from 'zod';
import { SourceKind } from './source-kind.js';

/**
 * An aggregate rating a crawl saw (schema.org AggregateRating, the App Store's or Steam's summary, a TrustScore),
 * as the source states it: the number review managers watch ("4.3 on Trustpilot and falling").
 */
export const SeenRating = z.object({
  /** What is rated: a product, a place, an app id, a business's domain. */
  item: z.string().min(1),
  ratingValue: z.number().finite(),
  bestRating: z.number().positive().default(5),
  worstRating: z.number().default(1),
  /** How many reviews or ratings the aggregate is over, where the source says. */
  reviewCount: z.number().int().nonnegative().optional(),
  url: z.string().optional(),
});
export type SeenRating = z.infer<typeof SeenRating>;
export type SeenRatingInput = z.input<typeof SeenRating>;

/**
 * A stored snapshot (collection `ratings`): one per brand × source × item × UTC crawl day, so crawling twice a day
 * replaces that day's snapshot with the later one and never adds a second.
 */
export const RatingSnapshot = SeenRating.extend({
  _id: z.string(),
  brand: z.string().min(1),
  source: z.object({ kind: SourceKind, name: z.string().min(1) }),
  /** UTC day of the crawl, YYYY-MM-DD. */
  day: z.string(),
  /** When the crawl saw it. */
  at: z.coerce.date(),
  /** The rating on a 1–5 scale (like a mention's `stars`), so sources on other scales can share a chart. */
  stars: z.number().optional(),
});
export type RatingSnapshot = z.infer<typeof RatingSnapshot>;

/** The collection snapshots live in. */
export const RATINGS_COLLECTION = 'ratings';

/** The snapshot's id: stable per brand, source, item and UTC day. */
export function ratingSnapshotId(brand: string, source: string, item: string, day: string): string {
  return `${brand}|${source}|${item}|${day}`;
}
