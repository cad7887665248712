import { z } from 'zod';
import type { Pipeline } from '../store/store.js';
import { baseShape, change, checkFromBeforeTo, Interval, net, previousOf, type Range, ratio, resolveRange, r3 } from './params.js';
import {
  bucketLabel,
  bucketStarts,
  mentionMatch,
  notDuplicate,
  rollupMatch,
  rollupSums,
  type Sums,
  toSums,
  truncExpr,
  ZERO,
  addSums,
} from './parts.js';
import { defineReport, type Section } from './report.js';
import { themeKey } from '../store/rollups.js';
import { ratingSeries, type RatingPoint } from './ratings-series.js';

export const TrendParams = z
  .object({
    ...baseShape,
    /** Bucket size. Default `week`. */
    interval: Interval.default('week'),
    /** Also break each interval down by source or by theme. */
    by: z.enum(['source', 'theme']).optional(),
  })
  .superRefine(checkFromBeforeTo);
export type TrendParams = z.output<typeof TrendParams>;

export interface TrendRow {
  period: string;
  /** A source name or theme, in the breakdown rows. */
  key?: string;
  volume: number;
  positive: number;
  neutral: number;
  negative: number;
  /** (positive − negative) / volume, −1..1. */
  netSentiment: number;
  avgScore: number | null;
  avgStars: number | null;
  /** Share of mentions with a churn intent (null for theme breakdowns, which rollups do not hold). */
  churnShare: number | null;
}

export interface TrendResult {
  brand: string;
  range: Range;
  previous: Range;
  interval: Interval;
  by?: 'source' | 'theme';
  source?: string;
  theme?: string;
  /** Where the numbers came from: always rollups now (they hold each theme's stars and churn); kept for compatibility. */
  read: 'rollups' | 'mentions';
  rows: TrendRow[];
  breakdown: TrendRow[];
  total: TrendRow;
  previousTotal: TrendRow;
  change: { volume: number | null; netSentiment: number; avgStars: number | null; churnShare: number | null };
  /** Aggregate ratings the sources show (TrustScore, an AggregateRating, Steam's percent positive) per interval and source. */
  ratings: RatingPoint[];
}

const period = (from: Date) => ({ $cond: [{ $lt: ['$date', from] }, 'previous', 'current'] });

/**
 * The trend aggregation on rollups (brand × day × source): one `$group` by period (current/previous) and interval,
 * and by source for the per-source breakdown; buckets, totals and breakdown are summed from its rows. A plain
 * `$group` of sums is what the SQLite store runs in SQL (and MongoDB on its index), with no per-document mingo work.
 * With `theme`, the sums are the theme's own counters in each bucket (`themes.<theme>`).
 */
export function trendPipeline(p: TrendParams, range: Range, theme?: string): Pipeline {
  const prev = previousOf(range);
  const sums = theme ? themeSums(themeKey(theme)) : rollupSums;
  return [
    { $match: rollupMatch(p.brand, { from: prev.from, to: range.to }, p.source) },
    { $group: { _id: { p: period(range.from), b: truncExpr('$date', p.interval), ...(p.by === 'source' ? { k: '$source' } : {}) }, ...sums } },
  ];
}

/** A theme's counters in rollups, summed like `rollupSums`. */
function themeSums(key: string): Record<string, unknown> {
  const f = (name: string) => ({ $sum: `$themes.${key}.${name}` });
  return { total: f('total'), positive: f('positive'), negative: f('negative'), neutral: f('neutral'), scoreSum: f('scoreSum'), starsSum: f('starsSum'), starsCount: f('starsCount'), churn: f('churn') };
}

/** The per-theme breakdown of the current range from rollups. */
export function trendThemeBreakdownPipeline(p: TrendParams, range: Range): Pipeline {
  return [
    { $match: rollupMatch(p.brand, range, p.source) },
    { $project: { _b: truncExpr('$date', p.interval), t: { $objectToArray: '$themes' } } },
    { $unwind: '$t' },
    {
      $group: {
        _id: { b: '$_b', k: '$t.k' },
        total: { $sum: '$t.v.total' },
        positive: { $sum: '$t.v.positive' },
        negative: { $sum: '$t.v.negative' },
        scoreSum: { $sum: '$t.v.scoreSum' },
      },
    },
  ];
}

