/**
 * Reports benchmark: seeds synthetic mentions (default 1,000,000 over 365 days for 5 brands) into the SQLite store
 * and times every report over a 90-day range, and on MongoDB too when MONGO_URL is set.
 *
 *   npx tsx bench/reports.ts [--total 1000000] [--days 365] [--all-mentions] [--data-dir DIR]
 *
 * `--data-dir DIR` keeps the SQLite store there (seeded only when empty) to re-run the reports against it.
 *
 * Seeding streams the generator into the store in chunks of 5,000 (a million mentions never sit in memory); the
 * rollups of all mentions are written directly from the generator (the same sums the ingest stage's rollup pipeline
 * computes). `--all-mentions` stores every brand's mentions (the target); without it only the measured brand
 * `bench0` (~200,000 for the defaults: everything reports that read mentions can touch).
 *
 * The reports then run in a separate process (`bench/reports-run.ts`), as `earshot report` would: it opens the store
 * (timed), runs each report 3 times (median) and reports its own peak RSS. As a peer in the same run it computes
 * the weekly trend from raw mentions instead of rollups.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { MongoClient } from 'mongodb';
import type { Mention } from '../src/domain/mention.js';
import { MongoStore } from '../src/store/mongo.js';
import { SqliteStore } from '../src/store/sqlite.js';
import type { Rollup, Store } from '../src/store/store.js';
import { BRANDS, END, measure, PEERS, RANGE } from './reports-cases.js';
import { generate } from './reports-data.js';

const { values } = parseArgs({
  options: { 'data-dir': { type: 'string' }, total: { type: 'string', default: '1000000' }, days: { type: 'string', default: '365' }, 'all-mentions': { type: 'boolean', default: false } },
});
const TOTAL = Number(values.total);
const DAYS = Number(values.days);

interface Seeded {
  mentions: number;
  mentionsMs: number;
  rollupsMs: number;
}

/**
 * Generates the mentions and stores them in chunks of 5,000 as they come, then the rollups. The generator calls back
 * synchronously; the SQLite store runs each write synchronously inside `upsertMentions`, so chunks are written as
 * they fill (their promises are awaited at the end), while MongoDB's are awaited one by one after generation.
 */
async function seedStore(store: Store, keepAll: boolean): Promise<Seeded & { rollups: Rollup[] }> {
  let chunk: Mention[] = [];
  let mentions = 0;
  let mentionsMs = 0;
  const pending: Promise<unknown>[] = [];
  const later: Mention[][] = [];
  const flush = () => {
    const s = performance.now();
    if (store instanceof SqliteStore) pending.push(store.upsertMentions(chunk));
    else later.push(chunk);
    mentionsMs += performance.now() - s;
    mentions += chunk.length;
    chunk = [];
  };
  const rollups = generate({ total: TOTAL, days: DAYS, brands: BRANDS, end: END }, (m) => {
    if (!keepAll && m.brand !== 'bench0') return;
    chunk.push(m);
    if (chunk.length === 5000) flush();
  });
  if (chunk.length > 0) flush();
  let s = performance.now();
  await Promise.all(pending);
  for (const c of later) await store.upsertMentions(c);
  mentionsMs += performance.now() - s;
  s = performance.now();
  for (let i = 0; i < rollups.length; i += 2000) {
    const part = rollups.slice(i, i + 2000);
    await store.replaceRollups(part, part);
  }
  return { mentions, mentionsMs, rollupsMs: performance.now() - s, rollups };
}

const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);

interface Result {
  name: string;
  seed: Seeded;
  times: Map<string, number>;
  openMs?: number;
  peakRssMb?: number;
}

