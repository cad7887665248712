import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRuleSeries } from '../../../src/alerts/load-series.js';
import { examplesPipeline, hourlyPipeline } from '../../../src/alerts/query.js';
import { AlertRule } from '../../../src/domain/alert.js';
import type { Mention } from '../../../src/domain/mention.js';
import { runReport } from '../../../src/reports/index.js';
import { AdvocacyParams, type AdvocacyResult, advocacyPipelines, churnByCompetitorFromRollupsPipeline, npsFromRollupsPipeline, npsPipeline } from '../../../src/reports/advocacy.js';
import { WORKFLOW } from '../../../src/domain/workflow.js';
import { GapsParams, gapsPipelines } from '../../../src/reports/gaps.js';
import { resolveRange } from '../../../src/reports/params.js';
import { headToHeadPipeline, sovPipelines } from '../../../src/reports/sov.js';
import { driverExamplesPipeline, ThemesParams, themesPipelines, type ThemesResult } from '../../../src/reports/themes.js';
import { TrendParams, trendPipeline, trendThemeBreakdownPipeline, trendThemePipeline, type TrendResult } from '../../../src/reports/trend.js';
import { runPipeline } from '../../../src/store/mingo-runtime.js';
import { pushdownPipeline } from '../../../src/store/sqlite.js';
import { MENTIONS, ROLLUPS } from '../../../src/store/sqlite-tables.js';
import type { CollectionName, Pipeline, Rollup, Store } from '../../../src/store/store.js';
import { brand, BRANDS } from '../../../bench/reports-cases.js';
import { generate } from '../../../bench/reports-data.js';
import { seed } from '../reports/fixtures.js';
import { type Leg, storeLegs } from './legs.js';

/**
 * Parity: the same mentions in each store give the same rounded numbers for every report and alert query. The SQLite
 * store runs parts of the pipelines in SQL (GROUP BY, json_each) and reads derived data (rollups with per-theme
 * counters, competitor counts, example tops); its outputs are compared with
 *  - the same pipelines run by mingo on every stored document (the reference: MongoDB semantics, no SQL at all), and
 *  - the raw-mention pipelines the derived data replaces (trend --theme, driver examples, head-to-head);
 * and, where MONGO_URL is set, with MongoDB's, which must also use its indexes for the main queries (`explain`).
 */
const END = new Date('2026-06-30T00:00:00Z');
const NOW = new Date(END.getTime() + 86_400_000);
const RANGE = { from: '2026-04-02', to: '2026-06-30' };
const DAY = 86_400_000;

/** ~4,000 mentions over 120 days for the bench brands, with competitor names, copies and "not about us" marks. */
function mentions(): Mention[] {
  const out: Mention[] = [];
  generate({ total: 4000, days: 120, brands: BRANDS, end: END }, (m) => out.push(m));
  return out.map((m, i) => {
    const competitors = i % 7 === 0 ? ['bench1'] : i % 11 === 0 ? ['bench2', 'bench1'] : [];
    const extra: Partial<Mention> = {};
    // A copy of the mention just before it (same brand every 5th): counts nowhere.
    if (i % 13 === 0 && i >= 5) extra.duplicateOf = out[i - 5]!._id;
    if (i % 17 === 0) extra.notAboutUs = new Date(m.publishedAt);
    if (i % 19 === 0) delete (m as { stars?: number }).stars;
    // Authors known by name only, or without followers; mentions without engagement; a competitor named twice.
    if (i % 23 === 0) extra.author = { name: `Name ${i % 3}`, url: `https://bench.example/u/${i % 3}` };
    else if (i % 31 === 0) extra.author = { handle: m.author.handle! };
    if (i % 29 === 0) delete (m as { engagement?: unknown }).engagement;
    if (i % 37 === 0) competitors.push('bench1');
    // Undated (dated at collection): listed, but counted in no range total.
    if (i % 41 === 0) extra.meta = { ...m.meta, dateMissing: true };
    return { ...m, competitors, ...extra };
  });
}

