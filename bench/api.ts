/**
 * API benchmark: seeds synthetic mentions into a SQLite store (default 1,000,000 over 365 days for 5 brands, all
 * stored), starts a real `earshot serve` on it, and loads trend, themes, advocacy and a mentions page with autocannon
 * at 10 concurrent clients. Each line is printed next to the same call made in-process (the report function or the
 * store query, called one after the other), so the ratio is what HTTP, auth, validation and JSON cost.
 *
 *   npx tsx bench/api.ts [--total 1000000] [--days 365] [--seconds 10] [--data-dir DIR]
 *
 * `--data-dir DIR` keeps the store there and seeds it only when it holds no mention (`bench/reports.ts --data-dir` seeds
 * the same data), so a re-run skips the minute of seeding.
 *
 * `BENCH_REPORT_THREADS=N` starts the server with `--report-threads N` (default auto; 0: reports on the server thread).
 *
 * Each report is loaded twice at 10 clients: all asking the same view (as a team opening one dashboard page: the
 * server computes it once and keeps the answer until the data changes) and each request a different view (another window
 * of the range, never asked before, so no answer is reused: what computing costs under concurrency).
 *
 * Targets (issue 13): HTTP overhead ≤ 1.3× the in-process call; p99 of every report endpoint ≤ 400 ms.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { createKey } from '../src/api/keys.js';
import { buildMentionFilter, MentionFilters } from '../src/api/mention-query.js';
import { Brand } from '../src/domain/brand.js';
import { runReport } from '../src/reports/index.js';
import { SqliteStore } from '../src/store/sqlite.js';
import type { Mention } from '../src/domain/mention.js';
import { generate } from './reports-data.js';

const { values } = parseArgs({ options: { total: { type: 'string', default: '1000000' }, days: { type: 'string', default: '365' }, seconds: { type: 'string', default: '10' }, 'data-dir': { type: 'string' } } });
const TOTAL = Number(values.total);
const DAYS = Number(values.days);
const SECONDS = Number(values.seconds);
const BRANDS = ['bench0', 'bench1', 'bench2', 'bench3', 'bench4'];
const END = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()));
const FROM = new Date(END.getTime() - 89 * 86_400_000).toISOString().slice(0, 10);
const TO = END.toISOString().slice(0, 10);
const ROOT = path.resolve(import.meta.dirname, '..');

const brand = Brand.parse({ id: 'bench0', name: 'Bench Zero', competitors: [{ id: 'bench1', name: 'Bench One' }, { id: 'bench2', name: 'Bench Two' }] });

const CASES = [
  { label: 'trend (week)', path: `/api/v1/brands/bench0/reports/trend?from=${FROM}&to=${TO}&interval=week`, kind: 'trend', params: { from: FROM, to: TO, interval: 'week' } },
  { label: 'themes', path: `/api/v1/brands/bench0/reports/themes?from=${FROM}&to=${TO}`, kind: 'themes', params: { from: FROM, to: TO } },
  { label: 'advocacy', path: `/api/v1/brands/bench0/reports/advocacy?from=${FROM}&to=${TO}`, kind: 'advocacy', params: { from: FROM, to: TO } },
  { label: 'mentions page (50, negative)', path: '/api/v1/mentions?brand=bench0&label=negative&limit=50', kind: null, params: {} },
] as const;

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
const DAY = 86_400_000;
const day = (d: Date) => d.toISOString().slice(0, 10);

/** Views asked so far: each distinct-view request takes the next, so none is ever asked twice in a run. */
let viewSeq = 0;

/**
 * autocannon requests each asking a view not asked before: a window of 59…119 days (89, 90, 88, 91, … so the first
 * ones are as long as the in-process peer's 90) ending 0…199 days before the bench's end (12,200 distinct windows), so
 * no kept answer can serve it.
 */
function viewAt(i: number): { from: string; to: string } {
  const k = i % 61;
  const days = 89 + (k % 2 ? (k + 1) / 2 : -k / 2);
  const end = new Date(END.getTime() - (Math.floor(i / 61) % 200) * DAY);
  return { from: day(new Date(end.getTime() - (days - 1) * DAY)), to: day(end) };
}

function distinctViews(c: (typeof CASES)[number], seq = () => viewSeq++): autocannon.Request[] | undefined {
  if (!c.kind) return undefined;
  return [
    {
      setupRequest: (req) => {
        const v = viewAt(seq());
        return { ...req, path: c.path.replace(`from=${FROM}`, `from=${v.from}`).replace(`to=${TO}`, `to=${v.to}`) };
      },
    },
  ];
}

/** The in-process peer of the one-client distinct views: the same windows, one after the other, mean ms. */
async function inProcessViews(store: SqliteStore, c: (typeof CASES)[number], first: number, n: number): Promise<number> {
  let total = 0;
  for (let i = first; i < first + n; i++) {
    const s = performance.now();
    if (c.kind) await runReport(c.kind, { store, brand }, { ...c.params, ...viewAt(i) });
    else await store.findMentions(await buildMentionFilter({ store }, ['bench0'], MentionFilters.parse({ label: 'negative' })), { sort: { publishedAt: -1, _id: -1 }, limit: 51 });
    total += performance.now() - s;
  }
  return total / n;
}

/** New views asked by one client over HTTP and then in-process (the overhead's figure: more views, less noise). */
const SINGLE_VIEWS = 20;

const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

let probes = 0;

/**
 * Waits until the server is idle again: a one-day trend never asked before (so it is computed, on a report thread
 * behind whatever a load left queued there) answers within 50 ms. `/healthz` is no sign of it: the server's own
 * thread answers that at once while report threads still work through a queue.
 */
