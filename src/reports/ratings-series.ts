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
  // The brand's snapshots by id prefix (`brand|source|item|day`): a range on the id column that SQL answers alone, so a
  // trend loads no query engine for them (one per source, item and day: a few thousand a year at most).
  const all = await store.findDocs<RatingSnapshot>(RATINGS_COLLECTION, { _id: { $gte: `${brand}|`, $lt: `${brand}}` } });
  const from = range.from.getTime();
  const to = range.to.getTime();
  const snapshots = all
    .filter((s) => s.brand === brand && new Date(s.at).getTime() >= from && new Date(s.at).getTime() < to && (!source || s.source.name === source))
    .sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime());
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
