import { RATINGS_COLLECTION, type RatingSnapshot } from '../domain/rating-snapshot.js';
import type { Store } from '../store/store.js';
import type { Interval, Range } from './params.js';
import { bucketLabel, bucketStarts } from './parts.js';

/** One point of the `ratings` series: a source's aggregate rating of an item, as last seen in an interval. */
export interface RatingPoint {
  period: string;
  source: string;
  item: string;
  ratingValue: number;
  bestRating: number;
  /** On 1–5, so sources on other scales (Steam's percent positive) share a chart; null when the scale is odd. */
  stars: number | null;
  reviewCount: number | null;
  /** When the crawl saw it (the last snapshot in the interval). */
  at: Date;
}

/**
 * The aggregate ratings a brand's crawls stored (collection `ratings`, one snapshot per source × item × day), per
 * interval: the last snapshot of each source and item in each interval of `range`, oldest interval first.
 */
export async function ratingSeries(store: Pick<Store, 'findDocs'>, brand: string, range: Range, interval: Interval, source?: string): Promise<RatingPoint[]> {
  const filter: Record<string, unknown> = { brand, at: { $gte: range.from, $lt: range.to } };
  if (source) filter['source.name'] = source;
  const snapshots = await store.findDocs<RatingSnapshot>(RATINGS_COLLECTION, filter, { sort: { at: 1 } });
  const starts = bucketStarts(range, interval).map((d) => d.getTime());
  const last = new Map<string, RatingPoint>();
  for (const s of snapshots) {
    const at = new Date(s.at);
    let i = starts.length - 1;
    while (i > 0 && starts[i]! > at.getTime()) i -= 1;
    const period = bucketLabel(new Date(starts[i]!), interval);
    const key = `${period}\u0000${s.source.name}\u0000${s.item}`;
    const prev = last.get(key);
    if (prev && prev.at > at) continue;
    last.set(key, {
      period,
      source: s.source.name,
      item: s.item,
      ratingValue: s.ratingValue,
      bestRating: s.bestRating,
      stars: typeof s.stars === 'number' ? s.stars : null,
      reviewCount: typeof s.reviewCount === 'number' ? s.reviewCount : null,
      at,
    });
  }
  return [...last.values()].sort((a, b) => a.period.localeCompare(b.period) || a.source.localeCompare(b.source) || a.item.localeCompare(b.item));
}