/**
 * The same numbers as `trendPipeline(p, range, theme)` from mentions: the theme's own label and score, the mention's
 * stars and churn. The report reads rollups; this is the raw reference the parity test and the bench compare with.
 */
export function trendThemePipeline(p: TrendParams, range: Range, theme: string): Pipeline {
  const prev = previousOf(range);
  const label = (l: string) => ({ $sum: { $cond: [{ $eq: ['$themes.label', l] }, 1, 0] } });
  const sums = {
    total: { $sum: 1 },
    positive: label('positive'),
    negative: label('negative'),
    neutral: label('neutral'),
    scoreSum: { $sum: '$themes.score' },
    starsSum: { $sum: { $ifNull: ['$stars', 0] } },
    starsCount: { $sum: { $cond: [{ $isNumber: '$stars' }, 1, 0] } },
    churn: { $sum: { $cond: [{ $in: ['churn', { $ifNull: ['$intents', []] }] }, 1, 0] } },
  };
  const facets: Record<string, Pipeline> = {
    buckets: [{ $match: { _p: 'current' } }, { $group: { _id: '$_b', ...sums } }],
    totals: [{ $group: { _id: '$_p', ...sums } }],
  };
  if (p.by === 'source') facets.breakdown = [{ $match: { _p: 'current' } }, { $group: { _id: { b: '$_b', k: '$source.name' }, ...sums } }];
  return [
    { $match: mentionMatch(p.brand, { from: prev.from, to: range.to }, { source: p.source, theme }) },
    notDuplicate,
    { $unwind: '$themes' },
    { $match: { 'themes.theme': theme } },
    {
      $addFields: {
        _p: { $cond: [{ $lt: ['$publishedAt', range.from] }, 'previous', 'current'] },
        _b: truncExpr('$publishedAt', p.interval),
      },
    },
    { $facet: facets },
  ];
}

function row(periodLabel: string, s: Sums, withChurn: boolean, key?: string): TrendRow {
  const neutral = s.neutral || Math.max(0, s.total - s.positive - s.negative);
  return {
    period: periodLabel,
    ...(key !== undefined ? { key } : {}),
    volume: s.total,
    positive: s.positive,
    neutral,
    negative: s.negative,
    netSentiment: r3(net(s))!,
    avgScore: r3(ratio(s.scoreSum, s.total)),
    avgStars: r3(ratio(s.starsSum, s.starsCount)),
    churnShare: withChurn ? r3(ratio(s.churn, s.total)) : null,
  };
}

