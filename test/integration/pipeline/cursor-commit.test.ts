import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { catalog } from '../../../pipelines/catalog.js';
import { cursorKey } from '../../../pipelines/crawl.js';
import { silentLog } from '../../../pipelines/deps.js';
import { registerStages } from '../../../pipelines/register.js';
import { runCrawls } from '../../../pipelines/run-crawls.js';
import { parseConfig } from '../../../src/config/load.js';
import type { Config } from '../../../src/config/schema.js';
import { startDemoSite, type DemoSite } from '../../../src/demo/index.js';
import { BullmqQueue } from '../../../src/queue/bullmq.js';
import { InlineQueue } from '../../../src/queue/inline.js';
import { openStore } from '../../../src/store/index.js';
import type { Store } from '../../../src/store/store.js';

const redisUrl = inject('redisUrl');
let site: DemoSite;
beforeAll(async () => {
  site = await startDemoSite();
});
afterAll(async () => {
  await site.close();
});

function config(): Config {
  return parseConfig(
    `brands:
  - id: northwind
    name: Northwind Coffee
    themePacks: [general]
    sources:
      - kind: reviews-jsonld
        name: cafe-reviews
        url: ${site.url}/cafes/northwind
        allowPrivateNetworks: true
`,
    'cursor-test.yaml',
    { env: {} },
  );
}

/** The same config with a theme pack the analyzer cannot load (as if config validation had let it through). */
function brokenAnalysis(c: Config): Config {
  return { ...c, brands: c.brands.map((b) => ({ ...b, themePacks: ['no-such-pack'] })) } as Config;
}

async function crawlOnce(store: Store, c: Config) {
  const queue = new InlineQueue(catalog, { onFailed: () => {} });
  const deps = { config: c, store, queue, log: silentLog };
  registerStages(deps);
  try {
    const [run] = await runCrawls(deps, [{ brand: 'northwind', source: 'cafe-reviews' }]);
    return run!;
  } finally {
    await queue.close(1_000);
  }
}

describe('the cursor moves only once the items are stored', () => {
  it('when analysis fails for good, the run is failed with the reason, nothing moves, and the next run stores everything', async () => {
    const store = await openStore({ dataDir: mkdtempSync(join(tmpdir(), 'earshot-cursor-')) });
    try {
      const failed = await crawlOnce(store, brokenAnalysis(config()));
      expect(failed.status).toBe('failed');
      expect(failed.notes.join(' ')).toMatch(/batch\(es\) not stored: brand northwind: unknown theme pack "no-such-pack"/);
      expect(await store.countMentions({})).toBe(0);
      expect(await store.getCursor(cursorKey('northwind', 'cafe-reviews'))).toBeNull();
      const [stored] = await store.listCrawlRuns({ _id: failed._id });
      expect(stored!.status).toBe('failed');

      const ok = await crawlOnce(store, config());
      expect(ok.status).toBe('ok');
      expect(ok.itemsNew).toBeGreaterThan(10);
      expect(await store.countMentions({})).toBe(ok.itemsNew);
      expect(await store.getCursor(cursorKey('northwind', 'cafe-reviews'))).not.toBeNull();

      // Incremental from here: nothing new, nothing lost.
      const again = await crawlOnce(store, config());
      expect(again).toMatchObject({ status: 'ok', itemsNew: 0 });
      expect(await store.countMentions({})).toBe(ok.itemsNew);
    } finally {
      await store.close();
    }
  });
});

describe.skipIf(!redisUrl)('the cursor moves only once the items are stored, on BullMQ', () => {
  const prefix = `earshot-test-${randomBytes(4).toString('hex')}`;
  afterAll(async () => {
    const r = new Redis(redisUrl!);
    const keys = await r.keys(`${prefix}:*`);
    if (keys.length) await r.del(...keys);
    await r.quit();
  });

  it('a batch that fails for good marks the crawl run failed with the reason, though no one waits for the run', async () => {
    const store = await openStore({ dataDir: mkdtempSync(join(tmpdir(), 'earshot-cursor-bull-')) });
    const queue = new BullmqQueue(catalog, { url: redisUrl!, prefix, onFailed: () => {} });
    try {
      registerStages({ config: brokenAnalysis(config()), store, queue, log: silentLog });
      await queue.enqueue('crawl', { brand: 'northwind', source: 'cafe-reviews' });
      await queue.idle();
      const [run] = await store.listCrawlRuns({ brand: 'northwind' });
      expect(run!.status).toBe('failed');
      expect(run!.notes.join(' ')).toMatch(/batch 1 not stored: brand northwind: unknown theme pack "no-such-pack".*; the cursor did not move/);
      expect(await store.countMentions({})).toBe(0);
      expect(await store.getCursor(cursorKey('northwind', 'cafe-reviews'))).toBeNull();
    } finally {
      await queue.close(2_000);
      await store.close();
    }
  });
});
