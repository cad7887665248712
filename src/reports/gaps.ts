import { z } from 'zod';
import { UserError } from '../domain/errors.js';
import type { Goal } from '../domain/goal.js';
import type { Pipeline } from '../store/store.js';
import { baseShape, checkFromBeforeTo, Interval, net, previousOf, type Range, resolveRange, r3 } from './params.js';
import { addSums, bucketLabel, bucketStarts, rollupMatch, rollupSums, type Sums, toSums, truncExpr, ZERO } from './parts.js';
import { defineReport, type Section } from './report.js';
import { themeKey } from '../store/rollups.js';

export const GapsParams = z
  .object({
    ...baseShape,
    /** Bucket size of each goal's series. Default `month`. */
    interval: Interval.default('month'),
  })
  .superRefine(checkFromBeforeTo);
export type GapsParams = z.output<typeof GapsParams>;

type ThemeCounts = { total: number; positive: number; negative: number };

/**
 * Per period × interval bucket from rollups: overall sums (`totals`) and the goal themes' counts (`themes`), two
 * plain `$group`s (SQL on the SQLite store).
 */
export function gapsPipelines(p: GapsParams, range: Range, themes: string[]): { totals: Pipeline; themes: Pipeline } {
  const prev = previousOf(range);
  const match = { $match: rollupMatch(p.brand, { from: prev.from, to: range.to }, p.source) };
  const periodOf = { $cond: [{ $lt: ['$date', range.from] }, 'previous', 'current'] };
  const bucket = truncExpr('$date', p.interval);
  return {
    totals: [match, { $group: { _id: { p: periodOf, b: bucket }, ...rollupSums } }],
    themes: [
      match,
      { $project: { _p: periodOf, _b: bucket, t: { $objectToArray: '$themes' } } },
      { $unwind: '$t' },
      { $match: { 't.k': { $in: themes.map(themeKey) } } },
      { $group: { _id: { p: '$_p', b: '$_b', theme: '$t.k' }, total: { $sum: '$t.v.total' }, positive: { $sum: '$t.v.positive' }, negative: { $sum: '$t.v.negative' } } },
    ],
  };
}

const METRIC_LABEL: Record<Goal['metric'], string> = {
  net_sentiment: 'net sentiment',
  stars: 'average stars',
  negative_share: 'negative share',
  churn_share: 'churn share',
  share: 'share of mentions',
};

/** `delivery net sentiment ≥ 0.2`. */
export function goalLabel(g: Goal): string {
  return `${g.theme ? `${g.theme} ` : ''}${METRIC_LABEL[g.metric]} ${g.min !== undefined ? `≥ ${g.min}` : `≤ ${g.max}`}`;
}

/** A goal's metric from overall sums and (for theme goals) the theme's counts; null when there is nothing to measure. */
export function metricValue(g: Goal, all: Sums, theme: ThemeCounts | undefined): number | null {
  const t = theme ?? { total: 0, positive: 0, negative: 0 };
  switch (g.metric) {
    case 'net_sentiment':
      return g.theme ? (t.total ? net(t) : null) : all.total ? net(all) : null;
    case 'stars':
      return all.starsCount ? all.starsSum / all.starsCount : null;
    case 'negative_share':
      return g.theme ? (t.total ? t.negative / t.total : null) : all.total ? all.negative / all.total : null;
    case 'churn_share':
      return all.total ? all.churn / all.total : null;
    case 'share':
      return all.total ? t.total / all.total : null;
  }
}

export interface GapRow {
  goal: string;
  metric: Goal['metric'];
  theme: string | null;
  target: number;
  direction: 'min' | 'max';
  current: number | null;
  previous: number | null;
  /** How far past the target (≥ 0: met) or short of it (< 0), in the metric's unit. */
  gap: number | null;
  met: boolean | null;
  trend: 'improving' | 'worsening' | 'flat' | 'n/a';
  series: Array<{ period: string; value: number | null }>;
}

export interface GapsResult {
  brand: string;
  range: Range;
  previous: Range;
  interval: Interval;
  goals: GapRow[];
}

type Facets = {
  totals: Array<{ _id: { p: string; b: Date } } & Record<string, unknown>>;
  themes: Array<ThemeCounts & { _id: { p: string; b: Date; theme: string } }>;
};

