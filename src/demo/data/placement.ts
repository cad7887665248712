import type { ReviewSeed, ReviewSite, ReviewTarget } from '../corpus/types.js';
import { prng } from '../lib/prng.js';
import { SITE_VOLUMES } from './volumes.js';

/** A review seed and the site it is (first) published on. */
export interface PlacedSeed {
  seed: ReviewSeed;
  site: ReviewSite;
}

type Counts = Partial<Record<ReviewSite, number>>;

/** The city guide is where visitors write: a target's reviews in other languages than English are published there. */
const VISITORS_SITE: ReviewSite = 'guide';

/** Where a syndicated review first appears: the target's heaviest-weighted site other than the copy's. */
function homeSite(target: ReviewTarget, copySite: ReviewSite): ReviewSite {
  const ranked = (Object.entries(target.sites) as [ReviewSite, number][])
    .filter(([site]) => site !== copySite)
    .sort((a, b) => b[1] - a[1]);
  const home = ranked[0]?.[0];
  if (!home) throw new Error(`demo corpus: ${target.id} has no site besides ${copySite} for a syndicated review`);
  return home;
}

/** A site drawn by weight among those with room left (all of them when the target has no published volumes). */
function drawSite(rand: () => number, weights: Counts, room: Counts | undefined): ReviewSite {
  const open = (Object.entries(weights) as [ReviewSite, number][]).filter(([site, w]) => w > 0 && (!room || (room[site] ?? 0) > 0));
  const total = open.reduce((sum, [, w]) => sum + w, 0);
  let x = rand() * total;
  for (const [site, w] of open) {
    if (x < w) return site;
    x -= w;
  }
  const last = open[open.length - 1];
  if (!last) throw new Error('demo corpus: more reviews than the published site volumes hold');
  return last[0];
}

/**
 * Decides the site of every review seed of a target: a seed's own `site`, the home site for syndicated seeds (their
 * copy is added later), the city guide for non-English seeds of a target listed there, otherwise a draw by the
 * target's `sites` weights among sites whose published volume (`SITE_VOLUMES`) still has room. Deterministic: the
 * draws are seeded by the target id.
 */
export function placeReviews(target: ReviewTarget): PlacedSeed[] {
  const volumes = SITE_VOLUMES[target.id];
  const room: Counts | undefined = volumes ? { ...volumes } : undefined;
  const take = (site: ReviewSite) => {
    if (room) room[site] = (room[site] ?? 0) - 1;
    return site;
  };
  const placed = new Map<ReviewSeed, ReviewSite>();
  for (const seed of target.reviews) {
    if (seed.site) placed.set(seed, take(seed.site));
    else if (seed.syndicate) {
      placed.set(seed, take(homeSite(target, seed.syndicate.site)));
      take(seed.syndicate.site);
    } else if ((seed.lang ?? 'en') !== 'en' && target.sites[VISITORS_SITE] && (!room || (room[VISITORS_SITE] ?? 0) > 0)) {
      placed.set(seed, take(VISITORS_SITE));
    }
  }
  const rand = prng(`sites|${target.id}`);
  for (const seed of target.reviews) if (!placed.has(seed)) placed.set(seed, take(drawSite(rand, target.sites, room)));
  for (const [site, left] of Object.entries(room ?? {})) {
    if (left !== 0) throw new Error(`demo corpus: ${target.id} has ${volumes![site as ReviewSite]! - left} reviews on ${site}, ROUTES.md says ${volumes![site as ReviewSite]}`);
  }
  return target.reviews.map((seed) => ({ seed, site: placed.get(seed)! }));
}
