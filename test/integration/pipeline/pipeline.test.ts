import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { catalog, type JobCatalog } from '../../../pipelines/catalog.js';
import { silentLog, type PipelineDeps } from '../../../pipelines/deps.js';
import { registerStages } from '../../../pipelines/register.js';
import { parseConfig } from '../../../src/config/load.js';
import { startDemoSite, type DemoSite } from '../../../src/demo/index.js';
import { BullmqQueue } from '../../../src/queue/bullmq.js';
import { InlineQueue } from '../../../src/queue/inline.js';
import type { Queue } from '../../../src/queue/queue.js';
import { openStore } from '../../../src/store/index.js';

const redisUrl = inject('redisUrl');
let site: DemoSite;
beforeAll(async () => {
  site = await startDemoSite();
});
afterAll(async () => {
  await site.close();
});

function config() {
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
    'pipeline-test.yaml',
    { env: {} },
  );
}

/** Crawl → analyze → ingest → detect through a real queue, twice; the second pass must change nothing. */
async function crawlTwice(makeQueue: () => Queue<JobCatalog>) {
  const store = await openStore({ dataDir: mkdtempSync(join(tmpdir(), 'earshot-pipe-')) });
  const counts: number[] = [];
  const rollups: unknown[] = [];
  try {
    for (let pass = 0; pass < 2; pass++) {
      const queue = makeQueue();
      const deps: PipelineDeps = { config: config(), store, queue, log: silentLog };
      registerStages(deps);
      await queue.enqueue('crawl', { brand: 'northwind', source: 'cafe-reviews' });
      await queue.idle();
      await queue.close(5_000);
      counts.push(await store.countMentions({ brand: 'northwind' }));
      rollups.push(await store.aggregate('rollups', [{ $match: { brand: 'northwind' } }, { $sort: { _id: 1 } }]));
    }
    const runs = await store.listCrawlRuns({ brand: 'northwind' }, { sort: { startedAt: 1 } });
    const sample = (await store.findMentions({ brand: 'northwind' }, { limit: 1 }))[0];
    return { counts, rollups, runs, sample };
  } finally {
    await store.close();
  }
}

function expectIdempotentPipeline(r: Awaited<ReturnType<typeof crawlTwice>>) {
  expect(r.counts[0]).toBeGreaterThan(10);
  expect(r.counts[1]).toBe(r.counts[0]);
  expect(r.rollups[1]).toEqual(r.rollups[0]);
  expect(r.runs).toHaveLength(2);
  expect(r.runs[0]).toMatchObject({ status: 'ok', itemsSeen: 0 });
  expect(r.runs[0]!.itemsNew).toBe(r.counts[0]);
  expect(r.runs[1]!.itemsNew).toBe(0);
  expect(r.sample).toMatchObject({ brand: 'northwind', source: { kind: 'reviews-jsonld', name: 'cafe-reviews' } });
  expect(['positive', 'negative', 'neutral']).toContain(r.sample!.sentiment.label);
}

describe('the pipeline on the inline queue', () => {
  it('crawl → analyze → ingest stores each demo review once, however often it runs', async () => {
    expectIdempotentPipeline(await crawlTwice(() => new InlineQueue(catalog)));
  });
});

describe.skipIf(!redisUrl)('the pipeline through real BullMQ on real Redis', () => {
  const prefix = `earshot-test-${randomBytes(4).toString('hex')}`;
  afterAll(async () => {
    const r = new Redis(redisUrl!);
    const keys = await r.keys(`${prefix}:*`);
    if (keys.length) await r.del(...keys);
    await r.quit();
  });

  it('crawl → analyze → ingest stores each demo review once, however often it runs', async () => {
    expectIdempotentPipeline(await crawlTwice(() => new BullmqQueue(catalog, { url: redisUrl!, prefix })));
  });
});