/** Numbers rounded to 6 decimals, dates as ISO strings, object keys sorted: what "the same output" means. */
function rounded(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (_k, v: unknown) => {
      if (typeof v === 'number') return Math.round(v * 1e6) / 1e6;
      if (v && typeof v === 'object' && !Array.isArray(v)) return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      return v;
    }),
  );
}

/** Group rows in a stable order (a `$group`'s output order is unspecified on every store). */
const sortRows = (rows: Record<string, unknown>[]) => rounded(rows.map(rounded).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1)));

/** The reference: every stored document of the collection, then the whole pipeline in mingo. */
function mingoReference(store: Store): Store {
  const all = async (c: CollectionName) => (c === 'mentions' ? await store.findMentions({}) : await store.findDocs(c, {}));
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'aggregate') {
        return async (c: CollectionName, pipeline: Pipeline) => runPipeline((await all(c)) as Record<string, unknown>[], pipeline);
      }
      const v = Reflect.get(target, prop, receiver) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

const CASES: Array<[string, Record<string, unknown>]> = [
  ['trend', { interval: 'week' }],
  ['trend', { interval: 'day', by: 'source' }],
  ['trend', { interval: 'month', by: 'theme' }],
  ['trend', { theme: 'delivery', by: 'source' }],
  ['trend', { source: 'reddit', interval: 'week' }],
  ['themes', {}],
  ['themes', { source: 'trustsite', drivers: 2, examples: 3 }],
  ['themes', { examples: 5 }],
  ['advocacy', {}],
  ['advocacy', { limit: 3, source: 'appstore' }],
  ['advocacy', { limit: 40, theme: 'delivery' }],
  ['sov', {}],
  ['gaps', { interval: 'month' }],
  ['emerging', {}],
];

const RULES = [
  AlertRule.parse({ name: 'neg', kind: 'negative_spike', brand: 'bench0' }),
  AlertRule.parse({ name: 'delivery', kind: 'negative_spike', brand: 'bench0', filters: { theme: 'delivery' } }),
  AlertRule.parse({ name: 'stars', kind: 'rating_drop', brand: 'bench0', filters: { source: 'appstore' } }),
];

/** Every report and alert query's output, rounded. */
async function outputs(store: Store): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  const ctx = { store, brand, now: NOW };
  for (const [kind, params] of CASES) {
    const p = kind === 'emerging' ? { to: RANGE.to, ...params } : { ...RANGE, ...params };
    out[`${kind} ${JSON.stringify(params)}`] = rounded((await runReport(kind, ctx, p)).result);
  }
  const to = END.getTime() + DAY;
  for (const rule of RULES) {
    const series = await loadRuleSeries(store, rule, to - 14 * DAY, to);
    out[`series ${rule.name}`] = rounded(series);
    // The series object keeps its sums in private arrays: compare the hourly rows it is built from.
    out[`hourly ${rule.name}`] = rounded(await store.aggregate('mentions', hourlyPipeline(rule.brand, rule.filters, new Date(to - 21 * DAY), new Date(to))));
    const ex = await store.aggregate('mentions', examplesPipeline(rule.brand, rule.filters, rule.kind, new Date(to - 7 * DAY), new Date(to), 5));
    out[`examples ${rule.name}`] = rounded(ex);
  }
  return out;
}