export const gapsReport = defineReport({
  kind: 'gaps',
  summary: "the brand's goals from config against where it stands: gap, previous period and trend per goal",
  params: GapsParams,
  async run(ctx, p): Promise<GapsResult> {
    const goals = ctx.brand.goals ?? [];
    if (goals.length === 0) {
      throw new UserError(`brand "${p.brand}" has no goals in config (add e.g. goals: [{ metric: net_sentiment, min: 0.4 }] under the brand)`);
    }
    const range = resolveRange(p.from, p.to, 90, ctx.now, ctx.timezone);
    const themes = [...new Set(goals.flatMap((g) => (g.theme ? [g.theme] : [])))];
    const pipelines = gapsPipelines(p, range, themes);
    const [totals, themeRows] = await Promise.all([
      ctx.store.aggregate<Facets['totals'][number]>('rollups', pipelines.totals),
      ctx.store.aggregate<Facets['themes'][number]>('rollups', pipelines.themes),
    ]);
    const f = { totals, themes: themeRows };
    const sumsOf = (pred: (id: { p: string; b: Date }) => boolean) =>
      (f?.totals ?? []).filter((t) => pred(t._id)).reduce((a, t) => addSums(a, toSums(t)), ZERO);
    const themeOf = (theme: string | undefined, pred: (id: { p: string; b: Date }) => boolean): ThemeCounts | undefined => {
      if (!theme) return undefined;
      return (f?.themes ?? [])
        .filter((t) => t._id.theme === themeKey(theme) && pred(t._id))
        .reduce((a, t) => ({ total: a.total + t.total, positive: a.positive + t.positive, negative: a.negative + t.negative }), { total: 0, positive: 0, negative: 0 });
    };
    const isCur = (id: { p: string }) => id.p === 'current';
    const isPrev = (id: { p: string }) => id.p === 'previous';
    const starts = bucketStarts(range, p.interval);
    const rows: GapRow[] = goals.map((g) => {
      const current = metricValue(g, sumsOf(isCur), themeOf(g.theme, isCur));
      const previous = metricValue(g, sumsOf(isPrev), themeOf(g.theme, isPrev));
      const direction = g.min !== undefined ? 'min' : 'max';
      const target = (g.min ?? g.max)!;
      const gap = current === null ? null : direction === 'min' ? current - target : target - current;
      const delta = current === null || previous === null ? null : (current - previous) * (direction === 'min' ? 1 : -1);
      const series = starts.map((d) => {
        const inBucket = (id: { p: string; b: Date }) => id.p === 'current' && new Date(id.b).getTime() === d.getTime();
        return { period: bucketLabel(d, p.interval), value: r3(metricValue(g, sumsOf(inBucket), themeOf(g.theme, inBucket))) };
      });
      return {
        goal: goalLabel(g),
        metric: g.metric,
        theme: g.theme ?? null,
        target,
        direction,
        current: r3(current),
        previous: r3(previous),
        gap: r3(gap),
        met: gap === null ? null : gap >= 0,
        trend: delta === null ? 'n/a' : delta > 0.01 ? 'improving' : delta < -0.01 ? 'worsening' : 'flat',
        series,
      };
    });
    return { brand: p.brand, range, previous: previousOf(range), interval: p.interval, goals: rows };
  },
  sections(r): Section[] {
    const fmt = (v: number | null) => (v === null ? '–' : v.toFixed(2));
    return [
      {
        name: 'goals',
        title: `Goals vs the range, and vs the previous ${r.range.days} days`,
        columns: ['goal', 'current', 'gap', 'met', 'previous', 'trend', 'series'],
        rows: r.goals.map((g) => ({ goal: g.goal, current: g.current, gap: g.gap, met: g.met, previous: g.previous, trend: g.trend, series: g.series.map((s) => fmt(s.value)).join(' → ') })),
      },
      {
        name: 'series',
        title: `Each goal's metric by ${r.interval}`,
        columns: ['goal', 'period', 'value'],
        rows: r.goals.flatMap((g) => g.series.map((s) => ({ goal: g.goal, period: s.period, value: s.value }))),
      },
    ];
  },
});
