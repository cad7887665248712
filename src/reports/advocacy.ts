import { z } from 'zod';
import { CLOSED_STATUSES, WORKFLOW } from '../domain/workflow.js';
import type { Pipeline } from '../store/store.js';
import { baseShape, checkFromBeforeTo, type Range, resolveRange, r3 } from './params.js';
import { engagementExpr, mentionMatch, notDuplicate, num } from './parts.js';
import { defineReport, type Section } from './report.js';

export const AdvocacyParams = z
  .object({
    ...baseShape,
    /** Rows per list (advocates, moments, recovery queue, churn). Default 10. */
    limit: z.coerce.number().int().min(1).max(200).default(10),
    /** `nps`: the score alone (one SQL group on the embedded store), without the lists, which read every mention. */
    only: z.enum(['nps']).optional(),
  })
  .superRefine(checkFromBeforeTo);
export type AdvocacyParams = z.output<typeof AdvocacyParams>;

const DAY_MS = 86_400_000;
const has = (intent: string) => ({ $in: [intent, { $ifNull: ['$intents', []] }] });

/**
 * NPS class from public data. Rated: ≥ 4.5 stars promoter, ≥ 3.5 passive, else detractor (5 / 4 / 1–3 on a
 * five-star scale; normalised ratings like 8/10 = 4.2 fall in between). Text only: a `recommend` intent or clearly
 * positive text (score ≥ 0.5) is a promoter, negative text or a `churn` intent a detractor, anything else passive.
 */
export const npsClassExpr = {
  $cond: [
    { $isNumber: '$stars' },
    { $cond: [{ $gte: ['$stars', 4.5] }, 'promoter', { $cond: [{ $gte: ['$stars', 3.5] }, 'passive', 'detractor'] }] },
    {
      $cond: [
        { $or: [{ $eq: ['$sentiment.label', 'negative'] }, has('churn')] },
        'detractor',
        { $cond: [{ $or: [has('recommend'), { $and: [{ $eq: ['$sentiment.label', 'positive'] }, { $gte: ['$sentiment.score', 0.5] }] }] }, 'promoter', 'passive'] },
      ],
    },
  ],
};

/**
 * Service-recovery priority: severity × reach × recency.
 * severity = 1 + |negative score| + 1 for a churn intent + 0.5 for 1–2 stars;
 * reach = log10(10 + author followers + engagement); recency = e^(−age in days / 7) at the end of the range.
 */
export function priorityExpr(asOf: Date): Record<string, unknown> {
  const severity = {
    $add: [
      1,
      { $max: [0, { $multiply: [-1, '$sentiment.score'] }] },
      { $cond: [has('churn'), 1, 0] },
      { $cond: [{ $and: [{ $isNumber: '$stars' }, { $lte: ['$stars', 2] }] }, 0.5, 0] },
    ],
  };
  const reach = { $log10: { $add: [10, { $ifNull: ['$author.followers', 0] }, '$_eng'] } };
  const ageDays = { $max: [0, { $divide: [{ $subtract: [asOf, '$publishedAt'] }, DAY_MS] }] };
  return { $multiply: [severity, reach, { $exp: { $multiply: [-1 / 7, ageDays] } }] };
}

/**
 * Characters of a mention's text (and title) the lists carry: bounds the `$facet` result, one document on MongoDB
 * (16 MB), at 3 lists × 200 rows whatever the reviews' length.
 */
export const LIST_TEXT_CHARS = 2000;
const clip = (field: string) => ({ $cond: [{ $eq: [{ $type: field }, 'string'] }, { $substrCP: [field, 0, LIST_TEXT_CHARS] }, '$$REMOVE'] });

const mentionOut = { _id: 1, url: 1, source: '$source.name', author: 1, title: clip('$title'), text: clip('$text'), stars: 1, publishedAt: 1, competitors: 1, score: '$sentiment.score', engagement: '$_eng' };

/** NPS classes (with rated and churn flags) of the range's mentions: a plain `$group` (SQL on the SQLite store). */
export function npsPipeline(p: AdvocacyParams, range: Range): Pipeline {
  return [
    { $match: mentionMatch(p.brand, range, p) },
    notDuplicate,
    { $group: { _id: { c: npsClassExpr, rated: { $isNumber: '$stars' }, churn: has('churn') }, n: { $sum: 1 } } },
  ];
}

