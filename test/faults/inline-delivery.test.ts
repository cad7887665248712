import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DELIVERIES } from '../../pipelines/detect.js';
import { startDemoSite, type DemoSite } from '../../src/demo/index.js';
import type { Delivery } from '../../src/domain/alert.js';
import { openStore } from '../../src/store/index.js';
import { httpReceiver } from '../integration/alerts/receivers.js';
import { dataDir, deadUrl, faultConfig, hangingReceiver, startEarshot } from './inline-helpers.js';
import { DEMO_CREDENTIALS } from '../../src/demo/credentials.js';

const SECRET = 'fault-test-secret-0123456789';
let site: DemoSite;
let config: string;
beforeAll(async () => {
  site = await startDemoSite();
  config = faultConfig();
});
afterAll(async () => {
  await site?.close();
});

async function deliveries(dir: string): Promise<Delivery[]> {
  const store = await openStore({ dataDir: dir });
  try {
    return await store.findDocs<Delivery>(DELIVERIES, {}, { sort: { _id: 1 } });
  } finally {
    await store.close();
  }
}

describe('one-shot commands never wait on alert deliveries', () => {
  it('receiver down, then 500, then hanging: each command exits with its work stored and the delivery pending; later it arrives once, same delivery id', { timeout: 180_000 }, async () => {
    const dir = dataDir('delivery');
    const env = (url: string) => ({ ...DEMO_CREDENTIALS, DEMO_URL: site.url, ALERT_URL: url, ALERT_SECRET: SECRET, EARSHOT_CONFIG: config, EARSHOT_DATA_DIR: dir });

    // 1. The webhook is down while the crawl runs: the crawl stores everything, says what is pending, exits 0.
    const crawl = await startEarshot(['crawl', '--brand', 'northwind'], env(await deadUrl())).done;
    expect(crawl.code, crawl.stderr.slice(-800)).toBe(0);
    expect(crawl.stdout).toMatch(/alert deliver(y|ies) pending: northwind-negative:\S+~demo-hook.*ECONNREFUSED/);
    const pending = await deliveries(dir);
    expect(pending.length).toBeGreaterThan(0);
    expect(pending.every((d) => d.status === 'pending')).toBe(true);
    const ids = pending.map((d) => d._id);

    // 2. `earshot alerts deliver` against a receiver answering 500: one try each, still pending, exit 1.
    const failing = await httpReceiver(() => 500);
    try {
      const r = await startEarshot(['alerts', 'deliver'], env(failing.url)).done;
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/HTTP 500/);
      expect(failing.requests.map((q) => q.headers['x-earshot-delivery']).sort()).toEqual(ids);
    } finally {
      await failing.close();
    }

    // 3. The next crawl resumes the pending deliveries; the receiver hangs; the crawl still ends.
    const hanging = await hangingReceiver();
    try {
      const r = await startEarshot(['crawl', '--brand', 'northwind'], env(hanging.url)).done;
      expect(r.code, r.stderr.slice(-800)).toBe(0);
      expect(r.stdout).toMatch(/pending/);
      expect(hanging.seen.sort()).toEqual(ids);
    } finally {
      await hanging.close();
    }
    expect((await deliveries(dir)).map((d) => d.status)).toEqual(ids.map(() => 'pending'));

    // 4. The receiver is back: each delivery arrives exactly once, with the id every earlier try carried.
    const ok = await httpReceiver(() => 200);
    try {
      const r = await startEarshot(['alerts', 'deliver'], env(ok.url)).done;
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(ok.requests.map((q) => q.headers['x-earshot-delivery']).sort()).toEqual(ids);
      const again = await startEarshot(['alerts', 'deliver'], env(ok.url)).done;
      expect(again.stdout).toMatch(/no deliveries pending/);
      expect(ok.requests).toHaveLength(ids.length);
    } finally {
      await ok.close();
    }
    const final = await deliveries(dir);
    expect(final.map((d) => d.status)).toEqual(ids.map(() => 'sent'));
    expect(final.every((d) => d.attempts >= 3)).toBe(true);
  });
});
