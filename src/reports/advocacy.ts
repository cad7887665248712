import { z } from 'zod';
import { CLOSED_STATUSES, WORKFLOW } from '../domain/workflow.js';
import { IS_DATED_EXPR } from '../domain/mention.js';
import { hasIntent, NPS_CONDITIONS, NPS_COUNTERS, type NpsCounters } from '../domain/nps.js';
import type { Pipeline, Store } from '../store/store.js';
import { baseShape, checkFromBeforeTo, type Range, resolveRange, r3 } from './params.js';
import { engagementExpr, mentionMatch, notDuplicate, num, rollupMatch } from './parts.js';
import { defineReport, type Section } from './report.js';

export const AdvocacyParams = z
  .object({
    ...baseShape,
    /** Rows per list (advocates, moments, recovery queue, churn). Default 10. */
    limit: z.coerce.number().int().min(1).max(200).default(10),
    /** `nps`: the score alone (one SQL group on the embedded store), without the lists. */
    only: z.enum(['nps']).optional(),
  })
  .superRefine(checkFromBeforeTo);
export type AdvocacyParams = z.output<typeof AdvocacyParams>;

const DAY_MS = 86_400_000;
const has = hasIntent;
const countIf = (c: unknown) => ({ $sum: { $cond: [c, 1, 0] } });

/** What `npsPipeline` counts; the other classes follow from them (`npsCounts`). */
export interface NpsSums extends NpsCounters {
  total: number;
  rated: number;
  churn: number;
}

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
 * Characters of a mention's text (and title) the lists carry: bounds each list's result at 200 rows whatever the
 * reviews' length (MongoDB's cursor batches, the API's answers).
 */
export const LIST_TEXT_CHARS = 2000;
const clip = (field: string) => ({ $cond: [{ $eq: [{ $type: field }, 'string'] }, { $substrCP: [field, 0, LIST_TEXT_CHARS] }, '$$REMOVE'] });

const mentionOut = { _id: 1, url: 1, source: '$source.name', author: 1, title: clip('$title'), text: clip('$text'), stars: 1, publishedAt: 1, competitors: 1, score: '$sentiment.score', engagement: '$_eng' };

/** Who an advocate is: the author's handle, else their name; null when neither is there (never missing). */
export const authorKeyExpr = { $ifNull: ['$author.handle', '$author.name', null] };

/**
 * The NPS counts of the range's dated mentions (`domain/nps.ts`) in one `$group` of sums (one pass in SQL on the
 * SQLite store, no grouping sort), split into rated and text-only, and the churn count. Undated mentions count in no
 * range total, as in the rollups the report reads these sums from when it can (`npsFromRollupsPipeline`).
 */
export function npsPipeline(p: AdvocacyParams, range: Range): Pipeline {
  const dated = (c: unknown) => countIf({ $and: [IS_DATED_EXPR, c] });
  return [
    { $match: mentionMatch(p.brand, range, p) },
    notDuplicate,
    {
      $group: {
        _id: null,
        total: dated(true),
        rated: dated({ $isNumber: '$stars' }),
        ...Object.fromEntries(NPS_COUNTERS.map((c) => [c, dated(NPS_CONDITIONS[c])])),
        churn: dated(has('churn')),
      },
    },
  ];
}

/**
 * The same sums from the range's rollups (a few hundred buckets instead of every mention), with how many buckets
 * were read and how many carry NPS counts: buckets written before those existed send the report to `npsPipeline`.
 */
export function npsFromRollupsPipeline(p: AdvocacyParams, range: Range): Pipeline {
  return [
    { $match: rollupMatch(p.brand, range, p.source) },
    {
      $group: {
        _id: null,
        buckets: { $sum: 1 },
        withNps: countIf({ $isNumber: '$nps.textDetractors' }),
        total: { $sum: '$total' },
        rated: { $sum: '$starsCount' },
        ...Object.fromEntries(NPS_COUNTERS.map((c) => [c, { $sum: `$nps.${c}` }])),
        churn: { $sum: '$churn' },
      },
    },
  ];
}

/** Churn mentions per competitor named, from the range's rollups (each bucket counts them per competitor). */
export function churnByCompetitorFromRollupsPipeline(p: AdvocacyParams, range: Range): Pipeline {
  return [
    { $match: rollupMatch(p.brand, range, p.source) },
    { $project: { c: { $objectToArray: '$competitors' } } },
    { $unwind: '$c' },
    { $group: { _id: '$c.k', n: { $sum: '$c.v.churn' } } },
    { $match: { n: { $gt: 0 } } },
    { $sort: { n: -1, _id: 1 } },
  ];
}

/** Promoters, passives and detractors from the sums. */
export function npsCounts(s: NpsSums | undefined): { promoters: number; passives: number; detractors: number; total: number; rated: number } {
  if (!s) return { promoters: 0, passives: 0, detractors: 0, total: 0, rated: 0 };
  const textOnly = s.total - s.rated;
  return {
    promoters: s.ratedPromoters + s.textPromoters,
    passives: s.ratedPassives + (textOnly - s.textDetractors - s.textPromoters),
    detractors: s.rated - s.ratedPromoters - s.ratedPassives + s.textDetractors,
    total: s.total,
    rated: s.rated,
  };
}

