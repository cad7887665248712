import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoSite, type DemoSite } from '../../src/demo/index.js';
import { openStore } from '../../src/store/index.js';
import { startEarshot } from './inline-helpers.js';
import { BROWSER_SOURCE, scenario, type Scenario } from './worker-helpers.js';

/** The demo's JavaScript-rendered page at 6 pages a minute: the crawl runs long enough for a Ctrl+C to land in it. */
const SLOW_BROWSER = { ...BROWSER_SOURCE, yaml: BROWSER_SOURCE.yaml.replace('maxRequestsPerMinute: 10000', 'maxRequestsPerMinute: 6') };

async function runsAndCursor(s: Scenario) {
  const store = await openStore({ dataDir: s.env.EARSHOT_DATA_DIR! });
  try {
    return { runs: await store.listCrawlRuns({}, { sort: { startedAt: 1 } }), cursor: await store.getCursor('northwind:live-reviews'), mentions: await store.countMentions() };
  } finally {
    await store.close();
  }
}

/**
 * Ctrl+C during `earshot crawl` of a browser source: crawlee's own SIGINT handler aborts the crawl and its run() returns
 * as if done. The run must be recorded `interrupted` (not `ok`), and the cursor must not move past pages never read,
 * so the next crawl stores everything.
 */
describe('SIGINT during a browser crawl', () => {
  let site: DemoSite;
  const scenarios: Scenario[] = [];
  beforeAll(async () => {
    site = await startDemoSite();
  });
  afterAll(async () => {
    await site?.close();
    for (const s of scenarios) s.cleanup();
  });

  it('is recorded interrupted with the reason, the cursor stays, and the next crawl stores every review', { timeout: 180_000 }, async () => {
    const s = scenario('redis://unused', site.url, [SLOW_BROWSER]);
    scenarios.push(s);
    const env = { ...s.env, REDIS_URL: '' };
    const crawl = startEarshot(['crawl', '--json'], env);
    // Once the run is recorded, Chromium is starting or paging; the rate limit keeps it busy for many seconds more.
    const deadline = Date.now() + 60_000;
    while ((await runsAndCursor(s)).runs.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    await new Promise((r) => setTimeout(r, 3_000));
    crawl.child.kill('SIGINT');
    const cut = await crawl.done;
    const after = await runsAndCursor(s);
    expect(after.runs, cut.stderr.slice(-800)).toHaveLength(1);
    expect(after.runs[0]).toMatchObject({ status: 'interrupted', interrupted: { reason: 'SIGINT: the browser crawl was cut short' } });
    expect(after.cursor).toBeNull();

    const again = await startEarshot(['crawl', '--json'], env).done;
    expect(again.code, again.stderr.slice(-800)).toBe(0);
    const done = await runsAndCursor(s);
    expect(done.runs.at(-1)!.status).toBe('ok');
    expect(done.mentions).toBeGreaterThan(after.mentions);
  });
});
