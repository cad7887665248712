import { COUNTED } from '../domain/mention.js';
import { zonedMidnight } from '../domain/time-zone.js';
import type { Interval, Range } from './params.js';

/** Pipeline pieces shared by the reports. */

/** Sums of the rollup counters, for a `$group`. */
export const rollupSums = {
  total: { $sum: '$total' },
  positive: { $sum: '$positive' },
  negative: { $sum: '$negative' },
  neutral: { $sum: '$neutral' },
  scoreSum: { $sum: '$scoreSum' },
  starsSum: { $sum: '$starsSum' },
  starsCount: { $sum: '$starsCount' },
  churn: { $sum: '$churn' },
  recommend: { $sum: '$recommend' },
  engagement: { $sum: '$engagement' },
};

/** What `rollupSums` (or a mentions group shaped like it) yields. */
export interface Sums {
  total: number;
  positive: number;
  negative: number;
  neutral: number;
  scoreSum: number;
  starsSum: number;
  starsCount: number;
  churn: number;
  recommend?: number;
  engagement?: number;
}

export const ZERO: Sums = { total: 0, positive: 0, negative: 0, neutral: 0, scoreSum: 0, starsSum: 0, starsCount: 0, churn: 0 };

export function addSums(a: Sums, b: Sums): Sums {
  return {
    total: a.total + b.total,
    positive: a.positive + b.positive,
    negative: a.negative + b.negative,
    neutral: a.neutral + b.neutral,
    scoreSum: a.scoreSum + b.scoreSum,
    starsSum: a.starsSum + b.starsSum,
    starsCount: a.starsCount + b.starsCount,
    churn: a.churn + b.churn,
  };
}

/** Rollup buckets of a brand in [from, to), optionally one source. Rollups are whole days (`date` = the day at 00:00 UTC). */
export function rollupMatch(brand: string | { $in: string[] }, range: { from: Date; to: Date }, source?: string): Record<string, unknown> {
  return { brand, date: { $gte: range.from, $lt: range.to }, ...(source ? { source } : {}) };
}

/**
 * Mentions of a brand published in [from, to), optionally one source and one theme. Follow with `notDuplicate`. A
 * range with a `timezone` holds days there: its ends become the instants local midnight starts them, so the mentions
 * are those of the same days the rollups count.
 */
export function mentionMatch(brand: string, range: { from: Date; to: Date; timezone?: string }, f: { source?: string | undefined; theme?: string | undefined } = {}): Record<string, unknown> {
  const at = (d: Date) => (range.timezone && d.getTime() % 86_400_000 === 0 ? zonedMidnight(d, range.timezone) : d);
  return {
    brand,
    publishedAt: { $gte: at(range.from), $lt: at(range.to) },
    ...(f.source ? { 'source.name': f.source } : {}),
    ...(f.theme ? { 'themes.theme': f.theme } : {}),
  };
}

/** Only mentions that count pass: originals, not copies, and nothing marked "not about us" (see `COUNTED`). */
export const notDuplicate = { $match: { ...COUNTED } };

/** likes + shares + comments + upvotes of a mention (views are not engagement). */
export const engagementExpr = {
  $add: ['likes', 'shares', 'comments', 'upvotes'].map((f) => ({ $ifNull: [`$engagement.${f}`, 0] })),
};

/** `$dateTrunc` of `field` to the interval (weeks start on Monday, ISO style). */
export function truncExpr(field: string, interval: Interval): Record<string, unknown> {
  return { $dateTrunc: { date: field, unit: interval, ...(interval === 'week' ? { startOfWeek: 'monday' } : {}) } };
}

/** Start of the interval holding `d` (UTC). */
export function truncDate(d: Date, interval: Interval): Date {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), interval === 'month' ? 1 : d.getUTCDate()));
  if (interval === 'week') t.setUTCDate(t.getUTCDate() - ((t.getUTCDay() + 6) % 7));
  return t;
}

/** Every interval start from the one holding `range.from` up to before `range.to`. */
export function bucketStarts(range: Range, interval: Interval): Date[] {
  const out: Date[] = [];
  for (let d = truncDate(range.from, interval); d < range.to; ) {
    out.push(d);
    const n = new Date(d);
    if (interval === 'day') n.setUTCDate(n.getUTCDate() + 1);
    else if (interval === 'week') n.setUTCDate(n.getUTCDate() + 7);
    else n.setUTCMonth(n.getUTCMonth() + 1);
    d = n;
  }
  return out;
}

/** `2024-03-04` for a bucket start (months as `2024-03`). */
export function bucketLabel(d: Date, interval: Interval): string {
  return interval === 'month' ? d.toISOString().slice(0, 7) : d.toISOString().slice(0, 10);
}

/** A number from an aggregation row field (missing → 0). */
export function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

/** Coerce a row into `Sums`. */
export function toSums(row: Record<string, unknown> | undefined): Sums {
  if (!row) return { ...ZERO };
  return {
    total: num(row.total),
    positive: num(row.positive),
    negative: num(row.negative),
    neutral: num(row.neutral),
    scoreSum: num(row.scoreSum),
    starsSum: num(row.starsSum),
    starsCount: num(row.starsCount),
    churn: num(row.churn),
    recommend: num(row.recommend),
    engagement: num(row.engagement),
  };
}
