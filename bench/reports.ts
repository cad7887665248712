/**
 * Reports benchmark: seeds synthetic mentions (default 1,000,000 over 365 days for 5 brands) and times every report
 * over a 90-day range on the SQLite store, and on MongoDB too when MONGO_URL is set.
 *
 *   npx tsx bench/reports.ts [--total 1000000] [--days 365] [--all-mentions]
 *
 * Seeding: the rollups of all mentions are written directly from the generator (the same sums the ingest stage's
 * rollup pipeline computes), because pushing a million mentions through nedb needs ~2 GB of heap. The mentions
 * collection gets every mention of the measured brand (`bench0`, ~200,000 for the defaults: everything reports
 * that read mentions can touch); `--all-mentions` stores all of them (needs a large heap:
 * NODE_OPTIONS=--max-old-space-size=6144). Prints each report's median of 3 runs, and as a peer in the same run the
 * trend computed from raw mentions instead of rollups.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { MongoClient } from 'mongodb';
import { Brand } from '../src/domain/brand.js';
import type { Mention } from '../src/domain/mention.js';
import { runReport } from '../src/reports/index.js';
import { SqliteStore } from '../src/store/sqlite.js';
import { MongoStore } from '../src/store/mongo.js';
import type { Pipeline, Rollup, Store } from '../src/store/store.js';
import { generate } from './reports-data.js';

const { values } = parseArgs({
  options: { total: { type: 'string', default: '1000000' }, days: { type: 'string', default: '365' }, 'all-mentions': { type: 'boolean', default: false } },
});
const TOTAL = Number(values.total);
const DAYS = Number(values.days);
const BRANDS = ['bench0', 'bench1', 'bench2', 'bench3', 'bench4'];
const END = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()));
const RANGE = { from: new Date(END.getTime() - 89 * 86_400_000).toISOString().slice(0, 10), to: END.toISOString().slice(0, 10) };

const brand = Brand.parse({
  id: 'bench0',
  name: 'Bench Zero',
  competitors: [
    { id: 'bench1', name: 'Bench One' },
    { id: 'bench2', name: 'Bench Two' },
  ],
  goals: [
    { metric: 'net_sentiment', min: 0.4 },
    { metric: 'net_sentiment', theme: 'delivery', min: 0.2 },
    { metric: 'stars', min: 4.3 },
  ],
});

const CASES: Array<{ label: string; kind: string; params: Record<string, unknown> }> = [
  { label: 'trend (week, rollups)', kind: 'trend', params: { interval: 'week' } },
  { label: 'trend (day, by source)', kind: 'trend', params: { interval: 'day', by: 'source' } },
  { label: 'trend --theme delivery (mentions)', kind: 'trend', params: { theme: 'delivery' } },
  { label: 'themes (+ drivers)', kind: 'themes', params: {} },
  { label: 'advocacy', kind: 'advocacy', params: {} },
  { label: 'sov', kind: 'sov', params: {} },
  { label: 'gaps', kind: 'gaps', params: { interval: 'month' } },
  { label: 'emerging (last 7 d vs 28 d)', kind: 'emerging', params: {} },
];

/** The weekly trend straight from mentions: what the rollups save us. */
function trendFromMentionsPipeline(): Pipeline {
  const from = new Date(`${RANGE.from}T00:00:00Z`);
  const to = new Date(END.getTime() + 86_400_000);
  const countIf = (c: unknown) => ({ $sum: { $cond: [c, 1, 0] } });
  return [
    { $match: { brand: 'bench0', publishedAt: { $gte: from, $lt: to } } },
    { $match: { duplicateOf: null } },
    {
      $group: {
        _id: { $dateTrunc: { date: '$publishedAt', unit: 'week', startOfWeek: 'monday' } },
        total: { $sum: 1 },
        positive: countIf({ $eq: ['$sentiment.label', 'positive'] }),
        negative: countIf({ $eq: ['$sentiment.label', 'negative'] }),
        scoreSum: { $sum: '$sentiment.score' },
        starsSum: { $sum: { $ifNull: ['$stars', 0] } },
        starsCount: countIf({ $isNumber: '$stars' }),
        churn: countIf({ $in: ['churn', { $ifNull: ['$intents', []] }] }),
      },
    },
    { $sort: { _id: 1 } },
  ];
}

async function time(fn: () => Promise<unknown>, runs = 3): Promise<number> {
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    await fn();
    t.push(performance.now() - s);
  }
  return t.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

