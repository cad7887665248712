import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoSite, type DemoSite } from '../../src/demo/index.js';
import { REDIS_SERVER, startRedis, type OwnRedis } from '../integration/queue/redis-server.js';
import { cleanCrawl, drained, enqueueCrawls, HTTP_SOURCES, outcome, queueOf, scenario, SLOW_SOURCE, startWorker, waitForStage, type Scenario } from './worker-helpers.js';

/** Redis killed with SIGKILL mid-run and started again on its append-only file: the queued work survives. */
describe.skipIf(!REDIS_SERVER)('Redis killed and restarted mid-run (AOF on)', () => {
  let redis: OwnRedis;
  let site: DemoSite;
  let slowSite: DemoSite;
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
  });
  afterAll(async () => {
    await site?.close();
    await slowSite?.close();
    await redis?.stop();
    for (const s of scenarios) s.cleanup();
  });

  it('loses nothing: the worker reconnects, every mention is stored once, every run ends ok', async () => {
    const clean = await cleanCrawl(fresh());
    const s = fresh();
    const q = queueOf(redis.url, s);
    await enqueueCrawls(q, s);
    await q.close(1_000);
    const w = startWorker(s);
    try {
      await waitForStage(redis.url, s, 'ingest');
      await redis.kill();
      await new Promise((r) => setTimeout(r, 1_000));
      await redis.restart();
      const watch = queueOf(redis.url, s);
      try {
        await drained(watch);
      } finally {
        await watch.close(1_000);
      }
    } finally {
      w.child.kill('SIGTERM');
    }
    expect((await w.exited).code, w.stderr()).toBe(0);
    const after = await outcome(s);
    expect(after.mentions).toBe(clean.mentions);
    expect(after.duplicates).toEqual(clean.duplicates);
    expect(after.runs.filter((r) => r.status !== 'ok')).toEqual([]);
    // Every source crawled; a crawl whose lock expired while Redis was down may have run twice (at least once, and
    // idempotent: the counts above are the clean run's).
    expect(new Set(after.runs.map((r) => r.source))).toEqual(new Set(sources.map((src) => `${src.brand}/${src.name}`)));
  }, 180_000);
});
