import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../../crawlers/lib/browser/playwright-crawl.js';
import { startDemoSite, type DemoSite } from '../../src/demo/index.js';
import { REDIS_SERVER, startRedis, type OwnRedis } from '../integration/queue/redis-server.js';
import {
  BROWSER_SOURCE,
  cleanCrawl,
  drainWithWorker,
  earshotHere,
  enqueueCrawls,
  outcome,
  queueOf,
  scenario,
  startWorker,
  waitForStage,
  type Outcome,
  type Scenario,
  type WorkerProcess,
} from './worker-helpers.js';

/** The Chromium processes a worker has launched (its direct children running the browser). */
function chromiumChildren(w: WorkerProcess): number[] {
  try {
    const out = execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', String(w.child.pid)], { encoding: 'utf8' });
    return out
      .split('\n')
      .filter((l) => /chrom/i.test(l))
      .map((l) => Number(l.trim().split(/\s+/)[0]));
  } catch {
    return [];
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Starts a browser crawl on a worker and sends SIGTERM once Chromium is up and the crawl is under way. */
async function sigtermMidCrawl(redisUrl: string, s: Scenario, settleMs = 500): Promise<{ w: WorkerProcess; browsers: number[]; seconds: number }> {
  const q = queueOf(redisUrl, s);
  await enqueueCrawls(q, s);
  await q.close(1_000);
  const w = startWorker(s);
  await waitForStage(redisUrl, s, 'crawl');
  let browsers: number[] = [];
  // Up to 45 s: on a machine busy with other suites, launching Chromium alone can take many seconds.
  for (let i = 0; i < 450 && browsers.length === 0; i++) {
    await new Promise((r) => setTimeout(r, 100));
    browsers = chromiumChildren(w);
  }
  await new Promise((r) => setTimeout(r, settleMs));
  const t0 = Date.now();
  w.child.kill('SIGTERM');
  await w.exited;
  return { w, browsers, seconds: (Date.now() - t0) / 1000 };
}

describe.skipIf(!REDIS_SERVER || !chromiumAvailable())('SIGTERM while a worker crawls in Chromium', () => {
  let redis: OwnRedis;
  let site: DemoSite;
  let clean: Outcome;
  const scenarios: Scenario[] = [];
  const fresh = (env: NodeJS.ProcessEnv = {}) => {
    // No kill here: long locks, so a worker starved of CPU by Chromium on a busy machine never loses its job.
    const s = scenario(redis.url, site.url, [BROWSER_SOURCE], env, 20_000);
    scenarios.push(s);
    return s;
  };

  beforeAll(async () => {
    redis = await startRedis(['--appendonly', 'yes', '--save', '']);
    site = await startDemoSite();
    clean = await cleanCrawl(fresh());
  }, 120_000);
  afterAll(async () => {
    await site?.close();
    await redis?.stop();
    for (const s of scenarios) s.cleanup();
  });

  it('within the shutdown deadline: Chromium is not killed, the crawl finishes and is recorded ok', async () => {
    expect(clean.mentions).toBeGreaterThan(10);
    const s = fresh({ EARSHOT_SHUTDOWN_TIMEOUT_MS: '90000' });
    const { w, browsers } = await sigtermMidCrawl(redis.url, s);
    expect(browsers.length).toBeGreaterThan(0);
    expect(await w.exited, w.stderr()).toEqual({ code: 0, signal: null });
    expect(w.stderr()).toMatch(/SIGTERM received, finishing running jobs/);
    expect(w.stderr()).not.toMatch(/handed back/);
    expect((await outcome(s)).runs).toEqual([{ source: 'northwind/live-reviews', status: 'ok' }]);
    expect(browsers.filter(alive)).toEqual([]);
    // What it handed to analysis waits in Redis for the next worker.
    await drainWithWorker(redis.url, s);
    expect((await outcome(s)).mentions).toBe(clean.mentions);
  }, 180_000);

  it('past the shutdown deadline: the crawl is handed back to the queue (recorded interrupted) and the next worker does it', async () => {
    // SIGTERM as soon as Chromium is up, with a short deadline: on a quiet machine the whole browser crawl takes about
    // a second, so a later signal or a longer deadline would let it finish (and this case would test nothing).
    const s = fresh({ EARSHOT_SHUTDOWN_TIMEOUT_MS: '200' });
    const { w, browsers, seconds } = await sigtermMidCrawl(redis.url, s, 0);
    expect(browsers.length, 'Chromium was up when SIGTERM was sent').toBeGreaterThan(0);
    expect(await w.exited, w.stderr()).toEqual({ code: 0, signal: null });
    expect(seconds).toBeLessThan(0.2 + 10 + 5); // deadline + exit grace, with room for a busy machine
    expect(w.stderr()).toMatch(/job crawl \S+ handed back to the queue/);
    expect(browsers.filter(alive)).toEqual([]);
    const [run] = (await outcome(s)).runs;
    expect(run).toEqual({ source: 'northwind/live-reviews', status: 'interrupted' });
    const list = await earshotHere(s, ['schedule', 'list', '--json']);
    const row = (JSON.parse(list.stdout) as { schedules: Array<{ lastRun?: { status: string; interrupted?: { reason: string } } }> }).schedules[0]!;
    expect(row.lastRun!.interrupted!.reason).toMatch(/shutdown deadline passed, job handed back to the queue/);

    await drainWithWorker(redis.url, s);
    const after = await outcome(s);
    expect(after.runs.map((r) => r.status)).toEqual(['interrupted', 'ok']);
    expect(after.mentions).toBe(clean.mentions);
  }, 180_000);
});
