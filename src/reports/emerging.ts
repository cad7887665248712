import { z } from 'zod';
import type { Pipeline } from '../store/store.js';
import { baseShape, checkFromBeforeTo, type Range, resolveRange, r3 } from './params.js';
import { mentionMatch, notDuplicate } from './parts.js';
import { defineReport, type Section } from './report.js';
import { termsOf, tokens } from './terms.js';

const DAY_MS = 86_400_000;

export const EmergingParams = z
  .object({
    ...baseShape,
    /** Which mentions to read: `negative` (default) for the new complaint, or `all`. */
    sentiment: z.enum(['negative', 'all']).default('negative'),
    /** Days before `--from` that set what is normal. Default: 4 × the range. */
    baselineDays: z.coerce.number().int().min(1).max(730).optional(),
    /** A term must appear in at least this many recent mentions. Default 3. */
    minCount: z.coerce.number().int().min(1).default(3),
    /** Terms listed. Default 20. */
    limit: z.coerce.number().int().min(1).max(500).default(20),
  })
  .superRefine(checkFromBeforeTo);
export type EmergingParams = z.output<typeof EmergingParams>;

/** The texts of the recent range and its baseline (newest first), tagged `_recent`. Terms are counted in code. */
export function emergingPipeline(p: EmergingParams, range: Range, baselineFrom: Date): Pipeline {
  return [
    {
      $match: {
        ...mentionMatch(p.brand, { from: baselineFrom, to: range.to }, p),
        ...(p.sentiment === 'negative' ? { 'sentiment.label': 'negative' } : {}),
      },
    },
    notDuplicate,
    { $sort: { publishedAt: -1, _id: 1 } },
    { $project: { _id: 1, title: 1, text: 1, url: 1, publishedAt: 1, _recent: { $gte: ['$publishedAt', range.from] } } },
  ];
}

export interface EmergingTerm {
  term: string;
  recent: number;
  /** Share of recent mentions containing the term. */
  recentShare: number;
  baseline: number;
  baselineShare: number;
  /** recentShare / baselineShare (smoothed), how many times more common the term has become. */
  lift: number;
  /** z-score of the smoothed log-odds ratio; terms from 1.645 (one-sided 95%) up are kept. */
  z: number;
  /** Not seen at all in the baseline. */
  isNew: boolean;
  example: { url: string; text: string };
}

export interface EmergingResult {
  brand: string;
  range: Range;
  baseline: { from: Date; to: Date };
  sentiment: 'negative' | 'all';
  recentMentions: number;
  baselineMentions: number;
  terms: EmergingTerm[];
}

/** Smoothing of the log-odds (a half count on each cell). */
const ALPHA = 0.5;
/** One-sided 95%: the term is more common now than in the baseline. */
const Z_MIN = 1.645;

/** Log-odds ratio z-score of a term seen in r of R recent and b of B baseline mentions. */
export function risingScore(r: number, R: number, b: number, B: number): { z: number; lift: number } {
  const lor = Math.log((r + ALPHA) / (R - r + ALPHA)) - Math.log((b + ALPHA) / (B - b + ALPHA));
  const se = Math.sqrt(1 / (r + ALPHA) + 1 / (R - r + ALPHA) + 1 / (b + ALPHA) + 1 / (B - b + ALPHA));
  const lift = ((r + ALPHA) / (R + 2 * ALPHA)) / ((b + ALPHA) / (B + 2 * ALPHA));
  return { z: lor / se, lift };
}

export const emergingReport = defineReport({
  kind: 'emerging',
  summary: 'words and phrases rising in negative (or all) mentions vs a baseline window: the new complaint before it is a theme',
  params: EmergingParams,
  async run(ctx, p): Promise<EmergingResult> {
    const range = resolveRange(p.from, p.to, 7, ctx.now, ctx.timezone);
    const baselineDays = p.baselineDays ?? range.days * 4;
    const baseline = { from: new Date(range.from.getTime() - baselineDays * DAY_MS), to: range.from };
    const docs = await ctx.store.aggregate<{ _id: string; title?: string; text?: string; url?: string; _recent: boolean }>(
      'mentions',
      emergingPipeline(p, range, baseline.from),
    );
    // The brand's own names are in every mention: never "emerging".
    const stop = new Set([ctx.brand.id, ...[ctx.brand.name, ...ctx.brand.aliases].flatMap((a) => tokens(a))]);
    const recent = new Map<string, number>();
    const base = new Map<string, number>();
    const example = new Map<string, { url: string; text: string }>();
    let R = 0;
    let B = 0;
    for (const d of docs) {
      const text = `${d.title ?? ''}. ${d.text ?? ''}`;
      const counts = d._recent ? recent : base;
      if (d._recent) R++;
      else B++;
      for (const t of termsOf(text, stop)) {
        counts.set(t, (counts.get(t) ?? 0) + 1);
        if (d._recent && !example.has(t)) example.set(t, { url: d.url ?? '', text: d.title ? `${d.title}: ${d.text ?? ''}` : (d.text ?? '') });
      }
    }
    const candidates: EmergingTerm[] = [];
    for (const [term, r] of recent) {
      if (r < p.minCount) continue;
      const b = base.get(term) ?? 0;
      const { z, lift } = risingScore(r, R, b, B);
      if (z < Z_MIN || lift <= 1) continue;
      candidates.push({
        term,
        recent: r,
        recentShare: r3(r / R)!,
        baseline: b,
        baselineShare: B ? r3(b / B)! : 0,
        lift: r3(lift)!,
        z: r3(z)!,
        isNew: b === 0,
        example: example.get(term)!,
      });
    }
    // A word whose rise is really its phrase's ("twice" inside "charged twice") is shown once, as the phrase.
    candidates.sort((a, b) => b.term.split(' ').length - a.term.split(' ').length || b.recent - a.recent);
    const kept: EmergingTerm[] = [];
    for (const c of candidates) {
      const words = ` ${c.term} `;
      if (kept.some((k) => ` ${k.term} `.includes(words) && k.recent >= 0.8 * c.recent)) continue;
      kept.push(c);
    }
    kept.sort((a, b) => b.z - a.z || b.recent - a.recent || a.term.localeCompare(b.term));
    return { brand: p.brand, range, baseline, sentiment: p.sentiment, recentMentions: R, baselineMentions: B, terms: kept.slice(0, p.limit) };
  },
  sections(r): Section[] {
    const day = (d: Date) => d.toISOString().slice(0, 10);
    return [
      {
        name: 'terms',
        title: `Rising in ${r.sentiment === 'negative' ? 'negative' : 'all'} mentions: ${r.recentMentions} recent (${day(r.range.from)} – ${day(new Date(r.range.to.getTime() - 1))}) vs ${r.baselineMentions} in the baseline (${day(r.baseline.from)} – ${day(new Date(r.baseline.to.getTime() - 1))})`,
        columns: ['term', 'recent', 'recentShare', 'baseline', 'baselineShare', 'lift', 'z', 'isNew', 'example', 'url'],
        rows: r.terms.map((t) => ({ term: t.term, recent: t.recent, recentShare: t.recentShare, baseline: t.baseline, baselineShare: t.baselineShare, lift: t.lift, z: t.z, isNew: t.isNew, example: t.example.text, url: t.example.url })),
      },
    ];
  },
});
