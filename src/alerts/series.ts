/** One hour of a brand's mentions (after the rule's filters), as the detect query returns it. */
export interface HourBucket {
  /** Start of the UTC hour, ms since the epoch. */
  t: number;
  total: number;
  positive: number;
  negative: number;
  neutral?: number;
  churn: number;
  starsSum: number;
  /** Sum of squared stars, for the rating test's variance. */
  starsSq: number;
  starsCount: number;
}

export type Measure = Exclude<keyof HourBucket, 't'>;
const MEASURES: Measure[] = ['total', 'positive', 'negative', 'neutral', 'churn', 'starsSum', 'starsSq', 'starsCount'];

export const HOUR_MS = 3_600_000;

/** The end of the hour `ms` falls in (an exact hour stays as it is). */
export function ceilHour(ms: number): number {
  return Math.ceil(ms / HOUR_MS) * HOUR_MS;
}

/**
 * Hourly buckets as dense prefix sums, so the sum of any measure over any hour-aligned range costs O(1):
 * a backtest evaluates a rule at every hour of a year without re-reading anything.
 */
export class HourlySeries {
  readonly start: number;
  readonly hours: number;
  readonly #prefix = new Map<Measure, Float64Array>();

  /** `start`/`end` (ms) are rounded out to whole hours; buckets outside them are ignored. */
  constructor(buckets: readonly HourBucket[], start: number, end: number) {
    this.start = Math.floor(start / HOUR_MS) * HOUR_MS;
    this.hours = Math.max(0, Math.ceil((end - this.start) / HOUR_MS));
    for (const m of MEASURES) this.#prefix.set(m, new Float64Array(this.hours + 1));
    const raw = new Map<Measure, Float64Array>(MEASURES.map((m) => [m, new Float64Array(this.hours)]));
    for (const b of buckets) {
      const i = Math.floor((b.t - this.start) / HOUR_MS);
      if (i < 0 || i >= this.hours) continue;
      for (const m of MEASURES) raw.get(m)![i]! += b[m] ?? 0;
    }
    for (const m of MEASURES) {
      const p = this.#prefix.get(m)!;
      const r = raw.get(m)!;
      for (let i = 0; i < this.hours; i++) p[i + 1] = p[i]! + r[i]!;
    }
  }

  /** Sum of `measure` over [from, to) (ms, clipped to the series, rounded to hours). */
  sum(measure: Measure, from: number, to: number): number {
    const p = this.#prefix.get(measure)!;
    const i = Math.min(this.hours, Math.max(0, Math.round((from - this.start) / HOUR_MS)));
    const j = Math.min(this.hours, Math.max(0, Math.round((to - this.start) / HOUR_MS)));
    return j > i ? p[j]! - p[i]! : 0;
  }
}
