import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAlertReceiver } from '../../src/alerts/receiver.js';
import { startDemoSite, type DemoSite } from '../../src/demo/index.js';
import { dataDir, faultConfig, kill9, type Snapshot, snapshot, startEarshot } from './inline-helpers.js';
import { DEMO_CREDENTIALS } from '../../src/demo/credentials.js';

/** One brand (nine sources, the spike and syndicated copies among them) keeps each run to seconds. */
const BRANDS = ['northwind'];
const CRAWL = ['crawl', '--brand', 'northwind'];

let site: DemoSite;
let receiver: Awaited<ReturnType<typeof startAlertReceiver>>;
let env: NodeJS.ProcessEnv;
let clean: Snapshot;

beforeAll(async () => {
  site = await startDemoSite();
  const secret = randomBytes(16).toString('hex');
  receiver = await startAlertReceiver({ secret });
  env = { ...DEMO_CREDENTIALS, DEMO_URL: site.url, ALERT_URL: receiver.url, ALERT_SECRET: secret, EARSHOT_CONFIG: faultConfig() };
});
afterAll(async () => {
  await receiver?.close();
  await site?.close();
});

/** `earshot crawl` into `dir`, to the end; fails the test on a non-zero exit. */
async function crawl(dir: string) {
  const r = await startEarshot(CRAWL, { ...env, EARSHOT_DATA_DIR: dir }).done;
  expect(r.code, r.stderr.slice(-800)).toBe(0);
  return r;
}

/** Runs `earshot crawl`, kills it with SIGKILL once `when` resolves, then crawls again to the end. */
async function killThenRerun(tag: string, when: (r: ReturnType<typeof startEarshot>) => Promise<void>): Promise<Snapshot> {
  const dir = dataDir(tag);
  const r = startEarshot(CRAWL, { ...env, EARSHOT_DATA_DIR: dir });
  await when(r);
  await kill9(r);
  await crawl(dir);
  return snapshot(dir, BRANDS);
}

describe('kill -9 of `earshot crawl` (inline queue, embedded store), then a rerun', () => {
  it('a clean run stores the sources once and marks copies', { timeout: 150_000 }, async () => {
    const dir = dataDir('clean');
    await crawl(dir);
    clean = await snapshot(dir, BRANDS);
    expect(clean.mentions).toBeGreaterThan(100);
    expect(Object.values(clean.marks).filter(Boolean).length).toBeGreaterThan(5);
  });

  it('killed after a random number of sources finished: the rerun ends with the clean run\'s mentions, copies and reports', { timeout: 150_000 }, async () => {
    const k = 1 + Math.floor(Math.random() * 7);
    const got = await killThenRerun('mid', (r) => r.waitFor(new RegExp(`\\[${k}/\\d+\\] `)));
    expect(got, `killed after source ${k} finished`).toEqual(clean);
  });

  it('killed right after the last source finished, while batches are still being stored: nothing is lost', { timeout: 150_000 }, async () => {
    expect(await killThenRerun('last', (r) => r.waitFor(/\[(\d+)\/\1\] /))).toEqual(clean);
  });
});
