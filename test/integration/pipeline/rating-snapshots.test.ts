import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog } from '../../../pipelines/catalog.js';
import { silentLog, type PipelineDeps } from '../../../pipelines/deps.js';
import { storeRatingSnapshots } from '../../../pipelines/rating-snapshots.js';
import { registerStages } from '../../../pipelines/register.js';
import { reportCommand } from '../../../src/cli/commands/report.js';
import { parseConfig } from '../../../src/config/load.js';
import { startDemoSite, type DemoSite } from '../../../src/demo/index.js';
import { RATINGS_COLLECTION, type RatingSnapshot } from '../../../src/domain/index.js';
import { InlineQueue } from '../../../src/queue/inline.js';
import { openStore } from '../../../src/store/index.js';
import { runCommand } from '../reports/cli-harness.js';

let site: DemoSite;
const dir = mkdtempSync(join(tmpdir(), 'earshot-ratings-'));
const dataDir = join(dir, 'data');
const configFile = join(dir, 'earshot.yaml');
let yaml = '';

beforeAll(async () => {
  site = await startDemoSite();
  yaml = `brands:
  - id: brightline
    name: Brightline Bikes
    themePacks: [general]
    sources:
      - { kind: trustpilot, name: trustpilot, url: "${site.url}", ids: [brightline-bikes.example], allowPrivateNetworks: true, limits: { maxRequestsPerMinute: 10000 } }
      - { kind: reviews-jsonld, name: shop-reviews, url: "${site.url}/shop/brightline/reviews", allowPrivateNetworks: true, limits: { maxRequestsPerMinute: 10000 } }
  - id: pixelpost
    name: Pixelpost
    themePacks: [general]
    sources:
      - { kind: steam, name: steam, url: "${site.url}", ids: ["2291740"], allowPrivateNetworks: true, limits: { maxRequestsPerMinute: 10000 } }
`;
  writeFileSync(configFile, yaml);
});
afterAll(async () => {
  await site.close();
  rmSync(dir, { recursive: true, force: true });
});

async function crawlAll(): Promise<void> {
  const store = await openStore({ dataDir });
  try {
    const queue = new InlineQueue(catalog);
    const deps = { config: parseConfig(yaml, configFile, { env: {} }), store, queue, log: silentLog } as unknown as PipelineDeps;
    registerStages(deps);
    for (const [brand, source] of [['brightline', 'trustpilot'], ['brightline', 'shop-reviews'], ['pixelpost', 'steam']]) {
      await queue.enqueue('crawl', { brand: brand!, source: source! });
    }
    await queue.idle();
    await queue.close(5_000);
  } finally {
    await store.close();
  }
}

const report = (...args: string[]) => runCommand(reportCommand, args, { EARSHOT_DATA_DIR: dataDir, EARSHOT_CONFIG: configFile });

describe('rating snapshots', () => {
  it('every crawl that sees an aggregate stores it, once per source, item and day however often it runs', async () => {
    await crawlAll();
    await crawlAll();
    const store = await openStore({ dataDir });
    try {
      const snaps = await store.findDocs<RatingSnapshot>(RATINGS_COLLECTION, {}, { sort: { _id: 1 } });
      const today = new Date().toISOString().slice(0, 10);
      expect(snaps.map((s) => [s.brand, s.source.name, s.item, s.day])).toEqual([
        ['brightline', 'shop-reviews', 'Brightline Bikes', today],
        ['brightline', 'trustpilot', 'trustpilot:brightline-bikes.example', today],
        ['pixelpost', 'steam', 'steam:2291740', today],
      ]);
      const tp = snaps.find((s) => s.source.name === 'trustpilot')!;
      expect(tp).toMatchObject({ bestRating: 5, reviewCount: 45, source: { kind: 'trustpilot' } });
      expect(tp.ratingValue).toBeGreaterThan(1);
      const steam = snaps.find((s) => s.source.name === 'steam')!;
      expect(steam).toMatchObject({ bestRating: 100, worstRating: 0, reviewCount: 130 });
      // percent positive on 0–100 maps onto 1–5 stars for the shared chart
      expect(steam.stars).toBeCloseTo(1 + (steam.ratingValue / 100) * 4, 2);
      // the company's replies went through analysis and ingest with their reviews
      const tpMentions = await store.findMentions({ brand: 'brightline', 'source.name': 'trustpilot' });
      expect(tpMentions).toHaveLength(45);
      const answered = tpMentions.filter((m) => m.reply);
      expect(answered.length).toBeGreaterThan(5);
      expect(new Date(answered[0]!.reply!.at!).getTime()).toBeGreaterThan(new Date(answered[0]!.publishedAt).getTime());
      const runs = await store.listCrawlRuns({ brand: 'brightline', 'source.name': 'trustpilot' });
      expect(runs.every((r) => r.notes.includes('1 aggregate rating stored'))).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('report trend shows a ratings series per source (table, JSON, CSV), the last snapshot of each interval', async () => {
    // Two earlier days of Trustpilot history: the 4.1 of the first is replaced by a later crawl the same day (4.0).
    const store = await openStore({ dataDir });
    const at = (days: number, h: number) => new Date(Math.floor(Date.now() / 86_400_000 - days) * 86_400_000 + (1 + h) * 3_600_000);
    const src = { kind: 'trustpilot' as const, name: 'trustpilot' };
    const item = 'trustpilot:brightline-bikes.example';
    await storeRatingSnapshots(store, { id: 'brightline' }, src, at(3, 0), [{ item, ratingValue: 4.1, bestRating: 5, reviewCount: 40 }]);
    await storeRatingSnapshots(store, { id: 'brightline' }, src, at(3, 0.5), [{ item, ratingValue: 4.0, bestRating: 5, reviewCount: 41 }]);
    await storeRatingSnapshots(store, { id: 'brightline' }, src, at(2, 0), [{ item, ratingValue: 3.9, bestRating: 5, reviewCount: 43 }]);
    expect(await store.findDocs(RATINGS_COLLECTION, { brand: 'brightline', 'source.name': 'trustpilot' })).toHaveLength(3);
    await store.close();

    const json = await report('trend', '--brand', 'brightline', '--interval', 'day', '--source', 'trustpilot', '--format', 'json');
    expect(json.stderr).toBe('');
    const r = JSON.parse(json.stdout) as { ratings: Array<{ period: string; source: string; ratingValue: number; reviewCount: number }> };
    const tp = r.ratings.filter((p) => p.source === 'trustpilot');
    expect(tp.map((p) => [p.ratingValue, p.reviewCount])).toEqual([[4.0, 41], [3.9, 43], [expect.any(Number), 45]]);
    expect(r.ratings.every((p) => p.source === 'trustpilot')).toBe(true); // --source filters the series too

    const table = await report('trend', '--brand', 'brightline', '--interval', 'week');
    expect(table.stdout).toMatch(/Aggregate ratings by week and source/);
    expect(table.stdout).toMatch(/trustpilot +trustpilot:brightline-bikes\.example/);
    expect(table.stdout).toMatch(/shop-reviews +Brightline Bikes/);

    const csv = await report('trend', '--brand', 'brightline', '--interval', 'day', '--format', 'csv');
    const lines = csv.stdout.split('\r\n').filter((l) => l.startsWith('ratings,'));
    expect(lines.length).toBe(4); // three trustpilot days + today's shop aggregate
    expect(lines.some((l) => l.includes(',3.9,') && l.includes('trustpilot:brightline-bikes.example'))).toBe(true);
  });
});