async function drained(base: string, headers: Record<string, string>): Promise<void> {
  for (;;) {
    const p = probes++;
    const start = END.getTime() - (200 + (p % 150)) * DAY;
    const url = `${base}/api/v1/brands/bench1/reports/trend?from=${day(new Date(start))}&to=${day(new Date(start + Math.floor(p / 150) * DAY))}&interval=day`;
    const t = performance.now();
    const res = await fetch(url, { headers });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`idle probe answered ${res.status}`);
    if (performance.now() - t < 50) return;
  }
}

async function inProcess(store: SqliteStore, c: (typeof CASES)[number]): Promise<{ rps: number; p50: number; p99: number }> {
  const times: number[] = [];
  const until = performance.now() + SECONDS * 1000;
  while (performance.now() < until) {
    const s = performance.now();
    if (c.kind) await runReport(c.kind, { store, brand }, { ...c.params });
    else await store.findMentions(await buildMentionFilter({ store }, ['bench0'], MentionFilters.parse({ label: 'negative' })), { sort: { publishedAt: -1, _id: -1 }, limit: 51 });
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  return { rps: times.length / SECONDS, p50: pct(times, 50), p99: pct(times, 99) };
}

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'earshot-bench-api-'));
  const dataDir = values['data-dir'] ?? path.join(dir, 'data');
  const config = path.join(dir, 'earshot.yaml');
  await writeFile(config, `brands:\n${BRANDS.map((b) => `  - { id: ${b}, name: ${b}, sources: [{ kind: reddit, name: reddit }] }`).join('\n')}\n`);
  const store = await SqliteStore.open({ dataDir });
  if ((await store.findMentions({}, { limit: 1 })).length > 0) process.stdout.write(`using the mentions stored in ${dataDir}\n`);
  else {
    process.stdout.write(`seeding ${TOTAL.toLocaleString('en')} mentions over ${DAYS} days for ${BRANDS.length} brands…\n`);
    let batch: Mention[] = [];
    const pending: Promise<unknown>[] = [];
    const rollups = generate({ total: TOTAL, days: DAYS, brands: BRANDS, end: END }, (m) => {
      batch.push(m);
      if (batch.length === 5000) {
        pending.push(store.upsertMentions(batch));
        batch = [];
      }
    });
    pending.push(store.upsertMentions(batch));
    await Promise.all(pending);
    for (let i = 0; i < rollups.length; i += 2000) await store.replaceRollups(rollups.slice(i, i + 2000), rollups.slice(i, i + 2000));
  }
  const { key } = await createKey(store, { name: `bench-api-${process.pid}-${Date.now()}`, scope: 'read' });

  const server = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/main.ts'), 'serve', '--port', '0', '--no-schedules', '--report-threads', process.env.BENCH_REPORT_THREADS ?? 'auto', '--config', config], {
    cwd: ROOT,
    env: { ...process.env, EARSHOT_DATA_DIR: dataDir, EARSHOT_LOG_LEVEL: 'warn', EARSHOT_API_RATE_LIMIT: '100000000', MONGO_URL: '', REDIS_URL: '' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const base = await new Promise<string>((resolve, reject) => {
    let err = '';
    server.stderr.on('data', (d) => {
      err += d;
      const m = /listening on (http:\/\/[\d.:]+)/.exec(err);
      if (m) resolve(m[1]!);
    });
    server.on('exit', (code) => reject(new Error(`earshot serve exited ${code}: ${err}`)));
  });

  const col = (x: string, w = 9) => x.padStart(w);
  process.stdout.write(
    `\n${'endpoint'.padEnd(30)}  ${col('same view: req/s', 16)}  ${col('p50')}  ${col('p99')}  │  ${col('distinct: req/s', 15)}  ${col('p50')}  ${col('p99')}  │  ${col('in-process p50', 14)}  │  HTTP/in-process (1 client, the same ${SINGLE_VIEWS} new views, mean)\n`,
  );
  try {
    for (const c of CASES) {
      const local = await inProcess(store, c);
      const headers = { authorization: `Bearer ${key}` };
      const load = async (requests: autocannon.Request[] | undefined, connections: number, amount?: number) => {
        const r = await autocannon({ url: `${base}${c.path}`, connections, ...(amount ? { amount } : { duration: SECONDS }), timeout: 120, headers, ...(requests ? { requests } : {}) });
        if (r.non2xx > 0) throw new Error(`${c.label}: ${r.non2xx} non-2xx answers`);
        await drained(base, headers);
        return r;
      };
      const same = await load(undefined, 10);
      const distinct = c.kind ? await load(distinctViews(c), 10) : undefined;
      // One client, one request at a time, each a view not asked before, against the same views computed in-process:
      // what HTTP, auth, validation, the report thread and JSON add.
      const first = viewSeq;
      viewSeq += SINGLE_VIEWS;
      let next = first;
      const single = await load(distinctViews(c, () => next++), 1, SINGLE_VIEWS);
      const peer = await inProcessViews(store, c, first, SINGLE_VIEWS);
      process.stdout.write(
        `${c.label.padEnd(30)}  ${col((same.requests.total / SECONDS).toFixed(1), 16)}  ${col(fmt(same.latency.p50))}  ${col(fmt(same.latency.p99))}  │  ${col(distinct ? (distinct.requests.total / SECONDS).toFixed(1) : '–', 15)}  ${col(distinct ? fmt(distinct.latency.p50) : '–')}  ${col(distinct ? fmt(distinct.latency.p99) : '–')}  │  ${col(fmt(local.p50), 14)}  │  ${(single.latency.average / peer).toFixed(2)}× (${fmt(single.latency.average)} vs ${fmt(peer)})\n`,
      );
    }
  } finally {
    server.kill('SIGTERM');
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
