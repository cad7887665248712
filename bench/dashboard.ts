/// <reference lib="dom" />
/**
 * Dashboard benchmark (issue 14's targets), three parts, each next to a named peer measured in the same run:
 *
 * 1. JavaScript shipped, gzipped (target < 150 KB) — against the Swagger UI bundle the same server ships at /docs.
 * 2. First page usable on the demo data (target < 1 s): from the start of navigation to the overview's tiles and chart
 *    in the page (as the page's own clock saw it), median of 5 in Chromium — against the /docs page until Swagger UI has drawn the API's title.
 * 3. Every page's API calls on N synthetic mentions (default 1,000,000 over 365 days, 5 brands; target p95 < 400 ms):
 *    each page opened `--reps` times in Chromium against a server as `earshot serve` runs it (report threads, answers
 *    kept until the data changes), every /api call timed from the browser. The first opening of a page is computed
 *    (nothing kept yet: the figure the target is about); later openings are what a returning user sees. Peer: the
 *    first opening's calls answered in-process (`app.inject`) by a server computing every report on its own thread
 *    with nothing kept.
 *
 *   npx tsx bench/dashboard.ts [--total 1000000] [--reps 3] [--skip-1m] [--data-dir DIR]
 *
 * `--data-dir DIR` keeps part 3's store there and seeds it only when it holds no mention (`bench/reports.ts --data-dir`
 * seeds the same data).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { bundleDashboard } from '../src/api/dashboard.js';
import { createKey } from '../src/api/keys.js';
import { availableParallelism } from 'node:os';
import { ReportPool } from '../src/api/report-pool.js';
import { buildApiServer } from '../src/api/server.js';
import { parseConfig } from '../src/config/load.js';
import type { Mention } from '../src/domain/mention.js';
import { SqliteStore } from '../src/store/sqlite.js';
import { launchBrowser, openView, signIn, startDemoServe } from '../test/e2e/dashboard-helpers.js';
import { generate } from './reports-data.js';

const { values } = parseArgs({ options: { total: { type: 'string', default: '1000000' }, reps: { type: 'string', default: '3' }, 'skip-1m': { type: 'boolean', default: false }, 'data-dir': { type: 'string' } } });
const TOTAL = Number(values.total);
const REPS = Number(values.reps);
const PAGES = ['overview', 'themes', 'mentions', 'inbox', 'advocacy', 'competitors', 'goals', 'emerging', 'alerts', 'sources'];
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n: number) => `${n.toFixed(0)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(0.95 * xs.length) - 1)]!;
const out = (s: string) => process.stdout.write(`${s}\n`);

async function size(): Promise<void> {
  const { js, css } = await bundleDashboard();
  const swagger = await readFile(path.join(path.dirname(createRequire(import.meta.url).resolve('@fastify/swagger-ui')), 'static', 'swagger-ui-bundle.js'));
  const ours = gzipSync(js, { level: 9 }).length;
  const peer = gzipSync(swagger, { level: 9 }).length;
  out('1. JavaScript shipped (gzip -9)');
  out(`   dashboard app.js   ${kb(ours).padStart(9)} (raw ${kb(js.length)}; app.css ${kb(gzipSync(css).length)} gzipped)   target < 150 KB: ${ours < 150 * 1024 ? 'met' : 'NOT met'}`);
  out(`   peer: Swagger UI   ${kb(peer).padStart(9)} (the /docs page's bundle)   ratio ${(ours / peer).toFixed(2)}×`);
}

async function firstPage(): Promise<void> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'earshot-bench-dash-'));
  const demo = await startDemoServe(dataDir);
  const browser = await launchBrowser();
  try {
    const ours: number[] = [];
    const docs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const context = await browser.newContext();
      const warm = await signIn(context, demo.base, demo.key);
      await warm.close();
      ours.push(await usableAfter(await context.newPage(), `${demo.base}/#/overview?brand=northwind`, '[data-testid="tile-Volume"]', '.chart canvas'));
      docs.push(await usableAfter(await context.newPage(), `${demo.base}/docs`, '.swagger-ui .info .title'));
      await context.close();
    }
    out('\n2. First page usable on the demo data (Chromium, median of 5, each in a fresh browser context)');
    out(`   overview: tiles + chart   ${ms(median(ours)).padStart(7)}   target < 1 s: ${median(ours) < 1000 ? 'met' : 'NOT met'}`);
    out(`   peer: /docs (Swagger UI)  ${ms(median(docs)).padStart(7)}   ratio ${(median(ours) / median(docs)).toFixed(2)}×`);
  } finally {
    await browser.close();
    await demo.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/**
 * Milliseconds from the start of navigation until every selector is in the page, as the page itself saw it (a
 * MutationObserver installed before any script runs), so the harness's own latency is not counted.
 */
async function usableAfter(page: Page, url: string, ...selectors: string[]): Promise<number> {
  // A string, not a function: tsx's transform would add helpers to a function's source that the page lacks.
  await page.addInitScript(`(() => {
    const sels = ${JSON.stringify(selectors)};
    const check = () => {
      if (window.__usableAt === undefined && sels.every((s) => document.querySelector(s))) window.__usableAt = performance.now();
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true });
  })();`);
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __usableAt?: number }).__usableAt !== undefined, undefined, { timeout: 60_000 });
  return page.evaluate(() => (window as unknown as { __usableAt: number }).__usableAt);
}

