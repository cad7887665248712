import type { ReviewSite } from '../corpus/types.js';
import type { Dataset, DemoReview } from '../data/types.js';
import { esc, isoDate } from '../lib/html.js';

/** Reviews per page on every paginated review site. */
export const PER_PAGE = 10;

export function reviewsOf(data: Dataset, target: string, site: ReviewSite): DemoReview[] {
  return data.reviews.filter((r) => r.target === target && r.site === site);
}

/** 1-based page slice plus the number of the last page (at least 1). */
export function pageOf<T>(items: T[], page: number, perPage = PER_PAGE): { items: T[]; lastPage: number } {
  return { items: items.slice((page - 1) * perPage, page * perPage), lastPage: Math.max(1, Math.ceil(items.length / perPage)) };
}

/** Parses `?page=N` (1-based); `null` when present but not a positive integer. */
export function pageParam(url: URL): number | null {
  const raw = url.searchParams.get('page');
  if (raw === null) return 1;
  return /^[1-9]\d{0,5}$/.test(raw) ? Number(raw) : null;
}

/** Mean rating of rated reviews on a 1–`best` scale, one decimal. */
export function average(reviews: DemoReview[], scale = 1): number {
  const rated = reviews.filter((r) => r.rating > 0);
  if (!rated.length) return 0;
  return Math.round((rated.reduce((s, r) => s + r.rating * scale, 0) / rated.length) * 10) / 10;
}

/** schema.org author in the form the review's site uses. */
export function authorLd(r: DemoReview): unknown {
  if (r.authorKind === 'string') return r.author;
  return { '@type': r.authorKind === 'organization' ? 'Organization' : 'Person', name: r.author };
}

/** The human-visible list of reviews on JSON-LD pages (no markup of its own, like most real sites). */
export function visibleReviews(reviews: DemoReview[], ratingText: (r: DemoReview) => string): string {
  if (!reviews.length) return '<p class="empty">No reviews yet.</p>';
  return reviews
    .map((r) => `<div class="review" id="review-${esc(r.id)}" lang="${esc(r.lang)}"><h3>${esc(r.title)}</h3>` +
      `<div class="meta">${esc(ratingText(r))} · ${esc(r.author)} · ${isoDate(r.publishedAt)}</div><p>${esc(r.text)}</p></div>`)
    .join('\n');
}

/** Display names and places of the review targets. */
export const PLACES: Record<string, { name: string; street: string; city: string; type: string }> = {
  northwind: { name: 'Northwind Coffee', street: '412 Alder Street', city: 'Portland', type: 'CafeOrCoffeeShop' },
  bluebird: { name: 'Bluebird Roasters', street: '88 NW 11th Avenue', city: 'Portland', type: 'CafeOrCoffeeShop' },
  kettle: { name: 'Kettle & Co', street: '17 Hawthorne Boulevard', city: 'Portland', type: 'CafeOrCoffeeShop' },
  pixelpost: { name: 'Pixelpost', street: '', city: '', type: 'SoftwareApplication' },
  brightline: { name: 'Brightline Bikes', street: '5 Canal Wharf', city: 'Amsterdam', type: 'OnlineStore' },
};
