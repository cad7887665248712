import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAlertReceiver } from '../../src/alerts/receiver.js';
import { startDemoSite, type DemoSite } from '../../src/demo/index.js';
import { dataDir, faultConfig, kill9, type Snapshot, snapshot, startEarshot } from './inline-helpers.js';
import { DEMO_CREDENTIALS } from '../../src/demo/credentials.js';

const BRANDS = ['northwind', 'pixelpost', 'brightline', 'bluebird', 'kettle'];
/**
 * The demo site names Mastodon statuses by a URI holding its own origin, and `earshot demo` starts the site on a
 * free port: a re-crawl through another port stores those statuses again under new ids (marked as copies of the
 * first, so reports do not change). Mention counts and marks are compared without them.
 */
const stableId = (id: string) => !id.includes(':mastodon:');
/** Marks may point at a Mastodon status: compare those without the site's port. */
async function portless(dir: string): Promise<Snapshot> {
  const s = await snapshot(dir, BRANDS, stableId);
  const marks = Object.fromEntries(Object.entries(s.marks).map(([k, v]) => [k, v && v.replace(/127\.0\.0\.1:\d+/, '127.0.0.1:PORT')]));
  return { ...s, marks };
}

/**
 * The day every demo run and the test's own site serve: the demo site dates its corpus back from its day, so a run
 * that crossed midnight would otherwise crawl another corpus than the one before it.
 */
const DAY = new Date().toISOString().slice(0, 10);

let site: DemoSite;
let cleanDemo: Snapshot | undefined;
let receiver: Awaited<ReturnType<typeof startAlertReceiver>>;
beforeAll(async () => {
  site = await startDemoSite({ now: new Date(`${DAY}T12:00:00Z`) });
  receiver = await startAlertReceiver({ secret: randomBytes(16).toString('hex') });
});
afterAll(async () => {
  await receiver?.close();
  await site?.close();
});

describe('counts are a function of the data alone', () => {
  // The re-crawl leaves out the browser-rendered source (the demo's copy of it stays): seconds saved, same question.
  it('`earshot demo`, then `earshot crawl --full` of the same sources: identical reports and duplicate marks', { timeout: 240_000 }, async () => {
    const dir = dataDir('demo-full');
    const demo = await startEarshot(['demo', '--json', '--day', DAY], { EARSHOT_DATA_DIR: dir }).done;
    expect(demo.code, demo.stderr.slice(-800)).toBe(0);
    const afterDemo = await portless(dir);
    cleanDemo = afterDemo;
    expect(Object.values(afterDemo.marks).filter(Boolean).length).toBeGreaterThan(100);

    const env = { ...DEMO_CREDENTIALS, EARSHOT_DATA_DIR: dir, DEMO_URL: site.url, ALERT_URL: receiver.url, ALERT_SECRET: 'x'.repeat(32), EARSHOT_CONFIG: faultConfig() };
    const full = await startEarshot(['crawl', '--full'], env).done;
    expect(full.code, full.stdout.slice(-800) + full.stderr.slice(-800)).toBe(0);
    expect(await portless(dir)).toEqual(afterDemo);
  });

  it('`earshot demo` killed with SIGKILL while its last batches are stored, then run again: the clean demo\'s numbers', { timeout: 240_000 }, async () => {
    expect(cleanDemo, 'needs the clean demo of the test before').toBeDefined();
    const dir = dataDir('demo-kill');
    const r = startEarshot(['demo', '--day', DAY], { EARSHOT_DATA_DIR: dir });
    await r.waitFor(/\[(\d+)\/\1\] /);
    await kill9(r);
    const rerun = await startEarshot(['demo', '--json', '--day', DAY], { EARSHOT_DATA_DIR: dir }).done;
    expect(rerun.code, rerun.stderr.slice(-800)).toBe(0);
    expect(await portless(dir)).toEqual(cleanDemo);
  });
});