/**
 * The lists, one pipeline each. Every one starts with a `$match` narrowed to what it lists, so the SQLite store
 * filters in SQL, computes the sort key there and reads only the documents it shows (see `sqlite-topn.ts`); on
 * MongoDB each reads the range through the `(brand, publishedAt)` index.
 */
export function advocacyPipelines(p: AdvocacyParams, range: Range, asOf: Date, closed: string[] = []): Record<'advocates' | 'moments' | 'recovery' | 'churnByCompetitor' | 'churn', Pipeline> {
  const counted = (only: Record<string, unknown>): Pipeline => [{ $match: mentionMatch(p.brand, range, p) }, notDuplicate, { $match: only }];
  const negativeOrChurn = { $or: [{ 'sentiment.label': 'negative' }, { intents: 'churn' }] };
  return {
    // Grouped without the profile link and source name, which `advocateDetailsPipeline` reads for the kept rows only.
    advocates: [
      ...counted({ $or: [{ 'sentiment.label': 'positive' }, { intents: 'recommend' }] }),
      {
        $group: {
          _id: { kind: '$source.kind', who: authorKeyExpr },
          mentions: { $sum: 1 },
          recommends: { $sum: { $cond: [has('recommend'), 1, 0] } },
          reach: { $max: '$author.followers' },
          engagement: { $sum: engagementExpr },
          first: { $min: '$publishedAt' },
          last: { $max: '$publishedAt' },
        },
      },
      { $match: { '_id.who': { $type: 'string' }, mentions: { $gte: 2 } } },
      { $sort: { mentions: -1, recommends: -1, reach: -1, engagement: -1, '_id.kind': 1, '_id.who': 1 } },
      { $limit: p.limit },
    ],
    moments: [
      ...counted({ 'sentiment.label': 'positive' }),
      { $addFields: { _eng: engagementExpr } },
      { $sort: { _eng: -1, 'author.followers': -1, publishedAt: -1, _id: 1 } },
      { $limit: p.limit },
      { $project: mentionOut },
    ],
    recovery: [
      // Mentions whose service recovery is resolved or ignored have left the queue.
      ...counted(closed.length ? { ...negativeOrChurn, _id: { $nin: closed } } : negativeOrChurn),
      { $addFields: { _eng: engagementExpr } },
      { $addFields: { _priority: priorityExpr(asOf) } },
      { $sort: { _priority: -1, publishedAt: -1, _id: 1 } },
      { $limit: p.limit },
      { $project: { ...mentionOut, priority: '$_priority', churn: has('churn'), reply: 1 } },
    ],
    // Dated mentions only, as the rollups count them (`churnByCompetitorFromRollupsPipeline`).
    churnByCompetitor: [
      ...counted({ intents: 'churn' }),
      { $project: { competitors: 1, dated: IS_DATED_EXPR } },
      { $unwind: '$competitors' },
      { $group: { _id: '$competitors', n: { $sum: { $cond: ['$dated', 1, 0] } } } },
      { $match: { n: { $gt: 0 } } },
      { $sort: { n: -1, _id: 1 } },
    ],
    churn: [...counted({ intents: 'churn' }), { $sort: { publishedAt: -1, _id: 1 } }, { $limit: p.limit }, { $addFields: { _eng: engagementExpr } }, { $project: mentionOut }],
  };
}

/**
 * The source (of the author's first mention in the range) and the profile link (of their latest, a profile's current
 * address) of the advocates kept. Their first and latest positive-or-recommending mentions are at the instants the
 * advocates' group found (`first`, `last`): the index on (brand, publishedAt) finds those few mentions directly, where
 * matching the authors read every mention of the range.
 */
