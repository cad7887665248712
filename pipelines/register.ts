import { analyzeBatch } from './analyze.js';
import { crawlSource } from './crawl.js';
import type { PipelineDeps } from './deps.js';
import { detect } from './detect.js';
import { ingestBatch } from './ingest.js';
import { notify } from './notify.js';
import { reanalyzeBatch } from './reanalyze.js';

/** Attach every stage's handler to the queue. `concurrency` is per job type (default 2). */
export function registerStages(deps: PipelineDeps, opts: { concurrency?: number } = {}): void {
  const c = opts.concurrency ?? 2;
  const q = deps.queue;
  q.work('crawl', (p, ctx) => crawlSource(deps, p, ctx.signal), { concurrency: c });
  q.work('analyze', (p) => analyzeBatch(deps, p.items), { concurrency: c });
  // One ingest at a time: rollup buckets touched by two batches are recomputed in turn, never interleaved.
  q.work('ingest', (p) => ingestBatch(deps, p.mentions), { concurrency: 1 });
  q.work('detect', (p) => detect(deps, p), { concurrency: 1 });
  q.work('notify', (p, ctx) => notify(deps, p, ctx), { concurrency: c });
  q.work('reanalyze', (p) => reanalyzeBatch(deps, p), { concurrency: 1 });
}
