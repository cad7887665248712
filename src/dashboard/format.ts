/** Display only: every number was computed by the API. */

export const dash = '–';

export function num(n: number | null | undefined, digits = 0): string {
  if (n === null || n === undefined || Number.isNaN(n)) return dash;
  return n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

export function pct(share: number | null | undefined, digits = 1): string {
  return share === null || share === undefined ? dash : `${(share * 100).toFixed(digits)}%`;
}

/** A net sentiment (-1..1) as a signed number with 2 decimals. */
export function net(n: number | null | undefined): string {
  return n === null || n === undefined ? dash : `${n > 0 ? '+' : ''}${n.toFixed(2)}`;
}

export function signed(n: number | null | undefined, digits = 0, suffix = ''): string {
  if (n === null || n === undefined || Number.isNaN(n)) return dash;
  const s = n.toFixed(digits);
  return `${n > 0 ? '+' : ''}${s}${suffix}`;
}

export function day(iso: string | number | Date | null | undefined): string {
  if (iso === null || iso === undefined) return dash;
  return new Date(iso).toISOString().slice(0, 10);
}

export function when(iso: string | number | Date | null | undefined): string {
  if (iso === null || iso === undefined) return dash;
  return new Date(iso).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}

/** Seconds since the epoch for a period label (`2026-09-07`, `2026-09`, an ISO time). */
export function periodSeconds(period: string): number {
  const iso = /^\d{4}-\d{2}$/.test(period) ? `${period}-01` : period;
  return Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso) / 1000;
}
