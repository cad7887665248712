import { z } from 'zod';
import type { Pipeline } from '../store/store.js';
import { baseShape, change, checkFromBeforeTo, net, previousOf, type Range, ratio, resolveRange, r3 } from './params.js';
import { engagementExpr, mentionMatch, notDuplicate, num, rollupMatch } from './parts.js';
import { defineReport, type Section } from './report.js';
import { themeKey, TOP_EXAMPLES } from '../store/rollups.js';
import type { Store } from '../store/store.js';

export const ThemesParams = z
  .object({
    ...baseShape,
    /** Drivers listed each way (down and up). Default 3. */
    drivers: z.coerce.number().int().min(1).max(20).default(3),
    /** Example mentions per driver. Default 2. */
    examples: z.coerce.number().int().min(0).max(10).default(2),
  })
  .superRefine(checkFromBeforeTo);
export type ThemesParams = z.output<typeof ThemesParams>;

export interface ThemeRow {
  theme: string;
  volume: number;
  /** Theme mentions / all mentions in the range (a mention can carry several themes). */
  share: number;
  positive: number;
  negative: number;
  netSentiment: number;
  avgScore: number | null;
  previousVolume: number;
  volumeChange: number | null;
  netSentimentChange: number | null;
  /**
   * How much the theme moves the brand's net sentiment: share × (theme net − overall net), in net-sentiment points.
   * Negative pulls down, positive pulls up.
   */
  impact: number;
}

export interface Example {
  id: string;
  url: string;
  source: string;
  text: string;
  evidence: string;
  score: number;
  publishedAt: Date;
}

export interface Driver extends ThemeRow {
  direction: 'down' | 'up';
  examples: Example[];
}

export interface ThemesResult {
  brand: string;
  range: Range;
  previous: Range;
  mentions: number;
  netSentiment: number;
  themes: ThemeRow[];
  drivers: Driver[];
}

interface ThemeAgg {
  _id: { theme: string; p: string };
  total: number;
  positive: number;
  negative: number;
  scoreSum: number;
}

/**
 * Per theme and period (current/previous) from rollups: `totals` (each period's mention counts) and `themes` (each
 * theme's counters), two plain `$group`s the SQLite store runs in SQL (`json_each` over each bucket's themes).
 */
export function themesPipelines(p: ThemesParams, range: Range): { totals: Pipeline; themes: Pipeline } {
  const prev = previousOf(range);
  const match = { $match: rollupMatch(p.brand, { from: prev.from, to: range.to }, p.source) };
  const periodOf = { $cond: [{ $lt: ['$date', range.from] }, 'previous', 'current'] };
  return {
    totals: [match, { $group: { _id: periodOf, total: { $sum: '$total' }, positive: { $sum: '$positive' }, negative: { $sum: '$negative' } } }],
    themes: [
      match,
      { $project: { _p: periodOf, t: { $objectToArray: '$themes' } } },
      { $unwind: '$t' },
      ...(p.theme ? [{ $match: { 't.k': themeKey(p.theme) } }] : []),
      {
        $group: {
          _id: { theme: '$t.k', p: '$_p' },
          total: { $sum: '$t.v.total' },
          positive: { $sum: '$t.v.positive' },
          negative: { $sum: '$t.v.negative' },
          scoreSum: { $sum: '$t.v.scoreSum' },
        },
      },
    ],
  };
}

/**
 * Example mentions for driver themes: for each theme, the mentions whose theme label points the driver's way
 * (negative for a theme pulling down), strongest first, then most engaged.
 */
export function driverExamplesPipeline(p: ThemesParams, range: Range, themes: string[], label: 'negative' | 'positive'): Pipeline {
  return [
    { $match: { ...mentionMatch(p.brand, range, { source: p.source }), 'themes.theme': { $in: themes } } },
    notDuplicate,
    { $unwind: '$themes' },
    { $match: { 'themes.theme': { $in: themes }, 'themes.label': label } },
    { $addFields: { _eng: engagementExpr } },
    {
      // `$topN` keeps only the examples shown per theme (`$push` of every mention would pass MongoDB's 100 MB
      // group limit at scale); `_id` breaks ties so both stores pick the same mentions.
      $group: {
        _id: '$themes.theme',
        examples: {
          $topN: {
            n: p.examples,
            sortBy: { 'themes.score': label === 'negative' ? 1 : -1, _eng: -1, _id: 1 },
            output: { id: '$_id', url: '$url', source: '$source.name', text: '$text', evidence: '$themes.evidence', score: '$themes.score', publishedAt: '$publishedAt' },
          },
        },
      },
    },
  ];
}

/**
 * The ids of one driver theme's examples from the rollups' `tops` (each bucket's strongest mentions per theme and
 * label): the top N of the range is the top N of the buckets' tops, for N ≤ `TOP_EXAMPLES`. Same order as
 * `driverExamplesPipeline`. One theme's list per pipeline: the SQLite store finds its top N in SQL without decoding
 * the buckets (`sqlite-unwind-top.ts`), where a pipeline over every theme's lists decoded all of them.
 */
export function driverTopsPipeline(p: ThemesParams, range: Range, theme: string, label: 'negative' | 'positive'): Pipeline {
  const list = `tops.${themeKey(theme)}.${label}`;
  return [
    { $match: rollupMatch(p.brand, range, p.source) },
    { $unwind: `$${list}` },
    { $sort: { [`${list}.score`]: label === 'negative' ? 1 : -1, [`${list}.eng`]: -1, [`${list}.id`]: 1 } },
    { $limit: p.examples },
    { $project: { _id: 0, id: `$${list}.id` } },
  ];
}