/** The lists (advocates, moments, recovery queue, churn) in one pass over the range's mentions (a `$facet`). */
export function advocacyPipeline(p: AdvocacyParams, range: Range, asOf: Date, closed: string[] = []): Pipeline {
  const negativeOrChurn = { $or: [{ 'sentiment.label': 'negative' }, { intents: 'churn' }] };
  return [
    { $match: mentionMatch(p.brand, range, p) },
    notDuplicate,
    // Only what the lists show: each $facet branch works on its own copy of every document.
    { $project: { url: 1, source: 1, author: 1, title: 1, text: 1, stars: 1, publishedAt: 1, competitors: 1, sentiment: { score: 1, label: 1 }, intents: 1, _eng: engagementExpr } },
    {
      $facet: {
        advocates: [
          { $match: { $or: [{ 'sentiment.label': 'positive' }, { intents: 'recommend' }] } },
          { $addFields: { _who: { $ifNull: ['$author.handle', '$author.name'] } } },
          { $match: { _who: { $type: 'string' } } },
          {
            $group: {
              _id: { kind: '$source.kind', who: '$_who' },
              mentions: { $sum: 1 },
              recommends: { $sum: { $cond: [has('recommend'), 1, 0] } },
              reach: { $max: '$author.followers' },
              profile: { $max: '$author.url' },
              engagement: { $sum: '$_eng' },
              last: { $max: '$publishedAt' },
              source: { $first: '$source.name' },
            },
          },
          { $match: { mentions: { $gte: 2 } } },
          { $sort: { mentions: -1, recommends: -1, reach: -1, engagement: -1, '_id.kind': 1, '_id.who': 1 } },
          { $limit: p.limit },
        ],
        moments: [
          { $match: { 'sentiment.label': 'positive' } },
          { $sort: { _eng: -1, 'author.followers': -1, publishedAt: -1, _id: 1 } },
          { $limit: p.limit },
          { $project: mentionOut },
        ],
        recovery: [
          // Mentions whose service recovery is resolved or ignored have left the queue.
          { $match: closed.length ? { ...negativeOrChurn, _id: { $nin: closed } } : negativeOrChurn },
          { $addFields: { _priority: priorityExpr(asOf) } },
          { $sort: { _priority: -1, publishedAt: -1, _id: 1 } },
          { $limit: p.limit },
          { $project: { ...mentionOut, priority: '$_priority', churn: has('churn') } },
        ],
        churnByCompetitor: [
          { $match: { intents: 'churn' } },
          { $unwind: { path: '$competitors', preserveNullAndEmptyArrays: true } },
          { $group: { _id: { $ifNull: ['$competitors', null] }, n: { $sum: 1 } } },
          { $sort: { n: -1, _id: 1 } },
        ],
        churn: [{ $match: { intents: 'churn' } }, { $sort: { publishedAt: -1, _id: 1 } }, { $limit: p.limit }, { $project: mentionOut }],
      },
    },
  ];
}

interface MentionRow {
  _id: string;
  url: string;
  source: string;
  author?: { name?: string; handle?: string; followers?: number };
  title?: string;
  text: string;
  stars?: number;
  publishedAt: Date;
  competitors?: string[];
  score: number;
  engagement: number;
  priority?: number;
  churn?: boolean;
}

export interface AdvocacyResult {
  brand: string;
  range: Range;
  nps: { score: number | null; promoters: number; passives: number; detractors: number; total: number; rated: number; textOnly: number };
  advocates: Array<{ author: string; sourceKind: string; source: string; mentions: number; recommends: number; reach: number | null; profile: string | null; lastAt: Date }>;
  moments: MentionRow[];
  recovery: MentionRow[];
  churn: { total: number; byCompetitor: Array<{ competitor: string; mentions: number }>; mentions: MentionRow[] };
}

type Facets = {
  nps: Array<{ _id: { c: string; rated: boolean; churn: boolean }; n: number }>;
  advocates: Array<{ _id: { kind: string; who: string }; mentions: number; recommends: number; reach?: number; profile?: string; last: Date; source: string }>;
  moments: MentionRow[];
  recovery: MentionRow[];
  churnByCompetitor: Array<{ _id: string | null; n: number }>;
  churn: MentionRow[];
};

const who = (m: MentionRow) => m.author?.handle ?? m.author?.name ?? '';

