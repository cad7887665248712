import type { CrawlRun } from '../src/domain/crawl-run.js';
import { crawlSource } from './crawl.js';
import { commitState } from './cursor-commit.js';
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
 * A failing source is recorded (its CrawlRun says why) and does not stop the others; so is a run whose items could
 * not be analysed or stored.
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
  for (const run of runs) await settleRun(deps, run);
  return runs;
}

/**
 * Once the queue is idle, a run whose batches were not all stored (analysis or storage failed for good) is failed,
 * with the reason: its items are not in the store and its cursor did not move, so the next crawl fetches them again.
 */
export async function settleRun(deps: Pick<PipelineDeps, 'store'>, run: CrawlRun): Promise<CrawlRun> {
  const state = await commitState(deps.store, run._id);
  if (!state || state.stored >= state.batches) return run;
  const missing = state.batches - state.stored;
  run.status = 'failed';
  run.notes = [
    ...run.notes,
    `${missing} of ${state.batches} batch(es) not stored: ${state.error ?? 'analysis or storage did not finish'}; the cursor did not move, the next crawl fetches them again`,
  ];
  await deps.store.saveCrawlRun(run);
  return run;
}
