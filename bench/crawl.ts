/**
 * Crawl throughput: pages per second over N generated demo review pages (`/bench/page/1..N`, 10 JSON-LD reviews
 * each), earshot's `reviews-jsonld` crawler (guarded transport, robots.txt, rate limiter, incremental bookkeeping)
 * against a bare crawlee CheerioCrawler doing the same extraction, in the same process; then the whole crawl stage
 * (`pipelines/crawl.ts`: crawl-run record, store lookups, cursor, analyze enqueue) on the SQLite store.
 *
 *   npx tsx bench/crawl.ts [pages=300] [rounds=3]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CheerioCrawler, Configuration, Log, log } from '@crawlee/cheerio';
import type { CheerioAPI } from 'cheerio';
import { createReviewsJsonLdCrawler } from '../crawlers/reviews-jsonld.js';
import { HostRateLimiter } from '../crawlers/lib/politeness.js';
import { extractReviews } from '../crawlers/lib/schema-org/reviews.js';
import { Brand, Source } from '../src/domain/index.js';
import { startDemoSite } from '../src/demo/index.js';

const pages = Number(process.argv[2] ?? 300);
const rounds = Number(process.argv[3] ?? 3);
const site = await startDemoSite({ reviewPages: pages });
const start = `${site.url}/bench/page/1`;
const brand = Brand.parse({ id: 'brightline', name: 'Brightline Bikes', aliases: ['Brightline'] });
const source = Source.parse({
  kind: 'reviews-jsonld',
  name: 'bench',
  url: start,
  allowPrivateNetworks: true,
  limits: { maxPages: pages, maxItems: pages * 10, maxRequestsPerMinute: 1_000_000, runDeadlineSecs: 3600 },
});

async function ours(round: number): Promise<number> {
  const crawler = createReviewsJsonLdCrawler({ limiter: new HostRateLimiter() });
  const out = await crawler.crawl({ brand, source, runId: `bench-ours-${round}`, cursor: null, full: false });
  if (out.pages !== pages || out.failures.length) throw new Error(`ours: ${out.pages} pages, failures ${JSON.stringify(out.failures.slice(0, 2))}`);
  return out.items.length;
}

async function bare(): Promise<number> {
  let items = 0;
  let pagesSeen = 0;
  const crawler = new CheerioCrawler(
    {
      maxRequestsPerCrawl: pages,
      maxConcurrency: 2,
      maxRequestRetries: 0,
      log: new Log({ level: log.LEVELS.OFF }),
      requestHandler: async ({ $, request, enqueueLinks }) => {
        pagesSeen += 1;
        items += extractReviews($ as unknown as CheerioAPI, request.loadedUrl ?? request.url).reviews.length;
        await enqueueLinks({ selector: 'a[rel="next"]' });
      },
    },
    new Configuration({ persistStorage: false, purgeOnStart: false, storageClientOptions: { persistStorage: false } }),
  );
  await crawler.run([start]);
  if (pagesSeen !== pages) throw new Error(`bare: ${pagesSeen} pages`);
  return items;
}

async function stage(round: number): Promise<number> {
  const [{ crawlSource }, { catalog }, { InlineQueue }, { SqliteStore }, { parseConfig }] = await Promise.all([
    import('../pipelines/crawl.js'),
    import('../pipelines/catalog.js'),
    import('../src/queue/inline.js'),
    import('../src/store/sqlite.js'),
    import('../src/config/load.js'),
  ]);
  const dir = mkdtempSync(join(tmpdir(), 'earshot-bench-'));
  const store = await SqliteStore.open({ dataDir: dir });
  const queue = new InlineQueue(catalog); // no analyze worker: jobs are validated and queued, not run
  const config = parseConfig(
    `brands:\n  - id: brightline\n    name: Brightline Bikes\n    sources:\n      - kind: reviews-jsonld\n        name: bench\n        url: ${start}\n        allowPrivateNetworks: true\n        limits: { maxPages: ${pages}, maxItems: ${pages * 10}, maxRequestsPerMinute: 1000000, runDeadlineSecs: 3600 }\n`,
    `bench-${round}.yaml`,
    { env: {} },
  );
  try {
    const run = await crawlSource({ config, store, queue, log: { info() {}, warn() {} } }, { brand: 'brightline', source: 'bench' });
    if (run.pages !== pages) throw new Error(`stage: ${run.pages} pages (${run.status}, ${JSON.stringify(run.samples.slice(0, 2))})`);
    return run.itemsNew;
  } finally {
    await queue.close(1000).catch(() => undefined);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function time(fn: () => Promise<number>): Promise<{ secs: number; items: number }> {
  const t = process.hrtime.bigint();
  const items = await fn();
  return { secs: Number(process.hrtime.bigint() - t) / 1e9, items };
}

const best = (xs: number[]) => Math.min(...xs);
const results: Record<string, number[]> = { ours: [], bare: [], stage: [] };
let stageAvailable = true;
await bare(); // warm-up: JIT, sockets, crawlee module init
await ours(0);
for (let r = 1; r <= rounds; r++) {
  const b = await time(bare);
  const o = await time(() => ours(r));
  results.bare!.push(b.secs);
  results.ours!.push(o.secs);
  if (stageAvailable) {
    try {
      results.stage!.push((await time(() => stage(r))).secs);
    } catch (err) {
      stageAvailable = false;
      console.log(`crawl stage skipped: ${(err as Error).message.split('\n')[0]}`);
    }
  }
}
await site.close();

const pps = (secs: number) => (pages / secs).toFixed(0);
console.log(`\ncrawl benchmark: ${pages} demo review pages (${pages * 10} reviews), best of ${rounds} rounds, Node ${process.version}`);
console.log(`  bare crawlee CheerioCrawler (same extraction) : ${pps(best(results.bare!)).padStart(6)} pages/s  (${best(results.bare!).toFixed(2)} s)`);
console.log(`  earshot reviews-jsonld crawler                : ${pps(best(results.ours!)).padStart(6)} pages/s  (${best(results.ours!).toFixed(2)} s)`);
if (results.stage!.length) {
  console.log(`  earshot crawl stage (pipelines/crawl.ts)      : ${pps(best(results.stage!)).padStart(6)} pages/s  (${best(results.stage!).toFixed(2)} s, SQLite store)`);
}
console.log(`  ratio earshot crawler / bare crawlee          : ${(best(results.bare!) / best(results.ours!)).toFixed(2)}x throughput`);
