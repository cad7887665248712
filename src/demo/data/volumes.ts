import type { ReviewSite } from '../corpus/types.js';

/**
 * Reviews per target and site as ROUTES.md publishes them (spike, pinned and syndicated copies included).
 * Unplaced seeds fill these by their target's site weights; the build fails if the corpus cannot add up to them.
 */
export const SITE_VOLUMES: Record<string, Partial<Record<ReviewSite, number>>> = {
  northwind: { cafes: 34, guide: 13, board: 22, live: 14, private: 3 },
  bluebird: { cafes: 12 },
  kettle: { cafes: 12 },
  pixelpost: { apps: 34, live: 12 },
  brightline: { shop: 32, board: 30 },
};
