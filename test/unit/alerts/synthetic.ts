import { AlertRule, type AlertRuleInput } from '../../../src/domain/alert.js';
import { type HourBucket, HourlySeries, HOUR_MS } from '../../../src/alerts/series.js';

export const DAY_MS = 24 * HOUR_MS;
/** A Monday, 00:00 UTC. */
export const T0 = Date.UTC(2024, 0, 1);

/** A seeded PRNG (mulberry32), so "random" series are the same on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A Poisson draw (Knuth), fine for the small rates used here. */
export function poisson(lambda: number, rand: () => number): number {
  const l = Math.exp(-lambda);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= rand();
  } while (p > l);
  return k - 1;
}

/** What one day holds: mentions by label, churn intents, and the stars given (one per rated mention). */
export interface Day {
  positive?: number;
  negative?: number;
  neutral?: number;
  churn?: number;
  stars?: number[];
}

/**
 * Hourly buckets from a per-day description: day `d` (from T0) gets `dayFn(d)`, every count put at noon of that
 * day (so 24 h windows ending at midnight hold exactly one day).
 */
export function seriesOf(days: number, dayFn: (d: number) => Day): { buckets: HourBucket[]; series: HourlySeries } {
  const buckets: HourBucket[] = [];
  for (let d = 0; d < days; d++) {
    const day = dayFn(d);
    const stars = day.stars ?? [];
    const positive = day.positive ?? 0;
    const negative = day.negative ?? 0;
    const neutral = day.neutral ?? 0;
    buckets.push({
      t: T0 + d * DAY_MS + 12 * HOUR_MS,
      total: positive + negative + neutral,
      positive,
      negative,
      neutral,
      churn: day.churn ?? 0,
      starsSum: stars.reduce((a, b) => a + b, 0),
      starsSq: stars.reduce((a, b) => a + b * b, 0),
      starsCount: stars.length,
    });
  }
  return { buckets, series: new HourlySeries(buckets, T0, T0 + days * DAY_MS) };
}

/** Midnight at the end of day `d` (the end of a 24 h window holding day `d`). */
export const endOfDay = (d: number) => T0 + (d + 1) * DAY_MS;

export function rule(input: Partial<AlertRuleInput> = {}): AlertRule {
  return AlertRule.parse({ name: 'r1', kind: 'negative_spike', brand: 'acme', ...input });
}