export const trendReport = defineReport({
  kind: 'trend',
  summary: 'per interval: volume, sentiment split, net sentiment, average score and stars, churn share; change vs the previous period',
  params: TrendParams,
  async run(ctx, p): Promise<TrendResult> {
    const range = resolveRange(p.from, p.to, 90, ctx.now, ctx.timezone);
    const read = 'rollups';
    type Row = Record<string, unknown> & { _id: { p: string; b: Date; k?: string } };
    const [groups, themeRows, ratings] = await Promise.all([
      ctx.store.aggregate<Row>('rollups', trendPipeline(p, range, p.theme)),
      p.by === 'theme' && !p.theme ? ctx.store.aggregate<Row>('rollups', trendThemeBreakdownPipeline(p, range)) : Promise.resolve([]),
      ratingSeries(ctx.store, p.brand, range, p.interval, p.source),
    ]);
    const byStart = new Map<number, Sums>();
    const sumsOf = new Map<string, Sums>();
    const bySource = new Map<string, { b: Date; k: string; s: Sums }>();
    for (const g of groups) {
      const s = toSums(g);
      sumsOf.set(g._id.p, addSums(sumsOf.get(g._id.p) ?? ZERO, s));
      if (g._id.p !== 'current') continue;
      const t = new Date(g._id.b).getTime();
      byStart.set(t, addSums(byStart.get(t) ?? ZERO, s));
      if (g._id.k !== undefined && s.total > 0) bySource.set(`${t}\u0000${g._id.k}`, { b: new Date(t), k: g._id.k, s });
    }
    const starts = bucketStarts(range, p.interval);
    const rows = starts.map((d) => row(bucketLabel(d, p.interval), byStart.get(d.getTime()) ?? ZERO, true));
    const parts =
      p.by === 'theme'
        ? p.theme
          ? []
          : themeRows.map((b) => ({ b: new Date(b._id.b), k: b._id.k!, s: toSums(b) }))
        : [...bySource.values()];
    const breakdown = parts
      .map(({ b, k, s }) => row(bucketLabel(b, p.interval), s, p.by !== 'theme', k))
      .sort((a, b) => a.period.localeCompare(b.period) || b.volume - a.volume || (a.key ?? '').localeCompare(b.key ?? ''));
    const cur = sumsOf.get('current') ?? ZERO;
    const prev = sumsOf.get('previous') ?? ZERO;
    const total = row('total', addSums(ZERO, cur), true);
    const previousTotal = row('previous', addSums(ZERO, prev), true);
    const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : r3(a - b));
    return {
      brand: p.brand,
      range,
      previous: previousOf(range),
      interval: p.interval,
      ...(p.by ? { by: p.by } : {}),
      ...(p.source ? { source: p.source } : {}),
      ...(p.theme ? { theme: p.theme } : {}),
      read,
      rows,
      breakdown,
      total,
      previousTotal,
      change: {
        volume: r3(change(cur.total, prev.total)),
        netSentiment: r3(total.netSentiment - previousTotal.netSentiment)!,
        avgStars: diff(total.avgStars, previousTotal.avgStars),
        churnShare: diff(total.churnShare, previousTotal.churnShare),
      },
      ratings,
    };
  },
  sections(r): Section[] {
    const columns = ['period', 'volume', 'positive', 'neutral', 'negative', 'netSentiment', 'avgScore', 'avgStars', 'churnShare'];
    const asRecord = (x: TrendRow) => ({ ...x }) as unknown as Record<string, string | number | null>;
    const sections: Section[] = [
      { name: 'interval', title: `By ${r.interval}`, columns, rows: r.rows.map(asRecord) },
      {
        name: 'totals',
        title: `Totals vs the previous ${r.range.days} days (${r.previous.from.toISOString().slice(0, 10)} – ${new Date(r.previous.to.getTime() - 1).toISOString().slice(0, 10)})`,
        columns,
        rows: [r.total, r.previousTotal].map(asRecord),
      },
      {
        name: 'change',
        title: 'Change vs the previous period',
        columns: ['volumeChange', 'netSentimentChange', 'avgStarsChange', 'churnShareChange'],
        rows: [{ volumeChange: r.change.volume, netSentimentChange: r.change.netSentiment, avgStarsChange: r.change.avgStars, churnShareChange: r.change.churnShare }],
      },
    ];
    if (r.breakdown.length) sections.push({ name: 'breakdown', title: `By ${r.interval} and ${r.by ?? 'key'}`, columns: ['period', 'key', ...columns.slice(1)], rows: r.breakdown.map(asRecord) });
    if (r.ratings?.length) {
      sections.push({
        name: 'ratings',
        title: `Aggregate ratings by ${r.interval} and source (as the source shows them)`,
        columns: ['period', 'source', 'item', 'ratingValue', 'bestRating', 'stars', 'reviewCount'],
        rows: r.ratings.map(({ period: at, source, item, ratingValue, bestRating, stars, reviewCount }) => ({ period: at, source, item, ratingValue, bestRating, stars, reviewCount })),
      });
    }
    return sections;
  },
});