async function seedStore(store: Store, mentions: Mention[], rollups: Rollup[]): Promise<{ mentionsMs: number; rollupsMs: number }> {
  let s = performance.now();
  for (let i = 0; i < mentions.length; i += 5000) await store.upsertMentions(mentions.slice(i, i + 5000));
  const mentionsMs = performance.now() - s;
  s = performance.now();
  for (let i = 0; i < rollups.length; i += 2000) {
    const chunk = rollups.slice(i, i + 2000);
    await store.replaceRollups(chunk, chunk);
  }
  return { mentionsMs, rollupsMs: performance.now() - s };
}

async function measure(store: Store): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const c of CASES) {
    // emerging reads its own window (the last 7 days before --to) rather than the 90-day range.
    const params: Record<string, unknown> = c.kind === 'emerging' ? { to: RANGE.to } : { ...RANGE, ...c.params };
    out.set(c.label, await time(() => runReport(c.kind, { store, brand, now: new Date(END.getTime() + 86_400_000) }, params)));
  }
  out.set('peer: weekly trend from raw mentions', await time(() => store.aggregate('mentions', trendFromMentionsPipeline())));
  return out;
}

const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);

async function main(): Promise<void> {
  const keepAll = values['all-mentions'] === true;
  process.stdout.write(`generating ${TOTAL.toLocaleString('en')} mentions over ${DAYS} days for ${BRANDS.length} brands…\n`);
  const kept: Mention[] = [];
  const g0 = performance.now();
  const rollups = generate({ total: TOTAL, days: DAYS, brands: BRANDS, end: END }, (m) => {
    if (keepAll || m.brand === 'bench0') kept.push(m);
  });
  process.stdout.write(`generated in ${fmt(performance.now() - g0)}: ${rollups.length.toLocaleString('en')} rollup buckets (all mentions), ${kept.length.toLocaleString('en')} mentions to store (${keepAll ? 'all' : 'brand bench0 only'})\n`);

  const results: Array<{ name: string; seed: { mentionsMs: number; rollupsMs: number }; times: Map<string, number> }> = [];
  const dataDir = await mkdtemp(path.join(tmpdir(), 'earshot-bench-'));
  try {
    const store = await SqliteStore.open({ dataDir });
    const seed = await seedStore(store, kept, rollups);
    results.push({ name: 'sqlite', seed, times: await measure(store) });
    await store.close();
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }

  const mongoUrl = process.env.MONGO_URL?.trim();
  if (mongoUrl) {
    const dbName = `earshot_bench_${Date.now().toString(36)}`;
    const store = await MongoStore.connect({ url: mongoUrl, dbName });
    try {
      const seed = await seedStore(store, kept, rollups);
      results.push({ name: 'mongo', seed, times: await measure(store) });
    } finally {
      await store.close();
      const admin = new MongoClient(mongoUrl);
      await admin.db(dbName).dropDatabase().finally(() => admin.close());
    }
  }

  process.stdout.write('\nseeding: ');
  process.stdout.write(results.map((r) => `${r.name}: ${kept.length.toLocaleString('en')} mentions in ${fmt(r.seed.mentionsMs)} (${Math.round(kept.length / (r.seed.mentionsMs / 1000)).toLocaleString('en')}/s), ${rollups.length.toLocaleString('en')} rollups in ${fmt(r.seed.rollupsMs)}`).join(' · '));
  process.stdout.write(`\n\nreport times for brand bench0, ${RANGE.from} – ${RANGE.to} (90 days), median of 3:\n\n`);
  const labels = [...results[0]!.times.keys()];
  const w = Math.max(...labels.map((l) => l.length));
  const head = ['report'.padEnd(w), ...results.map((r) => r.name.padStart(10)), ...(results.length > 1 ? ['  mongo/sqlite'] : [])];
  process.stdout.write(`${head.join('  ')}\n`);
  for (const l of labels) {
    const cells = results.map((r) => fmt(r.times.get(l)!).padStart(10));
    const ratio = results.length > 1 ? [`  ${(results[1]!.times.get(l)! / results[0]!.times.get(l)!).toFixed(2)}×`.padStart(16)] : [];
    process.stdout.write(`${[l.padEnd(w), ...cells, ...ratio].join('  ')}\n`);
  }
  for (const r of results) {
    const trend = r.times.get('trend (week, rollups)')!;
    const raw = r.times.get('peer: weekly trend from raw mentions')!;
    process.stdout.write(`\n${r.name}: trend from rollups ${fmt(trend)} vs from raw mentions ${fmt(raw)}: rollups are ${(raw / trend).toFixed(1)}× faster${trend < 1000 ? ' (interactive)' : ' (NOT under a second)'}`);
  }
  process.stdout.write('\n');
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 1;
});