async function main(): Promise<void> {
  const keepAll = values['all-mentions'] === true;
  process.stdout.write(`${TOTAL.toLocaleString('en')} mentions over ${DAYS} days for ${BRANDS.length} brands, storing ${keepAll ? 'all of them' : 'brand bench0 only'}…\n`);
  const results: Result[] = [];
  const kept = values['data-dir'];
  const dataDir = kept ?? (await mkdtemp(path.join(tmpdir(), 'earshot-bench-')));
  try {
    const store = await SqliteStore.open({ dataDir });
    let seed: Seeded = { mentions: await store.countMentions(), mentionsMs: Number.NaN, rollupsMs: Number.NaN };
    if (seed.mentions === 0) {
      const g0 = performance.now();
      const { rollups: _r, ...seeded } = await seedStore(store, keepAll);
      seed = seeded;
      process.stdout.write(`seeded SQLite in ${fmt(performance.now() - g0)} (generation included)\n`);
    } else process.stdout.write(`reusing ${seed.mentions.toLocaleString('en')} mentions in ${dataDir}\n`);
    await store.close();
    const runner = fileURLToPath(new URL('./reports-run.ts', import.meta.url));
    const child = spawnSync(process.execPath, ['--import', 'tsx', runner, dataDir], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
    if (child.status !== 0) throw new Error(`report process failed: ${child.stderr}`);
    const out = JSON.parse(child.stdout.trim().split('\n').pop()!) as { openMs: number; times: Record<string, number>; peakRssMb: number };
    results.push({ name: 'sqlite', seed, times: new Map(Object.entries(out.times)), openMs: out.openMs, peakRssMb: out.peakRssMb });
  } finally {
    if (!kept) await rm(dataDir, { recursive: true, force: true });
  }

  const mongoUrl = process.env.MONGO_URL?.trim();
  if (mongoUrl) {
    const dbName = `earshot_bench_${Date.now().toString(36)}`;
    const store = await MongoStore.connect({ url: mongoUrl, dbName });
    try {
      const { rollups: _r, ...seed } = await seedStore(store, keepAll);
      results.push({ name: 'mongo', seed, times: await measure(store) });
    } finally {
      await store.close();
      const admin = new MongoClient(mongoUrl);
      await admin.db(dbName).dropDatabase().finally(() => admin.close());
    }
  }

  process.stdout.write('\nseeding: ');
  process.stdout.write(results.map((r) => `${r.name}: ${r.seed.mentions.toLocaleString('en')} mentions in ${fmt(r.seed.mentionsMs)} (${Math.round(r.seed.mentions / (r.seed.mentionsMs / 1000)).toLocaleString('en')}/s), rollups in ${fmt(r.seed.rollupsMs)}`).join(' · '));
  for (const r of results) {
    if (r.openMs !== undefined) process.stdout.write(`\n${r.name} report process: store opened in ${fmt(r.openMs)}, peak RSS ${Math.round(r.peakRssMb!)} MB`);
  }
  process.stdout.write(`\n\nreport times for brand bench0, ${RANGE.from} – ${RANGE.to} (90 days), median of 3:\n\n`);
  const labels = [...results[0]!.times.keys()];
  const w = Math.max(...labels.map((l) => l.length));
  const head = ['report'.padEnd(w), ...results.map((r) => r.name.padStart(10)), ...(results.length > 1 ? ['  mongo/sqlite'] : [])];
  process.stdout.write(`${head.join('  ')}\n`);
  for (const l of labels) {
    const cells = results.map((r) => fmt(r.times.get(l)!).padStart(10));
    const ratio = results.length > 1 ? [`  ${(results[1]!.times.get(l)! / results[0]!.times.get(l)!).toFixed(2)}×`.padStart(14)] : [];
    process.stdout.write(`${[l.padEnd(w), ...cells, ...ratio].join('  ')}\n`);
  }
  for (const r of results) {
    for (const [label, peer] of Object.entries(PEERS)) {
      const derived = r.times.get(label)!;
      const raw = r.times.get(peer)!;
      process.stdout.write(`\n${r.name}: ${label} ${fmt(derived)} vs ${peer.replace(/^peer: /, '')} ${fmt(raw)}: ${(raw / derived).toFixed(1)}× faster${derived <= 300 ? ' (interactive)' : ' (NOT under 300 ms)'}`);
    }
  }
  process.stdout.write('\n');
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 1;
});