async function atScale(): Promise<void> {
  const BRANDS = ['bench0', 'bench1', 'bench2', 'bench3', 'bench4'];
  const END = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()));
  const dir = values['data-dir'] ?? (await mkdtemp(path.join(tmpdir(), 'earshot-bench-dash-1m-')));
  out(`\n3. Every page's API calls on ${TOTAL.toLocaleString('en')} mentions (SQLite; each page opened ${REPS}× in Chromium)`);
  const store = await SqliteStore.open({ dataDir: dir });
  if ((await store.findMentions({}, { limit: 1 })).length === 0) {
    let batch: Mention[] = [];
    const rollups = generate({ total: TOTAL, days: 365, brands: BRANDS, end: END }, (m) => {
      batch.push(m);
      if (batch.length === 5000) {
        void store.upsertMentions(batch);
        batch = [];
      }
    });
    await store.upsertMentions(batch);
    for (let i = 0; i < rollups.length; i += 2000) await store.replaceRollups(rollups.slice(i, i + 2000), rollups.slice(i, i + 2000));
  }
  const config = parseConfig(
    `brands:\n  - { id: bench0, name: Bench Zero, competitors: [{ id: bench1, name: Bench One }, { id: bench2, name: Bench Two }], goals: [{ metric: net_sentiment, min: 0.4 }, { metric: stars, min: 4.3 }], sources: [{ kind: reddit, name: reddit }] }\n${BRANDS.slice(1).map((b) => `  - { id: ${b}, name: ${b}, sources: [{ kind: reddit, name: reddit }] }`).join('\n')}\nalerts:\n  - { name: bench0-negative, kind: negative_spike, brand: bench0 }\n`,
    'bench.yaml',
    { env: {} },
  );
  const { key } = await createKey(store, { name: `bench-dashboard-${process.pid}-${Date.now()}`, scope: 'write' });
  const threads = Math.min(4, availableParallelism());
  const pool = await ReportPool.start({ dataDir: dir, threads });
  const app = await buildApiServer({ config, store }, { logger: false, rateLimitPerMinute: 1e9, reportPool: pool });
  const peer = await buildApiServer({ config, store }, { logger: false, rateLimitPerMinute: 1e9, reportCache: false, dashboard: false });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  out(`   (server: ${threads} report threads, answers kept until the data changes)`);
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext();
    const page = await signIn(context, base, key);
    page.setDefaultTimeout(120_000);
    out(`   ${'page'.padEnd(12)} ${'calls'.padStart(5)} ${'first p95'.padStart(9)} ${'max'.padStart(8)}   ${'returning p95'.padStart(13)}   ${'in-process p95'.padStart(14)}   ratio   slowest first call`);
    for (const name of PAGES) {
      const timed = await timePage(page, base, name);
      const first = timed.filter((c) => c.rep === 0);
      const later = timed.filter((c) => c.rep > 0).map((c) => c.ms);
      const local: number[] = [];
      for (const { url } of first) {
        const t = performance.now();
        await peer.inject({ method: 'GET', url, headers: { authorization: `Bearer ${key}` } });
        local.push(performance.now() - t);
      }
      const times = first.map((c) => c.ms);
      const slowest = first.reduce((a, b) => (b.ms > a.ms ? b : a));
      out(
        `   ${name.padEnd(12)} ${String(first.length).padStart(5)} ${ms(p95(times)).padStart(9)} ${ms(Math.max(...times)).padStart(8)}   ${(later.length ? ms(p95(later)) : '–').padStart(13)}   ${ms(p95(local)).padStart(14)}   ${(p95(times) / p95(local)).toFixed(2)}×   ${slowest.url.split('?')[0]} ${p95(times) < 400 ? '' : '(p95 ≥ 400 ms)'}`,
      );
    }
  } finally {
    await browser.close();
    await app.close();
    await peer.close();
    await pool.close();
    await store.close();
    if (!values['data-dir']) await rm(dir, { recursive: true, force: true });
  }
}

/** Opens a page `REPS` times (a fresh document each time) and returns every /api call it made, with its time. */
async function timePage(page: Page, base: string, name: string): Promise<{ url: string; ms: number; rep: number }[]> {
  const calls: { url: string; ms: number; rep: number }[] = [];
  let rep = 0;
  const on = (req: import('playwright-core').Request) => {
    const u = new URL(req.url());
    if (!u.pathname.startsWith('/api/v1')) return;
    const t = req.timing();
    calls.push({ url: u.pathname + u.search, ms: t.responseEnd, rep });
  };
  page.on('requestfinished', on);
  for (let i = 0; i < REPS; i++) {
    rep = i;
    await page.goto('about:blank');
    await openView(page, base, `${name}?brand=bench0`).catch(async (err: Error) => {
      throw new Error(`${name}: ${err.message.split('\n')[0]}; the page says: ${(await page.textContent('main#page').catch(() => ''))?.slice(0, 300)}`);
    });
  }
  page.off('requestfinished', on);
  return calls;
}

async function main(): Promise<void> {
  await size();
  await firstPage();
  if (!values['skip-1m']) await atScale();
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
