import type { CrawlRun } from '../src/domain/crawl-run.js';
import { crawlSource } from './crawl.js';
import type { PipelineDeps } from './deps.js';

export interface CrawlTarget {
  brand: string;
  source: string;
}

/** Every (brand, source) in config, narrowed by `--brand`/`--source`. */
export function selectTargets(config: PipelineDeps['config'], filter: { brand?: string; source?: string } = {}): CrawlTarget[] {
  return config.brands
    .filter((b) => !filter.brand || b.id === filter.brand)
    .flatMap((b) => b.sources.filter((s) => !filter.source || s.name === filter.source).map((s) => ({ brand: b.id, source: s.name })));
}

/**
 * Crawl targets in this process, `concurrency` at a time, then wait until analysis and ingest have drained.
 * A failing source is recorded (its CrawlRun says why) and does not stop the others.
 */
export async function runCrawls(
  deps: PipelineDeps,
  targets: CrawlTarget[],
  opts: { full?: boolean; concurrency?: number } = {},
): Promise<CrawlRun[]> {
  const runs: CrawlRun[] = [];
  const queue = [...targets];
  const worker = async () => {
    for (let t = queue.shift(); t; t = queue.shift()) {
      try {
        runs.push(await crawlSource(deps, { ...t, full: opts.full ?? false }));
      } catch (err) {
        deps.log.warn(`crawl ${t.brand}/${t.source} failed: ${(err as Error).message}`);
        const [last] = await deps.store.listCrawlRuns({ brand: t.brand, 'source.name': t.source }, { sort: { startedAt: -1 }, limit: 1 });
        if (last) runs.push(last);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency ?? 2) }, worker));
  await deps.queue.idle();
  return runs;
}