export function advocateDetailsPipeline(p: AdvocacyParams, kept: Array<{ _id: { who: string }; first: Date; last: Date }>): Pipeline {
  const who = [...new Set(kept.map((a) => a._id.who))];
  const at = [...new Map(kept.flatMap((a) => [a.first, a.last]).map((d) => [new Date(d).getTime(), new Date(d)])).values()];
  return [
    { $match: { brand: p.brand, publishedAt: { $in: at }, ...(p.source ? { 'source.name': p.source } : {}), ...(p.theme ? { 'themes.theme': p.theme } : {}) } },
    notDuplicate,
    {
      $match: {
        $and: [
          { $or: [{ 'sentiment.label': 'positive' }, { intents: 'recommend' }] },
          { $or: [{ 'author.handle': { $in: who } }, { 'author.handle': null, 'author.name': { $in: who } }] },
        ],
      },
    },
    { $sort: { publishedAt: 1, _id: 1 } },
    { $group: { _id: { kind: '$source.kind', who: authorKeyExpr }, source: { $first: '$source.name' }, profile: { $last: '$author.url' } } },
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
  /** In the recovery queue: the business's public reply, where the source shows one (answered publicly). */
  reply?: { text: string; at?: Date };
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

type Advocate = { _id: { kind: string; who: string }; mentions: number; recommends: number; reach?: number | null; profile?: string; first: Date; last: Date; source: string };
type Facets = {
  nps: NpsSums[];
  advocates: Advocate[];
  moments: MentionRow[];
  recovery: MentionRow[];
  churnByCompetitor: Array<{ _id: string | null; n: number }>;
  churn: MentionRow[];
};

/**
 * The NPS sums (and, through `fromRollups`, churn by competitor) from rollups when they can give them exactly: no
 * theme filter (rollups count the whole bucket), whole days, and every bucket read written with NPS counts. Else null,
 * and the report reads mentions.
 */
async function rollupSums(store: Store, p: AdvocacyParams, range: Range): Promise<{ sums: NpsSums[] } | null> {
  if (p.theme || range.from.getTime() % DAY_MS !== 0 || range.to.getTime() % DAY_MS !== 0) return null;
  const [row] = await store.aggregate<NpsSums & { _id: null; buckets: number; withNps: number }>('rollups', npsFromRollupsPipeline(p, range));
  if (!row) return { sums: [] };
  if (row.withNps !== row.buckets) return null;
  const { _id, buckets, withNps, ...sums } = row;
  return { sums: sums.total > 0 ? [sums] : [] };
}

const who = (m: MentionRow) => m.author?.handle ?? m.author?.name ?? '';

export const advocacyReport = defineReport({
  kind: 'advocacy',
  summary: 'NPS-style score, top advocates, shareable moments, service-recovery queue and churn risk',
  params: AdvocacyParams,
  async run(ctx, p): Promise<AdvocacyResult> {
    const range = resolveRange(p.from, p.to, 90, ctx.now, ctx.timezone);
    const asOf = new Date(Math.min(range.to.getTime(), (ctx.now ?? new Date()).getTime()));
    const fromRollups = await rollupSums(ctx.store, p, range);
    const lists = async (): Promise<Omit<Facets, 'nps'> | undefined> => {
      if (p.only === 'nps') return undefined;
      const closed = await ctx.store.findDocs(WORKFLOW, { brand: p.brand, status: { $in: [...CLOSED_STATUSES] } }, { projection: { _id: 1 } });
      const pipelines = advocacyPipelines(p, range, asOf, closed.map((d) => d._id));
      const [advocates, moments, recovery, churnByCompetitor, churn] = await Promise.all([
        ctx.store.aggregate<Advocate>('mentions', pipelines.advocates),
        ctx.store.aggregate<MentionRow>('mentions', pipelines.moments),
        ctx.store.aggregate<MentionRow>('mentions', pipelines.recovery),
        fromRollups
          ? ctx.store.aggregate<Facets['churnByCompetitor'][number]>('rollups', churnByCompetitorFromRollupsPipeline(p, range))
          : ctx.store.aggregate<Facets['churnByCompetitor'][number]>('mentions', pipelines.churnByCompetitor),
        ctx.store.aggregate<MentionRow>('mentions', pipelines.churn),
      ]);
      const details = advocates.length
        ? await ctx.store.aggregate<{ _id: Advocate['_id']; profile?: string; source: string }>('mentions', advocateDetailsPipeline(p, advocates))
        : [];
      const detail = new Map(details.map((d) => [`${d._id.kind}\u0000${d._id.who}`, d]));
      return {
        advocates: advocates.map((a) => {
          const d = detail.get(`${a._id.kind}\u0000${a._id.who}`);
          return { ...a, ...(typeof d?.profile === 'string' ? { profile: d.profile } : {}), source: d?.source ?? '' };
        }),
        moments,
        recovery,
        churnByCompetitor,
        churn,
      };
    };
    const [listed, nps] = await Promise.all([lists(), fromRollups ? fromRollups.sums : ctx.store.aggregate<Facets['nps'][number]>('mentions', npsPipeline(p, range))]);
    const f: Partial<Facets> = { ...listed, nps };
    const sums = f.nps?.[0];
    const { promoters, passives, detractors, total, rated } = npsCounts(sums);
    const fix = (rows: MentionRow[]) =>
      rows.map(({ reply, ...m }) => ({
        ...m,
        score: num(m.score),
        engagement: num(m.engagement),
        publishedAt: new Date(m.publishedAt),
        ...(m.priority !== undefined ? { priority: r3(m.priority)! } : {}),
        ...(reply && typeof reply.text === 'string' ? { reply: { text: reply.text.slice(0, LIST_TEXT_CHARS), ...(reply.at ? { at: new Date(reply.at) } : {}) } } : {}),
      }));
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
        total: sums?.churn ?? 0,
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
        columns: ['priority', 'date', 'stars', 'churn', 'replied', 'source', 'author', 'text', 'url'],
        rows: r.recovery.map((m) => ({ priority: m.priority ?? null, date: day(m.publishedAt), stars: m.stars ?? null, churn: m.churn ?? false, replied: m.reply !== undefined && m.reply !== null, source: m.source, author: who(m), text: text(m), url: m.url })),
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
