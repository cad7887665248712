import { RATINGS_COLLECTION, RatingSnapshot, ratingSnapshotId, SeenRating, type SeenRatingInput } from '../src/domain/rating-snapshot.js';
import type { Brand } from '../src/domain/brand.js';
import type { Source } from '../src/domain/source.js';
import type { Store } from '../src/store/store.js';
import { toStars } from './stars.js';

/**
 * Stores the aggregate ratings a crawl saw as snapshots, one per brand × source × item × UTC day of the crawl
 * (`at`): a second crawl the same day replaces that day's snapshot, so re-running is idempotent. Returns how many
 * were stored; a rating that fails the schema is skipped and named in the returned notes.
 */
export async function storeRatingSnapshots(
  store: Pick<Store, 'putDoc'>,
  brand: Pick<Brand, 'id'>,
  source: Pick<Source, 'kind' | 'name'>,
  at: Date,
  seen: readonly SeenRatingInput[] = [],
): Promise<{ stored: number; notes: string[] }> {
  const day = at.toISOString().slice(0, 10);
  const notes: string[] = [];
  let stored = 0;
  for (const raw of seen) {
    const parsed = SeenRating.safeParse(raw);
    if (!parsed.success) {
      notes.push(`aggregate rating of "${String(raw.item)}" not stored: ${parsed.error.issues[0]?.message}`);
      continue;
    }
    const r = parsed.data;
    const stars = toStars({ value: r.ratingValue, best: r.bestRating, worst: r.worstRating });
    const snapshot = RatingSnapshot.parse({
      ...r,
      _id: ratingSnapshotId(brand.id, source.name, r.item, day),
      brand: brand.id,
      source: { kind: source.kind, name: source.name },
      day,
      at,
      ...(stars !== undefined ? { stars } : {}),
    });
    await store.putDoc(RATINGS_COLLECTION, snapshot as unknown as { _id: string } & Record<string, unknown>);
    stored += 1;
  }
  return { stored, notes };
}
