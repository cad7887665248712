import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { catalog } from '../../../pipelines/catalog.js';
import { silentLog, type PipelineDeps } from '../../../pipelines/deps.js';
import { registerStages } from '../../../pipelines/register.js';
import { parseConfig } from '../../../src/config/load.js';
import { startDemoSite, type DemoSite } from '../../../src/demo/index.js';
import { InlineQueue } from '../../../src/queue/inline.js';
import { openStore } from '../../../src/store/index.js';

let site: DemoSite;
const dir = mkdtempSync(join(tmpdir(), 'earshot-undated-'));
beforeAll(async () => {
  site = await startDemoSite();
});
afterAll(async () => {
  await site.close();
  rmSync(dir, { recursive: true, force: true });
});

it('an undated review keeps the date it was first seen when crawled again in full', async () => {
  const yaml = `brands:
  - id: pixelpost
    name: Pixelpost
    themePacks: [general]
    sources:
      - { kind: appstore, name: app-store, url: "${site.url}", ids: ["1530998142"], storefronts: [au], allowPrivateNetworks: true, limits: { maxRequestsPerMinute: 10000 } }
`;
  const store = await openStore({ dataDir: dir });
  try {
    const dates = async () => new Map((await store.findMentions({ brand: 'pixelpost' })).map((m) => [m._id, new Date(m.publishedAt).getTime()]));
    const run = async (full: boolean) => {
      const queue = new InlineQueue(catalog);
      registerStages({ config: parseConfig(yaml, 'undated.yaml', { env: {} }), store, queue, log: silentLog } as unknown as PipelineDeps);
      await queue.enqueue('crawl', { brand: 'pixelpost', source: 'app-store', full });
      await queue.idle();
      await queue.close(5_000);
    };
    await run(false);
    const first = await dates();
    expect(first.size).toBe(12);
    await new Promise((r) => setTimeout(r, 20));
    await run(true);
    expect(await dates()).toEqual(first);
    expect((await store.findMentions({ brand: 'pixelpost' }))[0]!.meta?.dateMissing).toBe(true);
  } finally {
    await store.close();
  }
});
