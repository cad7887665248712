import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoSite, type DemoSite } from '../../src/demo/index.js';
import { REDIS_SERVER, startRedis, type OwnRedis } from '../integration/queue/redis-server.js';
import {
  cleanCrawl,
  drainWithWorker,
  earshotHere,
  enqueueCrawls,
  HTTP_SOURCES,
  killHard,
  SLOW_SOURCE,
  outcome,
  queueOf,
  scenario,
  startWorker,
  waitForStage,
  type Outcome,
  type Scenario,
} from './worker-helpers.js';

/**
 * kill -9 of a BullMQ worker in the middle of each stage, then a new worker: the stored result must be the clean
 * run's — every mention once, the same duplicate marks — and no crawl run may stay `running`.
 */
describe.skipIf(!REDIS_SERVER)('a worker killed with SIGKILL mid-pipeline, then restarted', () => {
  let redis: OwnRedis;
  let site: DemoSite;
  let slowSite: DemoSite;
  let clean: Outcome;
  const sources = [SLOW_SOURCE, ...HTTP_SOURCES];
  const scenarios: Scenario[] = [];
  const fresh = () => {
    const s = scenario(redis.url, { url: site.url, slowUrl: slowSite.url }, sources);
    scenarios.push(s);
    return s;
  };

  beforeAll(async () => {
    redis = await startRedis(['--appendonly', 'yes', '--save', '']);
    site = await startDemoSite();
    slowSite = await startDemoSite();
    clean = await cleanCrawl(fresh());
  }, 120_000);

  afterAll(async () => {
    await site?.close();
    await slowSite?.close();
    await redis?.stop();
    for (const s of scenarios) s.cleanup();
  });

  it('the clean run stores every item, some marked as reposts, every run ok', () => {
    expect(clean.mentions).toBeGreaterThan(100); // more than one analyze and ingest batch
    expect(clean.duplicates.length).toBeGreaterThan(0);
    expect(clean.runs.map((r) => r.status)).toEqual(sources.map(() => 'ok'));
  });

  for (const stage of ['crawl', 'analyze', 'ingest'] as const) {
    it(`killed during ${stage}: nothing lost, nothing doubled, no run left running`, async () => {
      const s = fresh();
      const q = queueOf(redis.url, s);
      await enqueueCrawls(q, s);
      await q.close(1_000);
      const w = startWorker(s);
      const when = await waitForStage(redis.url, s, stage);
      // The slow source's crawl is still paging then (it runs for seconds); its run record is written at its start.
      if (stage === 'crawl') await new Promise((r) => setTimeout(r, 1_500));
      await killHard(w);

      if (stage === 'crawl') {
        // What an on-call engineer looks at first: the runs the dead worker had going are not shown as live.
        const list = await earshotHere(s, ['schedule', 'list', '--json']);
        expect(list.code, list.stderr).toBe(0);
        const rows = (JSON.parse(list.stdout) as { schedules: Array<{ lastRun?: { status: string; interrupted?: { reason: string } } }> }).schedules;
        const statuses = rows.map((r) => r.lastRun?.status).filter(Boolean);
        expect(statuses).not.toContain('running');
        expect(statuses).toContain('interrupted');
        expect(rows.find((r) => r.lastRun?.interrupted)!.lastRun!.interrupted!.reason).toMatch(/its process \(pid \d+ on .+\) is gone/);
      }

      const restarted = await drainWithWorker(redis.url, s);
      // An AOF Redis with noeviction: the worker has nothing to warn about.
      expect(restarted.stderr()).not.toMatch(/warning: .*(persist|appendonly|maxmemory)/);
      const after = await outcome(s);
      expect(after.mentions, `killed while ${stage} was ${when}`).toBe(clean.mentions);
      expect(after.duplicates).toEqual(clean.duplicates);
      expect(after.runs.filter((r) => r.status === 'running')).toEqual([]);
      // Every source ends with a healthy run (the killed crawls were taken back and run again).
      for (const src of sources) {
        const last = after.runs.filter((r) => r.source === `${src.brand}/${src.name}`).at(-1);
        expect(last?.status, `${src.brand}/${src.name}`).toBe('ok');
      }
    }, 180_000);
  }
});