export const advocacyReport = defineReport({
  kind: 'advocacy',
  summary: 'NPS-style score, top advocates, shareable moments, service-recovery queue and churn risk',
  params: AdvocacyParams,
  async run(ctx, p): Promise<AdvocacyResult> {
    const range = resolveRange(p.from, p.to, 90, ctx.now);
    const asOf = new Date(Math.min(range.to.getTime(), (ctx.now ?? new Date()).getTime()));
    const lists = async (): Promise<Omit<Facets, 'nps'> | undefined> => {
      if (p.only === 'nps') return undefined;
      const closed = await ctx.store.findDocs(WORKFLOW, { brand: p.brand, status: { $in: [...CLOSED_STATUSES] } }, { projection: { _id: 1 } });
      const [facets] = await ctx.store.aggregate<Omit<Facets, 'nps'>>('mentions', advocacyPipeline(p, range, asOf, closed.map((d) => d._id)));
      return facets;
    };
    const [listed, nps] = await Promise.all([lists(), ctx.store.aggregate<Facets['nps'][number]>('mentions', npsPipeline(p, range))]);
    const f: Partial<Facets> = { ...listed, nps };
    const count = (c: string, rated?: boolean) => (f?.nps ?? []).filter((x) => x._id.c === c && (rated === undefined || x._id.rated === rated)).reduce((a, x) => a + x.n, 0);
    const promoters = count('promoter');
    const passives = count('passive');
    const detractors = count('detractor');
    const total = promoters + passives + detractors;
    const rated = (f?.nps ?? []).filter((x) => x._id.rated).reduce((a, x) => a + x.n, 0);
    const fix = (rows: MentionRow[]) => rows.map((m) => ({ ...m, score: num(m.score), engagement: num(m.engagement), publishedAt: new Date(m.publishedAt), ...(m.priority !== undefined ? { priority: r3(m.priority)! } : {}) }));
    const churnGroups = f?.churnByCompetitor ?? [];
    return {
      brand: p.brand,
      range,
      nps: { score: total ? Math.round(((promoters - detractors) / total) * 1000) / 10 : null, promoters, passives, detractors, total, rated, textOnly: total - rated },
      advocates: (f?.advocates ?? []).map((a) => ({
        author: a._id.who,
        sourceKind: a._id.kind,
        source: a.source,
        mentions: a.mentions,
        recommends: a.recommends,
        reach: typeof a.reach === 'number' ? a.reach : null,
        profile: typeof a.profile === 'string' ? a.profile : null,
        lastAt: new Date(a.last),
      })),
      moments: fix(f?.moments ?? []),
      recovery: fix(f?.recovery ?? []),
      churn: {
        total: (f?.nps ?? []).filter((x) => x._id.churn).reduce((a, x) => a + x.n, 0),
        byCompetitor: churnGroups.filter((g) => g._id !== null).map((g) => ({ competitor: g._id!, mentions: g.n })),
        mentions: fix(f?.churn ?? []),
      },
    };
  },
  sections(r): Section[] {
    const day = (d: Date) => d.toISOString().slice(0, 10);
    const text = (m: MentionRow) => (m.title ? `${m.title}: ${m.text}` : m.text);
    return [
      {
        name: 'nps',
        title: 'NPS from public data (stars 5 promoter, 4 passive, 1–3 detractor; text classed by sentiment and recommend intent)',
        columns: ['score', 'promoters', 'passives', 'detractors', 'total', 'rated', 'textOnly'],
        rows: [{ ...r.nps }],
      },
      {
        name: 'advocates',
        title: 'Top advocates (2+ positive or recommending mentions)',
        columns: ['author', 'source', 'mentions', 'recommends', 'reach', 'profile', 'lastAt'],
        rows: r.advocates.map((a) => ({ author: a.author, source: a.source, mentions: a.mentions, recommends: a.recommends, reach: a.reach, profile: a.profile, lastAt: day(a.lastAt) })),
      },
      {
        name: 'moments',
        title: 'Shareable moments (positive mentions with the most engagement)',
        columns: ['engagement', 'date', 'source', 'author', 'text', 'url'],
        rows: r.moments.map((m) => ({ engagement: m.engagement, date: day(m.publishedAt), source: m.source, author: who(m), text: text(m), url: m.url })),
      },
      {
        name: 'recovery',
        title: 'Service-recovery queue (answer first: severity × reach × recency)',
        columns: ['priority', 'date', 'stars', 'churn', 'source', 'author', 'text', 'url'],
        rows: r.recovery.map((m) => ({ priority: m.priority ?? null, date: day(m.publishedAt), stars: m.stars ?? null, churn: m.churn ?? false, source: m.source, author: who(m), text: text(m), url: m.url })),
      },
      {
        name: 'churn_competitors',
        title: `Churn risk: ${r.churn.total} mention(s) with churn intent; competitors they name`,
        columns: ['competitor', 'mentions'],
        rows: r.churn.byCompetitor.map((c) => ({ ...c })),
      },
      {
        name: 'churn',
        title: 'Churn mentions (newest first)',
        columns: ['date', 'competitors', 'source', 'author', 'text', 'url'],
        rows: r.churn.mentions.map((m) => ({ date: day(m.publishedAt), competitors: (m.competitors ?? []).join(' '), source: m.source, author: who(m), text: text(m), url: m.url })),
      },
    ];
  },
});
