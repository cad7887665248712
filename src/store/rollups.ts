import type { Mention } from '../domain/index.js';
import { COUNTED, DATED } from '../domain/mention.js';
import { NPS_CONDITIONS, NPS_COUNTERS, type NpsCounters } from '../domain/nps.js';
import { localDay } from '../domain/time-zone.js';
import { StoreInputError } from './errors.js';
import { rollupId } from './ids.js';
import { claimRollupZone } from './rollup-zone.js';
import { THEME_COUNTERS, type Pipeline, type Rollup, type RollupKey, type Store, type ThemeCounts, type CompetitorCounts, type TopEntry } from './store.js';

/**
 * Rollups are derived data: one document per brand × day × source name, recomputed from
 * `mentions` (duplicates excluded) and replaced whole, so ingesting twice or re-analysing a mention
 * leaves them exactly as a fresh computation would. The computation is one aggregation pipeline, so
 * it runs unchanged on MongoDB and on the SQLite store. A day is a calendar day in the store's rollup zone
 * (`rollup-zone.ts`, the config's `timezone`); `date` is that day's UTC midnight, so week and month buckets made from
 * it by a UTC `$dateTrunc` start on the local Monday and the local 1st.
 */

/** What `touchedBuckets` needs of a mention (a projection of `brand`, `publishedAt`, `source` will do). */
export type BucketSource = Pick<Mention, 'brand'> & { publishedAt: Date | string; source: { name: string } };

const DAY_MS = 86_400_000;

/**
 * Example mentions kept per bucket, theme and label (`tops`): the strongest by the theme's score, then engagement, then
 * `_id` — the order the themes report picks driver examples in, so its top N over a range (N ≤ this) is exact.
 */
export const TOP_EXAMPLES = 3;

/**
 * Buckets refreshed per pipeline run; keeps each `$facet` result far below MongoDB's 16 MB document limit, and the
 * mentions a run decodes (the SQLite store runs the `$facet` in mingo) to a few weeks of a brand: `earshot store
 * rollups` over a million mentions peaked at 1.0 GB with 500, 0.4 GB with 100, in the same time (~90 s).
 */
const KEYS_PER_RUN = 100;

/** The distinct rollup buckets the given mentions fall in (days in `tz`), in first-seen order. */
export function touchedBuckets(mentions: readonly BucketSource[], tz = 'UTC'): RollupKey[] {
  const keys = new Map<string, RollupKey>();
  for (const m of mentions) {
    const at = m.publishedAt instanceof Date ? m.publishedAt : new Date(m.publishedAt);
    if (Number.isNaN(at.getTime())) throw new StoreInputError(`touchedBuckets: invalid publishedAt for brand ${m.brand}`);
    const key: RollupKey = { brand: m.brand, day: localDay(at, tz), source: m.source.name };
    keys.set(rollupId(key), key);
  }
  return [...keys.values()];
}

/**
 * Recomputes the given buckets from `mentions` and replaces them in `rollups`; a bucket left with
 * no (non-duplicate) mention is deleted. Pass every bucket a write may have changed — for a
 * re-analysed mention whose date or source changed, both its old and its new bucket.
 */
export async function refreshRollups(store: Store, keys: readonly RollupKey[], tz = 'UTC'): Promise<void> {
  const unique = [...new Map(keys.map((k) => [rollupId(k), k])).values()];
  for (let i = 0; i < unique.length; i += KEYS_PER_RUN) {
    const chunk = unique.slice(i, i + KEYS_PER_RUN);
    const build = (facets: RollupFacets | undefined) => buildRollups(chunk, facets ?? { totals: [], themes: [], competitors: [], tops: [] });
    if (store.recomputeRollups) {
      await store.recomputeRollups<RollupFacets>(chunk, rollupPipeline(chunk, tz), build);
      continue;
    }
    const [facets] = await store.aggregate<RollupFacets>('mentions', rollupPipeline(chunk, tz));
    await store.replaceRollups(chunk, build(facets));
  }
}

/**
 * Recomputes the buckets the given mentions fall in, in the store's rollup zone (recorded on the first write; the
 * config's `timezone` for a new store). What ingest and the workflow's "not about us" call after a write.
 */
export async function refreshBucketsOf(store: Store, mentions: readonly BucketSource[], configZone = 'UTC'): Promise<void> {
  const tz = await claimRollupZone(store, configZone);
  await refreshRollups(store, touchedBuckets(mentions, tz), tz);
}

