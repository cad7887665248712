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
  /** Where the numbers came from: rollups, or mentions when a theme filter needs per-mention stars and churn. */
  read: 'rollups' | 'mentions';
  rows: TrendRow[];
  breakdown: TrendRow[];
  total: TrendRow;
  previousTotal: TrendRow;
  change: { volume: number | null; netSentiment: number; avgStars: number | null; churnShare: number | null };
}

const period = (from: Date) => ({ $cond: [{ $lt: ['$date', from] }, 'previous', 'current'] });

/**
 * The trend aggregation on rollups (brand × day × source): the current range by interval, both periods' totals,
 * and optionally a per-source or per-theme breakdown, in one `$facet`.
 */
export function trendPipeline(p: TrendParams, range: Range): Pipeline {
  const prev = previousOf(range);
  const facets: Record<string, Pipeline> = {
    buckets: [{ $match: { _p: 'current' } }, { $group: { _id: '$_b', ...rollupSums } }],
    totals: [{ $group: { _id: '$_p', ...rollupSums } }],
  };
  if (p.by === 'source') facets.breakdown = [{ $match: { _p: 'current' } }, { $group: { _id: { b: '$_b', k: '$source' }, ...rollupSums } }];
  if (p.by === 'theme') {
    facets.breakdown = [
      { $match: { _p: 'current' } },
      { $project: { _b: 1, t: { $objectToArray: '$themes' } } },
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
  return [
    { $match: rollupMatch(p.brand, { from: prev.from, to: range.to }, p.source) },
    { $addFields: { _p: period(range.from), _b: truncExpr('$date', p.interval) } },
    { $facet: facets },
  ];
}

/** The same numbers from mentions, for one theme: the theme's own label and score, the mention's stars and churn. */
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

type Facets = { buckets: Array<{ _id: Date }>; totals: Array<{ _id: string }>; breakdown?: Array<{ _id: { b: Date; k: string } }> };

export const trendReport = defineReport({
  kind: 'trend',
  summary: 'per interval: volume, sentiment split, net sentiment, average score and stars, churn share; change vs the previous period',
  params: TrendParams,
  async run(ctx, p): Promise<TrendResult> {
    const range = resolveRange(p.from, p.to, 90, ctx.now);
    const read = p.theme ? 'mentions' : 'rollups';
    const pipeline = p.theme ? trendThemePipeline(p, range, p.theme) : trendPipeline(p, range);
    const [f] = await ctx.store.aggregate<Facets>(read, pipeline);
    const byStart = new Map((f?.buckets ?? []).map((b) => [new Date(b._id).getTime(), toSums(b as unknown as Record<string, unknown>)]));
    const starts = bucketStarts(range, p.interval);
    const rows = starts.map((d) => row(bucketLabel(d, p.interval), byStart.get(d.getTime()) ?? ZERO, true));
    const breakdown = (f?.breakdown ?? [])
      .map((b) => row(bucketLabel(new Date(b._id.b), p.interval), toSums(b as unknown as Record<string, unknown>), p.by !== 'theme', b._id.k))
      .sort((a, b) => a.period.localeCompare(b.period) || b.volume - a.volume || (a.key ?? '').localeCompare(b.key ?? ''));
    const totals = new Map((f?.totals ?? []).map((t) => [t._id, toSums(t as unknown as Record<string, unknown>)]));
    const cur = totals.get('current') ?? ZERO;
    const prev = totals.get('previous') ?? ZERO;
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
    return sections;
  },
});
