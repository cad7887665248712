import { z } from 'zod';
import type { Pipeline } from '../store/store.js';
import { baseShape, checkFromBeforeTo, net, type Range, resolveRange, r3 } from './params.js';
import { rollupMatch } from './parts.js';
import { themeKey } from '../store/rollups.js';
import { defineReport, type Section } from './report.js';

export const SovParams = z
  .object({
    ...baseShape,
    /** A theme counts for wins/losses only when both sides have at least this many mentions of it. Default 1. */
    minThemeVolume: z.coerce.number().int().min(1).default(1),
  })
  .superRefine(checkFromBeforeTo);
export type SovParams = z.output<typeof SovParams>;

/**
 * Share of voice from rollups of the brand and of each configured competitor that is crawled as a brand of its own
 * (same id): per party totals, and per party and theme. Plain `$group`s (SQL on the SQLite store).
 */
export function sovPipelines(parties: string[], range: Range, source?: string): { totals: Pipeline; themes: Pipeline } {
  const match = { $match: rollupMatch({ $in: parties }, range, source) };
  return {
    totals: [match, { $group: { _id: '$brand', total: { $sum: '$total' }, positive: { $sum: '$positive' }, negative: { $sum: '$negative' } } }],
    themes: [
      match,
      { $project: { brand: 1, t: { $objectToArray: '$themes' } } },
      { $unwind: '$t' },
      { $group: { _id: { brand: '$brand', theme: '$t.k' }, total: { $sum: '$t.v.total' }, positive: { $sum: '$t.v.positive' }, negative: { $sum: '$t.v.negative' } } },
    ],
  };
}

/** The brand's own mentions that name a competitor, per competitor, with their sentiment: the rollups' `competitors`. */
export function headToHeadPipeline(brand: string, range: Range, source?: string): Pipeline {
  return [
    { $match: rollupMatch(brand, range, source) },
    { $project: { c: { $objectToArray: '$competitors' } } },
    { $unwind: '$c' },
    {
      $group: {
        _id: '$c.k',
        total: { $sum: '$c.v.total' },
        positive: { $sum: '$c.v.positive' },
        negative: { $sum: '$c.v.negative' },
        churn: { $sum: '$c.v.churn' },
      },
    },
  ];
}

export interface SovParty {
  id: string;
  name: string;
  isBrand: boolean;
  volume: number;
  share: number | null;
  netSentiment: number | null;
  /** Brand mentions naming this competitor (and how many of those carry a churn intent). */
  namedInBrandMentions: number | null;
  churnTowards: number | null;
}

export interface ThemeDuel {
  competitor: string;
  theme: string;
  brandVolume: number;
  competitorVolume: number;
  brandNet: number;
  competitorNet: number;
  /** brandNet − competitorNet: positive where the brand wins. */
  gap: number;
  winner: string;
}

export interface SovResult {
  brand: string;
  range: Range;
  parties: SovParty[];
  duels: ThemeDuel[];
  notes: string[];
}

type Counts = { total: number; positive: number; negative: number };

export const sovReport = defineReport({
  kind: 'sov',
  summary: "share of voice against the brand's configured competitors: volume share, net sentiment, themes won and lost",
  params: SovParams,
  async run(ctx, p): Promise<SovResult> {
    const range = resolveRange(p.from, p.to, 90, ctx.now, ctx.timezone);
    const competitors = ctx.brand.competitors;
    const ids = [p.brand, ...competitors.map((c) => c.id)];
    const pipelines = sovPipelines(ids, range, p.source);
    const [totalRows, themeRows, h2h] = await Promise.all([
      ctx.store.aggregate<Counts & { _id: string }>('rollups', pipelines.totals),
      ctx.store.aggregate<Counts & { _id: { brand: string; theme: string } }>('rollups', pipelines.themes),
      ctx.store.aggregate<Counts & { _id: string; churn: number }>('rollups', headToHeadPipeline(p.brand, range, p.source)),
    ]);
    const f = { totals: totalRows, themes: themeRows };
    const totals = new Map((f?.totals ?? []).map((t) => [t._id, t]));
    const all = [...totals.values()].reduce((a, t) => a + t.total, 0);
    const notes: string[] = [];
    const parties: SovParty[] = ids.map((id, i) => {
      const t = totals.get(id);
      const c = competitors[i - 1];
      const duel = h2h.find((x) => x._id === themeKey(id));
      if (i > 0 && !t) notes.push(`no mentions stored for ${c!.name} (${id}): add it as a brand with its own sources to compare volumes`);
      return {
        id,
        name: i === 0 ? ctx.brand.name : c!.name,
        isBrand: i === 0,
        volume: t?.total ?? 0,
        share: all ? r3((t?.total ?? 0) / all) : null,
        netSentiment: t?.total ? r3(net(t)) : null,
        namedInBrandMentions: i === 0 ? null : (duel?.total ?? 0),
        churnTowards: i === 0 ? null : (duel?.churn ?? 0),
      };
    });
    const themeOf = new Map((f?.themes ?? []).map((t) => [`${t._id.brand}\u0000${t._id.theme}`, t]));
    const duels: ThemeDuel[] = [];
    for (const c of competitors) {
      for (const t of f?.themes ?? []) {
        if (t._id.brand !== p.brand) continue;
        const other = themeOf.get(`${c.id}\u0000${t._id.theme}`);
        if (!other || t.total < p.minThemeVolume || other.total < p.minThemeVolume) continue;
        const gap = net(t) - net(other);
        duels.push({
          competitor: c.id,
          theme: t._id.theme,
          brandVolume: t.total,
          competitorVolume: other.total,
          brandNet: r3(net(t))!,
          competitorNet: r3(net(other))!,
          gap: r3(gap)!,
          winner: Math.abs(gap) < 0.05 ? 'tie' : gap > 0 ? p.brand : c.id,
        });
      }
    }
    duels.sort((a, b) => a.competitor.localeCompare(b.competitor) || b.gap - a.gap || a.theme.localeCompare(b.theme));
    return { brand: p.brand, range, parties, duels, notes };
  },
  sections(r): Section[] {
    return [
      {
        name: 'share',
        title: 'Share of voice',
        notes: r.notes,
        columns: ['name', 'id', 'volume', 'share', 'netSentiment', 'namedInBrandMentions', 'churnTowards'],
        rows: r.parties.map((x) => ({ name: x.name, id: x.id, volume: x.volume, share: x.share, netSentiment: x.netSentiment, namedInBrandMentions: x.namedInBrandMentions, churnTowards: x.churnTowards })),
      },
      {
        name: 'themes',
        title: 'Themes won and lost (net sentiment, brand vs competitor)',
        columns: ['competitor', 'theme', 'winner', 'gap', 'brandNet', 'competitorNet', 'brandVolume', 'competitorVolume'],
        rows: r.duels.map((d) => ({ ...d })),
      },
    ];
  },
});