interface BucketId {
  brand: string;
  day: string;
  source: string;
}

interface TotalsRow extends Omit<Rollup, '_id' | 'brand' | 'day' | 'source' | 'date' | 'themes' | 'nps'>, NpsCounters {
  _id: BucketId;
}

interface ThemeRow extends ThemeCounts {
  _id: BucketId & { theme: string };
}

interface TopRow {
  _id: BucketId & { theme: string; label: 'negative' | 'positive' };
  top: TopEntry[];
}

interface CompetitorRow extends CompetitorCounts {
  _id: BucketId & { competitor: string };
}

/** The single document the rollup pipeline returns. */
export interface RollupFacets {
  totals: TotalsRow[];
  themes: ThemeRow[];
  /** Absent from facets built before competitor counts existed. */
  competitors?: CompetitorRow[];
  tops?: TopRow[];
}

const countIf = (cond: unknown) => ({ $sum: { $cond: [cond, 1, 0] } });
const engagementOf = (field: string) => ({ $ifNull: [`$engagement.${field}`, 0] });

/**
 * The aggregation that computes the buckets in `keys`. Its `$match` selects, per brand, the touched
 * sources over the touched days' span (a superset: rows of untouched buckets are dropped afterwards),
 * so both backends can use the `(brand, publishedAt)` index.
 */
export function rollupPipeline(keys: readonly RollupKey[], tz = 'UTC'): Pipeline {
  const byBrand = new Map<string, { sources: Set<string>; first: string; last: string }>();
  for (const k of keys) {
    const g = byBrand.get(k.brand);
    if (!g) byBrand.set(k.brand, { sources: new Set([k.source]), first: k.day, last: k.day });
    else {
      g.sources.add(k.source);
      if (k.day < g.first) g.first = k.day;
      if (k.day > g.last) g.last = k.day;
    }
  }
  // A local day lies within a day of the UTC day of the same date (offsets are -12 h … +14 h).
  const pad = tz === 'UTC' ? 0 : DAY_MS;
  const clauses = [...byBrand].map(([brand, g]) => ({
    brand,
    'source.name': { $in: [...g.sources] },
    publishedAt: { $gte: new Date(dayStart(g.first).getTime() - pad), $lt: new Date(dayStart(g.last).getTime() + DAY_MS + pad) },
  }));
  const bucket = { brand: '$brand', day: '$_day', source: '$source.name' };
  return [
    { $match: clauses.length === 1 ? clauses[0] : { $or: clauses } },
    // Undated mentions (dated at collection) fall in no bucket: see DATED.
    { $match: { ...COUNTED, ...DATED } },
    { $addFields: { _day: { $dateToString: { format: '%Y-%m-%d', date: '$publishedAt', ...(tz === 'UTC' ? {} : { timezone: tz }) } } } },
    {
      $facet: {
        totals: [
          {
            $group: {
              _id: bucket,
              sourceKind: { $first: '$source.kind' },
              total: { $sum: 1 },
              positive: countIf({ $eq: ['$sentiment.label', 'positive'] }),
              negative: countIf({ $eq: ['$sentiment.label', 'negative'] }),
              neutral: countIf({ $eq: ['$sentiment.label', 'neutral'] }),
              scoreSum: { $sum: '$sentiment.score' },
              starsSum: { $sum: '$stars' },
              starsCount: countIf({ $isNumber: '$stars' }),
              churn: countIf({ $in: ['churn', { $ifNull: ['$intents', []] }] }),
              recommend: countIf({ $in: ['recommend', { $ifNull: ['$intents', []] }] }),
              ...Object.fromEntries(NPS_COUNTERS.map((c) => [c, countIf(NPS_CONDITIONS[c])])),
              engagement: {
                $sum: {
                  $add: [engagementOf('likes'), engagementOf('shares'), engagementOf('comments'), engagementOf('upvotes')],
                },
              },
            },
          },
        ],
        themes: [
          { $unwind: '$themes' },
          {
            $group: {
              _id: { ...bucket, theme: '$themes.theme' },
              total: { $sum: 1 },
              positive: countIf({ $eq: ['$themes.label', 'positive'] }),
              negative: countIf({ $eq: ['$themes.label', 'negative'] }),
              neutral: countIf({ $eq: ['$themes.label', 'neutral'] }),
              scoreSum: { $sum: '$themes.score' },
              starsSum: { $sum: '$stars' },
              starsCount: countIf({ $isNumber: '$stars' }),
              churn: countIf({ $in: ['churn', { $ifNull: ['$intents', []] }] }),
            },
          },
        ],
        tops: [
          { $unwind: '$themes' },
          { $match: { 'themes.label': { $in: ['negative', 'positive'] } } },
          {
            $addFields: {
              // Strongest first: lowest score for a negative label, highest for a positive one.
              _k: { $cond: [{ $eq: ['$themes.label', 'negative'] }, '$themes.score', { $multiply: [-1, '$themes.score'] }] },
              _eng: { $add: [engagementOf('likes'), engagementOf('shares'), engagementOf('comments'), engagementOf('upvotes')] },
            },
          },
          {
            $group: {
              _id: { ...bucket, theme: '$themes.theme', label: '$themes.label' },
              top: { $topN: { n: TOP_EXAMPLES, sortBy: { _k: 1, _eng: -1, _id: 1 }, output: { id: '$_id', score: '$themes.score', eng: '$_eng' } } },
            },
          },
        ],
        competitors: [
          { $unwind: '$competitors' },
          {
            $group: {
              _id: { ...bucket, competitor: '$competitors' },
              total: { $sum: 1 },
              positive: countIf({ $eq: ['$sentiment.label', 'positive'] }),
              negative: countIf({ $eq: ['$sentiment.label', 'negative'] }),
              churn: countIf({ $in: ['churn', { $ifNull: ['$intents', []] }] }),
            },
          },
        ],
      },
    },
  ];
}

