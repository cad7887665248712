import { appendFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startDemoSite, type DemoSite } from '../../src/demo/index.js';
import { drained, HTTP_SOURCES, outcome, queueOf, scenario, startWorker, type Scenario, type WorkerProcess } from './worker-helpers.js';

/**
 * A running worker and a config change: the job for a source added to the file must work after SIGHUP (it used to
 * fail with `no source "news-2"` until the worker was restarted), and the worker's ops port answers meanwhile.
 */
const redisUrl = inject('redisUrl');

describe.skipIf(!redisUrl)('when the config changes under a running worker', () => {
  let site: DemoSite;
  let s: Scenario;
  let w: WorkerProcess | undefined;
  beforeAll(async () => {
    site = await startDemoSite();
    s = scenario(redisUrl!, site.url, [HTTP_SOURCES[0]!]);
  });
  afterAll(async () => {
    if (w && w.child.exitCode === null) {
      w.child.kill('SIGTERM');
      await w.exited;
    }
    await site?.close();
    s?.cleanup();
  });

  it('SIGHUP reloads it: a job for a newly added source runs, no job is lost; /healthz and /metrics answer', async () => {
    w = startWorker(s, ['--metrics-port', '0']);
    await w.waitFor(/waiting for jobs/);
    const url = /\/healthz and \/metrics on (http:\/\/\S+)/.exec(w.stderr())![1]!;
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', brands: 1 });

    appendFileSync(
      s.env.EARSHOT_CONFIG!,
      '      - { kind: rss, name: news-2, url: "${DEMO_URL}/news/rss?q=Northwind", allowPrivateNetworks: true, limits: { maxRequestsPerMinute: 10000, maxPages: 5 } }\n',
    );
    w.child.kill('SIGHUP');
    await w.waitFor(/config reloaded \(SIGHUP\): 1 brand\(s\), 2 source\(s\)/, 30_000);

    const q = queueOf(redisUrl!, s);
    try {
      await q.enqueue('crawl', { brand: 'northwind', source: 'news-2' });
      await q.enqueue('crawl', { brand: 'northwind', source: 'cafe-reviews' });
      await drained(q);
    } finally {
      await q.close(1_000);
    }
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toMatch(/earshot_job_duration_seconds_count\{stage="crawl",outcome="done"\} 2/);

    w.child.kill('SIGTERM');
    expect((await w.exited).code).toBe(0);
    expect(w.stderr()).not.toMatch(/no source "news-2"/);
    const runs = (await outcome(s)).runs;
    expect(runs).toEqual(expect.arrayContaining([{ source: 'northwind/news-2', status: 'ok' }, { source: 'northwind/cafe-reviews', status: 'ok' }]));
    expect((await outcome(s)).mentions).toBeGreaterThan(0);
  }, 150_000);
});