/** Driver examples: ids from the rollups' tops, then those few mentions by `_id`. */
async function examplesFromTops(store: Store, p: ThemesParams, range: Range, themes: string[], label: 'negative' | 'positive'): Promise<Map<string, Example[]>> {
  const rows = await Promise.all(themes.map(async (theme) => ({ theme, ids: (await store.aggregate<{ id: string }>('rollups', driverTopsPipeline(p, range, theme, label))).map((r) => r.id) })));
  const ids = [...new Set(rows.flatMap((r) => r.ids))];
  const found = ids.length ? await store.findMentions({ _id: { $in: ids } }, { projection: { url: 1, source: 1, text: 1, themes: 1, publishedAt: 1 } }) : [];
  const byId = new Map(found.map((m) => [m._id, m]));
  const out = new Map<string, Example[]>();
  for (const r of rows) {
    const list: Example[] = [];
    for (const id of r.ids) {
      const m = byId.get(id);
      const t = m?.themes.find((x) => themeKey(x.theme) === r.theme && x.label === label);
      if (!m || !t) continue;
      list.push({ id, url: m.url, source: m.source.name, text: m.text, evidence: t.evidence, score: num(t.score), publishedAt: new Date(m.publishedAt) });
    }
    out.set(r.theme, list);
  }
  return out;
}

export const themesReport = defineReport({
  kind: 'themes',
  summary: 'per theme: volume, share, sentiment, change vs the previous period, and the drivers pulling net sentiment down or up',
  params: ThemesParams,
  async run(ctx, p): Promise<ThemesResult> {
    const range = resolveRange(p.from, p.to, 90, ctx.now, ctx.timezone);
    const pipelines = themesPipelines(p, range);
    const [totals, themeRows] = await Promise.all([
      ctx.store.aggregate<{ _id: string; total: number; positive: number; negative: number }>('rollups', pipelines.totals),
      ctx.store.aggregate<ThemeAgg>('rollups', pipelines.themes),
    ]);
    const f = { totals, themes: themeRows };
    const cur = f?.totals.find((t) => t._id === 'current') ?? { total: 0, positive: 0, negative: 0 };
    const overall = net(cur);
    const byTheme = new Map<string, { current?: ThemeAgg; previous?: ThemeAgg }>();
    for (const t of f?.themes ?? []) {
      const e = byTheme.get(t._id.theme) ?? {};
      if (t._id.p === 'current') e.current = t;
      else e.previous = t;
      byTheme.set(t._id.theme, e);
    }
    const themes: ThemeRow[] = [];
    for (const [theme, { current, previous }] of byTheme) {
      if (!current) continue;
      const share = cur.total ? current.total / cur.total : 0;
      const themeNet = net(current);
      themes.push({
        theme,
        volume: current.total,
        share: r3(share)!,
        positive: current.positive,
        negative: current.negative,
        netSentiment: r3(themeNet)!,
        avgScore: r3(ratio(current.scoreSum, current.total)),
        previousVolume: previous?.total ?? 0,
        volumeChange: r3(change(current.total, previous?.total ?? 0)),
        netSentimentChange: previous?.total ? r3(themeNet - net(previous)) : null,
        impact: r3(share * (themeNet - overall))!,
      });
    }
    themes.sort((a, b) => b.volume - a.volume || a.theme.localeCompare(b.theme));
    const down = themes.filter((t) => t.impact < 0).sort((a, b) => a.impact - b.impact).slice(0, p.drivers);
    const up = themes.filter((t) => t.impact > 0).sort((a, b) => b.impact - a.impact).slice(0, p.drivers);
    const examples = async (list: ThemeRow[], label: 'negative' | 'positive') => {
      if (!list.length || p.examples === 0) return new Map<string, Example[]>();
      const names = list.map((t) => t.theme);
      if (p.examples <= TOP_EXAMPLES) return examplesFromTops(ctx.store, p, range, names, label);
      const rows = await ctx.store.aggregate<{ _id: string; examples: Example[] }>('mentions', driverExamplesPipeline(p, range, names, label));
      return new Map(rows.map((r) => [r._id, r.examples.map((e) => ({ ...e, score: num(e.score), publishedAt: new Date(e.publishedAt) }))]));
    };
    const [downEx, upEx] = await Promise.all([examples(down, 'negative'), examples(up, 'positive')]);
    return {
      brand: p.brand,
      range,
      previous: previousOf(range),
      mentions: cur.total,
      netSentiment: r3(overall)!,
      themes,
      drivers: [
        ...down.map((t) => ({ ...t, direction: 'down' as const, examples: downEx.get(t.theme) ?? [] })),
        ...up.map((t) => ({ ...t, direction: 'up' as const, examples: upEx.get(t.theme) ?? [] })),
      ],
    };
  },
  sections(r): Section[] {
    const cols = ['theme', 'volume', 'share', 'positive', 'negative', 'netSentiment', 'avgScore', 'previousVolume', 'volumeChange', 'netSentimentChange', 'impact'];
    return [
      {
        name: 'themes',
        title: `Themes (${r.mentions} mentions, net sentiment ${r.netSentiment.toFixed(2)})`,
        columns: cols,
        rows: r.themes.map((t) => ({ ...t })),
      },
      {
        name: 'drivers',
        title: 'Drivers: themes pulling net sentiment down or up (impact = share × sentiment gap)',
        columns: ['direction', 'theme', 'impact', 'volume', 'netSentiment', 'example', 'url'],
        rows: r.drivers.flatMap((d) =>
          (d.examples.length ? d.examples : [undefined]).map((e) => ({
            direction: d.direction,
            theme: d.theme,
            impact: d.impact,
            volume: d.volume,
            netSentiment: d.netSentiment,
            example: e ? e.evidence && e.evidence !== d.theme ? `“${e.evidence}” — ${e.text}` : e.text : null,
            url: e?.url ?? null,
          })),
        ),
      },
    ];
  },
});