/** Turns the pipeline's rows into rollup documents, keeping only the buckets asked for. */
export function buildRollups(keys: readonly RollupKey[], facets: RollupFacets): Rollup[] {
  const wanted = new Set(keys.map(rollupId));
  const docs = new Map<string, Rollup>();
  for (const row of facets.totals) {
    const { brand, day, source } = row._id;
    const _id = rollupId({ brand, day, source });
    if (!wanted.has(_id)) continue;
    docs.set(_id, {
      _id,
      brand,
      day,
      source,
      date: dayStart(day),
      sourceKind: row.sourceKind,
      total: row.total,
      positive: row.positive,
      negative: row.negative,
      neutral: row.neutral,
      scoreSum: row.scoreSum,
      starsSum: row.starsSum,
      starsCount: row.starsCount,
      churn: row.churn,
      recommend: row.recommend,
      engagement: row.engagement,
      nps: Object.fromEntries(NPS_COUNTERS.map((c) => [c, row[c]])) as NpsCounters,
      themes: {},
    });
  }
  for (const row of facets.themes) {
    const doc = docs.get(rollupId(row._id));
    if (!doc || typeof row._id.theme !== 'string') continue;
    const key = themeKey(row._id.theme);
    const prev = doc.themes[key];
    const next = {} as ThemeCounts;
    for (const f of THEME_COUNTERS) next[f] = (prev?.[f] ?? 0) + (row[f] ?? 0);
    doc.themes[key] = next;
  }
  for (const row of facets.tops ?? []) {
    const doc = docs.get(rollupId(row._id));
    if (!doc || typeof row._id.theme !== 'string') continue;
    const byLabel = ((doc.tops ??= {})[themeKey(row._id.theme)] ??= {});
    const dir = row._id.label === 'negative' ? 1 : -1;
    byLabel[row._id.label] = [...(byLabel[row._id.label] ?? []), ...row.top]
      .sort((a, b) => dir * (a.score - b.score) || b.eng - a.eng || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(0, TOP_EXAMPLES);
  }
  for (const row of facets.competitors ?? []) {
    const doc = docs.get(rollupId(row._id));
    if (!doc || typeof row._id.competitor !== 'string') continue;
    const key = themeKey(row._id.competitor);
    const prev = (doc.competitors ??= {})[key];
    doc.competitors[key] = {
      total: (prev?.total ?? 0) + row.total,
      positive: (prev?.positive ?? 0) + row.positive,
      negative: (prev?.negative ?? 0) + row.negative,
      churn: (prev?.churn ?? 0) + row.churn,
    };
  }
  return [...docs.values()];
}

/**
 * Theme ids become field names in `themes`; MongoDB (and mingo) cannot address names containing `.`
 * or starting with `$`, so those characters are replaced by `_` (theme ids are slugs in practice).
 */
export function themeKey(theme: string): string {
  return theme.replace(/\./g, '_').replace(/^\$/, '_');
}

function dayStart(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}
