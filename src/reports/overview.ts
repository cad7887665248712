import { z } from 'zod';
import type { Store } from '../store/store.js';

/**
 * Parameters of the overview: one brand, the `weeks` weeks of whole days that end with the day holding `to` (days as
 * the rollups keep them: UTC midnight to midnight).
 */
export const OverviewParams = z.object({
  brand: z.string().min(1),
  to: z.coerce.date().default(() => new Date()),
  /** Weeks back from `to`. Default 8. */
  weeks: z.number().int().positive().max(104).default(8),
});
export type OverviewParams = z.input<typeof OverviewParams>;

export interface SourceLine {
  source: string;
  kind: string;
  mentions: number;
  netSentiment: number;
  negativePct: number;
  avgStars: number | null;
}

export interface Overview {
  brand: string;
  /** The window's first day (UTC midnight, inclusive)… */
  from: Date;
  /** …and the midnight after its last day (exclusive): the counts hold exactly the mentions dated in between. */
  to: Date;
  total: SourceLine;
  bySource: SourceLine[];
  weekly: Array<{ week: string; mentions: number; netSentiment: number; negativePct: number }>;
  topThemes: Array<{ theme: string; mentions: number; netSentiment: number }>;
}

const DAY_MS = 86_400_000;

const sums = {
  total: { $sum: '$total' },
  positive: { $sum: '$positive' },
  negative: { $sum: '$negative' },
  starsSum: { $sum: '$starsSum' },
  starsCount: { $sum: '$starsCount' },
};

/** The aggregation (on rollups): per source, per day, per theme, in one $facet. Runs on MongoDB and the embedded store. */
export function overviewPipeline(brand: string, from: Date, to: Date): Record<string, unknown>[] {
  return [
    { $match: { brand, date: { $gte: from, $lt: to } } },
    {
      $facet: {
        bySource: [{ $group: { _id: { source: '$source', kind: '$sourceKind' }, ...sums } }, { $sort: { total: -1, '_id.source': 1 } }],
        byDay: [{ $group: { _id: '$day', ...sums } }, { $sort: { _id: 1 } }],
        themes: [
          { $project: { t: { $objectToArray: '$themes' } } },
          { $unwind: '$t' },
          {
            $group: {
              _id: '$t.k',
              total: { $sum: '$t.v.total' },
              positive: { $sum: '$t.v.positive' },
              negative: { $sum: '$t.v.negative' },
            },
          },
          { $sort: { total: -1, _id: 1 } },
          { $limit: 5 },
        ],
      },
    },
  ];
}

interface Sums {
  total: number;
  positive: number;
  negative: number;
  starsSum?: number;
  starsCount?: number;
}
const net = (s: Sums) => (s.total ? (s.positive - s.negative) / s.total : 0);
const negPct = (s: Sums) => (s.total ? (100 * s.negative) / s.total : 0);
const stars = (s: Sums) => (s.starsCount ? (s.starsSum ?? 0) / s.starsCount : null);

/** Monday of the ISO week of a YYYY-MM-DD day, as YYYY-MM-DD. */
export function weekOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

/** Per brand: mentions by source, net sentiment, % negative, average stars, weekly trend and top themes. */
export async function overview(store: Store, input: OverviewParams): Promise<Overview> {
  const p = OverviewParams.parse(input);
  // Rollups count whole days, so the window is whole days too: counting from the instant `to` back would take the
  // first day's rollup only when `from` fell on midnight, and the last day's all of it, mentions after `to` included.
  const to = new Date((Math.floor(p.to.getTime() / DAY_MS) + 1) * DAY_MS);
  const from = new Date(to.getTime() - p.weeks * 7 * DAY_MS);
  const [facets] = await store.aggregate<{
    bySource: Array<Sums & { _id: { source: string; kind: string } }>;
    byDay: Array<Sums & { _id: string }>;
    themes: Array<Sums & { _id: string }>;
  }>('rollups', overviewPipeline(p.brand, from, to));
  const bySource = (facets?.bySource ?? []).map((s) => ({
    source: s._id.source,
    kind: s._id.kind,
    mentions: s.total,
    netSentiment: net(s),
    negativePct: negPct(s),
    avgStars: stars(s),
  }));
  const all = (facets?.bySource ?? []).reduce<Required<Sums>>(
    (a, s) => ({
      total: a.total + s.total,
      positive: a.positive + s.positive,
      negative: a.negative + s.negative,
      starsSum: a.starsSum + (s.starsSum ?? 0),
      starsCount: a.starsCount + (s.starsCount ?? 0),
    }),
    { total: 0, positive: 0, negative: 0, starsSum: 0, starsCount: 0 },
  );
  const weeks = new Map<string, Sums>();
  for (const d of facets?.byDay ?? []) {
    const w = weekOf(d._id);
    const acc = weeks.get(w) ?? { total: 0, positive: 0, negative: 0 };
    weeks.set(w, { total: acc.total + d.total, positive: acc.positive + d.positive, negative: acc.negative + d.negative });
  }
  return {
    brand: p.brand,
    from,
    to,
    total: { source: 'all', kind: '', mentions: all.total, netSentiment: net(all), negativePct: negPct(all), avgStars: stars(all) },
    bySource,
    weekly: [...weeks].map(([week, s]) => ({ week, mentions: s.total, netSentiment: net(s), negativePct: negPct(s) })),
    topThemes: (facets?.themes ?? []).map((t) => ({ theme: t._id, mentions: t.total, netSentiment: net(t) })),
  };
}
