import type { SessionInfo } from './api';
import type { Route } from './route';
import { day } from './format';

export interface BrandInfo {
  id: string;
  name: string;
  competitors: { id: string; name: string }[];
  sources: { name: string; kind: string }[];
}

/** What every page gets: the view's URL state, who is signed in, the brand in view and the range. */
export interface PageProps {
  route: Route;
  session: SessionInfo;
  brand: BrandInfo;
  brands: BrandInfo[];
  /** The range as the API takes it (absent: the API's default, the last 90 days). */
  range: { from?: string; to?: string; days: number };
  canWrite: boolean;
  theme: string;
}

const DAY_MS = 86_400_000;

/** The range in the URL, or the last `days` days when only `days` is there. */
export function rangeOf(params: Record<string, string>): PageProps['range'] {
  const { from, to } = params;
  if (from && to) return { from, to, days: Math.max(1, Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS) + 1) };
  const days = Math.min(3650, Math.max(1, Number(params.days) || 90));
  // Today is the calendar day in the configured zone; the rest is date arithmetic on that day.
  const end = Date.parse(`${day(Date.now())}T00:00:00Z`);
  return { from: new Date(end - (days - 1) * DAY_MS).toISOString().slice(0, 10), to: new Date(end).toISOString().slice(0, 10), days };
}

/** Trend buckets that keep a chart readable: days up to a month, weeks up to half a year, then months. */
export function intervalFor(days: number): 'day' | 'week' | 'month' {
  return days <= 31 ? 'day' : days <= 183 ? 'week' : 'month';
}

export const rangeQuery = (r: PageProps['range']) => ({ from: r.from, to: r.to });

/** Splits a range into `n` consecutive windows (for scores the API gives per range, drawn over time). */
export function windows(r: PageProps['range'], n: number): { from: string; to: string }[] {
  const end = Date.parse(`${r.to ?? day(Date.now())}T00:00:00Z`);
  const start = r.from ? Date.parse(`${r.from}T00:00:00Z`) : end - (r.days - 1) * DAY_MS;
  const total = Math.round((end - start) / DAY_MS) + 1;
  const size = Math.max(1, Math.floor(total / n));
  const out = [];
  for (let i = 0; i < n; i++) {
    const a = start + i * size * DAY_MS;
    const b = i === n - 1 ? end : a + (size - 1) * DAY_MS;
    if (a > end) break;
    out.push({ from: new Date(a).toISOString().slice(0, 10), to: new Date(b).toISOString().slice(0, 10) });
  }
  return out;
}
