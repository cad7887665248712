import { Brand, Source, type SourceInput } from '../../../src/domain/index.js';
import type { CursorValue } from '../../../src/store/store.js';
import type { CrawlContext, CrawlOutcome, SourceCrawler } from '../../../crawlers/crawler.js';

let runs = 0;

/** The demo's Northwind brand by aliases and exclusions (`config/demo.yaml` adds a Boolean query on top). */
export const northwind = Brand.parse({
  id: 'northwind',
  name: 'Northwind Coffee',
  aliases: ['Northwind Coffee', 'Northwind'],
  exclusions: ['Northwind Traders', 'northwind wind farm'],
  competitors: [
    { id: 'bluebird', name: 'Bluebird Roasters' },
    { id: 'kettle', name: 'Kettle & Co' },
  ],
});

export const brightline = Brand.parse({
  id: 'brightline',
  name: 'Brightline Bikes',
  aliases: ['Brightline Bikes', 'Brightline'],
  exclusions: ['Brightline train'],
  competitors: [{ id: 'voltaro', name: 'Voltaro' }],
});

export const pixelpost = Brand.parse({
  id: 'pixelpost',
  name: 'Pixelpost',
  exclusions: ['pixelpost blog script'],
  competitors: [{ id: 'snapmail', name: 'SnapMail' }],
});

/** A source with test-friendly limits (no per-host wait, short deadline) unless overridden. */
export function source(input: SourceInput): Source {
  return Source.parse({
    ...input,
    limits: { maxRequestsPerMinute: 60_000, runDeadlineSecs: 60, requestTimeoutSecs: 10, ...input.limits },
  });
}

/** Runs one crawl the way `pipelines/crawl.ts` does: a unique run id, the previous cursor, `full` off. */
export function crawlOnce(
  crawler: SourceCrawler,
  brand: Brand,
  src: Source,
  opts: { cursor?: CursorValue | null; full?: boolean; signal?: AbortSignal; onProgress?: CrawlContext['onProgress'] } = {},
): Promise<CrawlOutcome> {
  runs += 1;
  const ctx: CrawlContext = {
    brand,
    source: src,
    runId: `${brand.id}:${src.name}:test-${runs}`,
    cursor: opts.cursor ?? null,
    full: opts.full ?? false,
    signal: opts.signal,
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  };
  return crawler.crawl(ctx);
}

/** The failure classes of an outcome, for compact assertions. */
export const classes = (o: CrawlOutcome) => o.failures.map((f) => f.class);