describe.each(storeLegs().map((leg) => [leg.name, leg] as [string, Leg]))('parity on the %s store', (name, leg) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let got: Record<string, unknown>;

  beforeAll(async () => {
    const fresh = await leg.fresh();
    store = fresh.store;
    cleanup = fresh.cleanup;
    const all = mentions();
    await seed(store, all);
    // Some of the recovery queue closed (resolved or ignored) or only replied: closed ones leave the queue.
    const negatives = all.filter((m) => m.brand === 'bench0' && m.sentiment.label === 'negative' && !m.duplicateOf && !m.notAboutUs);
    for (const [k, m] of negatives.entries()) {
      if (k % 3 === 0) await store.putDoc(WORKFLOW, { _id: m._id, brand: m.brand, status: (['resolved', 'ignored', 'replied'] as const)[k % 9 === 0 ? 0 : k % 2 ? 1 : 2] });
    }
    got = await outputs(store);
  }, 120_000);
  afterAll(async () => cleanup?.());

  it('every report and alert query gives what the plain pipelines give on all stored documents (mingo)', async () => {
    const want = await outputs(mingoReference(store));
    for (const key of Object.keys(want)) expect(got[key], key).toEqual(want[key]);
  });

  it('reports read the derived data the raw mentions give: trend --theme, driver examples, head-to-head', async () => {
    const range = resolveRange({ at: new Date(`${RANGE.from}T00:00:00Z`), dayOnly: true }, { at: new Date(`${RANGE.to}T00:00:00Z`), dayOnly: true }, 90, NOW);
    // trend --theme from rollups = the same sums from mentions.
    const tp = TrendParams.parse({ brand: 'bench0', ...RANGE, theme: 'delivery' });
    const fromMentions = (await store.aggregate<{ totals: Array<Record<string, unknown>> }>('mentions', trendThemePipeline(tp, range, 'delivery')))[0]!;
    const trend = (await runReport('trend', { store, brand, now: NOW }, { ...RANGE, theme: 'delivery' })).result as TrendResult;
    const cur = fromMentions.totals.find((t) => t._id === 'current')!;
    expect(trend.total.volume).toBe(cur.total);
    expect(trend.total.positive).toBe(cur.positive);
    expect(trend.total.avgStars).toBeCloseTo((cur.starsSum as number) / (cur.starsCount as number), 3);
    expect(trend.total.churnShare).toBeCloseTo((cur.churn as number) / (cur.total as number), 3);
    expect(trend.total.volume).toBeGreaterThan(50);

    // NPS and churn by competitor from rollups = the same counts from the range's dated mentions.
    for (const params of [{}, { source: 'appstore' }]) {
      const ap = AdvocacyParams.parse({ brand: 'bench0', ...RANGE, ...params });
      const [fromRollups] = await store.aggregate<Record<string, number>>('rollups', npsFromRollupsPipeline(ap, range));
      const [sums] = await store.aggregate<Record<string, number>>('mentions', npsPipeline(ap, range));
      const { buckets, withNps, _id, ...rollupSums } = fromRollups!;
      expect(withNps, 'every bucket has NPS counts').toBe(buckets);
      expect(rounded(rollupSums), JSON.stringify(params)).toEqual(rounded({ ...sums, _id: undefined }));
      expect(rollupSums.total).toBeGreaterThan(100);
      const churn = await store.aggregate('rollups', churnByCompetitorFromRollupsPipeline(ap, range));
      expect(rounded(churn)).toEqual(rounded(await store.aggregate('mentions', advocacyPipelines(ap, range, range.to).churnByCompetitor)));
      expect(churn.length, JSON.stringify(params)).toBeGreaterThan(0);
    }
    // Undated mentions are in the range's lists but in no total.
    const adv = (await runReport('advocacy', { store, brand, now: NOW }, { ...RANGE, limit: 200 })).result as AdvocacyResult;
    const undated = await store.findMentions({ brand: 'bench0', publishedAt: { $gte: range.from, $lt: range.to }, duplicateOf: null, notAboutUs: null, 'meta.dateMissing': true });
    const counted = await store.findMentions({ brand: 'bench0', publishedAt: { $gte: range.from, $lt: range.to }, duplicateOf: null, notAboutUs: null });
    expect(undated.length).toBeGreaterThan(5);
    expect(adv.nps.total).toBe(counted.length - undated.length);
    // Each advocate's source is that of their first positive or recommending mention in the range, the profile that of
    // their latest (found at the instants the advocates' group gives, not by reading the range again).
    const favourable = counted
      .filter((m) => m.sentiment.label === 'positive' || m.intents.includes('recommend'))
      .sort((a, b) => +new Date(a.publishedAt) - +new Date(b.publishedAt) || (a._id < b._id ? -1 : 1));
    expect(adv.advocates.length).toBeGreaterThan(2);
    for (const a of adv.advocates) {
      const own = favourable.filter((m) => m.source.kind === a.sourceKind && (m.author.handle ?? m.author.name) === a.author);
      expect(a.source, a.author).toBe(own[0]!.source.name);
      expect(a.profile, a.author).toBe(own[own.length - 1]!.author.url ?? null);
      expect(a.mentions).toBe(own.length);
    }
    // Buckets written before NPS counts existed: the report reads mentions, and answers the same.
    const buckets = await store.aggregate<Rollup>('rollups', [{ $match: { brand: 'bench0' } }]);
    const old = buckets.map((b, k) => (k % 2 ? { ...b, nps: undefined } : b)) as Rollup[];
    await store.replaceRollups(old, old);
    try {
      const again = (await runReport('advocacy', { store, brand, now: NOW }, { ...RANGE, limit: 200 })).result as AdvocacyResult;
      expect(rounded(again)).toEqual(rounded(adv));
    } finally {
      await store.replaceRollups(buckets, buckets);
    }

    // Driver examples from the rollups' tops = the strongest mentions of the range.
    const themes = (await runReport('themes', { store, brand, now: NOW }, { ...RANGE, drivers: 4, examples: 3 })).result as ThemesResult;
    expect(themes.drivers.length).toBeGreaterThan(0);
    for (const direction of ['down', 'up'] as const) {
      const drivers = themes.drivers.filter((d) => d.direction === direction);
      if (drivers.length === 0) continue;
      const label = direction === 'down' ? 'negative' : 'positive';
      const raw = await store.aggregate<{ _id: string; examples: Array<{ id: string }> }>(
        'mentions',
        driverExamplesPipeline(ThemesParams.parse({ brand: 'bench0', ...RANGE, examples: 3 }), range, drivers.map((d) => d.theme), label),
      );
      for (const d of drivers) {
        expect(d.examples.map((e) => e.id), `${direction} ${d.theme}`).toEqual(raw.find((r) => r._id === d.theme)?.examples.map((e) => e.id) ?? []);
        expect(d.examples.length).toBeGreaterThan(0);
      }
    }

    // Head-to-head from rollups = the brand's counted mentions naming each competitor.
    const h2h = await store.aggregate<{ _id: string; total: number; churn: number }>('rollups', headToHeadPipeline('bench0', range));
    const named = await store.aggregate<{ _id: string; total: number }>('mentions', [
      { $match: { brand: 'bench0', publishedAt: { $gte: range.from, $lt: range.to } } },
      { $match: { duplicateOf: null, notAboutUs: null, 'meta.dateMissing': { $ne: true } } },
      { $unwind: '$competitors' },
      { $group: { _id: '$competitors', total: { $sum: 1 } } },
    ]);
    expect(sortRows(h2h.map(({ _id, total }) => ({ _id, total })))).toEqual(sortRows(named));
    expect(named.length).toBe(2);
  });

  if (name === 'sqlite') {
    it('the report queries the dashboard calls most run in SQL, not mingo (the pushdown is not skipped)', () => {
      const range = resolveRange(undefined, undefined, 90, NOW);
      const tp = TrendParams.parse({ brand: 'bench0', by: 'source' });
      const tq = ThemesParams.parse({ brand: 'bench0' });
      const gp = GapsParams.parse({ brand: 'bench0' });
      const onRollups = [...Object.values(gapsPipelines(gp, range, ['delivery'])), trendPipeline(tp, range), trendPipeline(tp, range, 'delivery'), trendThemeBreakdownPipeline(tp, range), ...Object.values(themesPipelines(tq, range)), ...Object.values(sovPipelines(['bench0', 'bench1'], range)), headToHeadPipeline('bench0', range)];
      for (const p of onRollups) expect(pushdownPipeline(p, ROLLUPS).query.group, JSON.stringify(p)).toBeDefined();
      const ap = AdvocacyParams.parse({ brand: 'bench0' });
      expect(pushdownPipeline(npsPipeline(ap, range), MENTIONS).query.group).toBeDefined();
      expect(pushdownPipeline(npsFromRollupsPipeline(ap, range), ROLLUPS).query.group).toBeDefined();
      expect(pushdownPipeline(churnByCompetitorFromRollupsPipeline(ap, range), ROLLUPS).rest).toEqual([]);
      // Advocacy's lists: each filtered, grouped or sorted in SQL, so only the rows shown are decoded.
      const lists = advocacyPipelines(ap, range, range.to, ['bench0:x']);
      const pushed = Object.fromEntries(Object.entries(lists).map(([k, p]) => [k, pushdownPipeline(p, MENTIONS)]));
      expect(pushed.advocates!.query.group).toBeDefined();
      expect(pushed.advocates!.rest).toEqual([]);
      expect(pushed.churnByCompetitor!.query.group).toBeDefined();
      expect(pushed.churnByCompetitor!.rest).toEqual([]);
      expect(pushed.moments!.query.topN).toBeDefined();
      expect(pushed.recovery!.query.topN).toBeDefined();
      expect(pushed.churn!.query.limit).toBe(ap.limit);
      for (const k of ['moments', 'recovery', 'churn']) expect(pushed[k]!.rest.every((st) => !('$sort' in st) && !('$limit' in st)), k).toBe(true);
      const hourly = hourlyPipeline('bench0', {}, range.from, range.to);
      const { query, rest } = pushdownPipeline(hourly, MENTIONS);
      expect(query.group).toBeDefined();
      // Its `$sort` on the group key runs in SQL too.
      expect(rest).toEqual([]);
      // With a theme filter: the `$unwind` of themes and the theme's own labels, through json_each.
      const byTheme = pushdownPipeline(hourlyPipeline('bench0', { theme: 'delivery' }, range.from, range.to), MENTIONS);
      expect(byTheme.query.group).toBeDefined();
      expect(byTheme.rest).toEqual([]);
    });
  }

  if (name === 'mongo') {
    it('MongoDB answers the main queries from its indexes (explain)', async () => {
      const url = process.env.MONGO_URL!.trim();
      const dbName = (store as unknown as { dbName?: string }).dbName;
      const client = new MongoClient(url);
      try {
        const dbs = (await client.db().admin().listDatabases()).databases.map((d) => d.name).filter((n) => n.startsWith('earshot_test_'));
        const db = client.db(dbName ?? dbs[dbs.length - 1]);
        const range = resolveRange(undefined, undefined, 90, NOW);
        const plan = async (coll: string, pipeline: Pipeline) => JSON.stringify(await db.collection(coll).aggregate(pipeline).explain('queryPlanner'));
        const tp = TrendParams.parse({ brand: 'bench0' });
        expect(await plan('rollups', trendPipeline(tp, range))).toContain('"indexName":"brand_1_date_1"');
        expect(await plan('mentions', hourlyPipeline('bench0', {}, range.from, range.to))).toContain('"indexName":"brand_1_publishedAt_1"');
        const dup = JSON.stringify(await db.collection('mentions').find({ brand: { $in: ['bench0'] }, dupKeys: { $in: ['k'] } }).explain('queryPlanner'));
        expect(dup).toContain('"indexName":"dupKeys_1_brand_1"');
        const withTheme = JSON.stringify(await db.collection('mentions').find({ brand: 'bench0', 'themes.theme': 'delivery', publishedAt: { $gte: range.from } }).explain('queryPlanner'));
        expect(withTheme).toMatch(/"indexName":"brand_1_themes\.theme_1_publishedAt_1"|"indexName":"brand_1_publishedAt_1"/);
      } finally {
        await client.close();
      }
    });
  }
});

/** With MONGO_URL set, both stores' outputs are compared with each other as well. */
describe.runIf(storeLegs().length > 1)('parity between SQLite and MongoDB', () => {
  it('the same mentions give the same rounded outputs on both', async () => {
    const results: Array<Record<string, unknown>> = [];
    for (const leg of storeLegs()) {
      const { store, cleanup } = await leg.fresh();
      try {
        await seed(store, mentions());
        results.push(await outputs(store));
      } finally {
        await cleanup();
      }
    }
    for (const key of Object.keys(results[0]!)) expect(results[1]![key], key).toEqual(results[0]![key]);
  }, 180_000);
});
