import { analyzeBatch } from './analyze.js';
import { catalog } from './catalog.js';
import { crawlSource } from './crawl.js';
import { PermanentError } from '../src/domain/errors.js';
import type { JobContext } from '../src/queue/queue.js';
import { type BatchRef, failRunForBatch, recordBatchFailed } from './cursor-commit.js';
import type { PipelineDeps } from './deps.js';
import { detect } from './detect.js';
import { ingestBatch } from './ingest.js';
import { deliverOnce, notify } from './notify.js';
import { reanalyzeBatch } from './reanalyze.js';

export interface StageOptions {
  /** Jobs of each type at a time (default 2). */
  concurrency?: number;
  /**
   * `retry` (default, workers and `serve`): a failed delivery is retried by the queue with backoff.
   * `once` (one-shot commands): each delivery is tried once, briefly; a failure stays `pending` in the store for the
   * next run or `earshot alerts deliver`, so the command never waits on a receiver.
   */
  deliveries?: 'retry' | 'once';
}

/** Attach every stage's handler to the queue. */
export function registerStages(deps: PipelineDeps, opts: StageOptions = {}): void {
  const c = opts.concurrency ?? 2;
  const q = deps.queue;
  q.work('crawl', (p, ctx) => crawlSource(deps, p, ctx.signal), { concurrency: c });
  q.work(
    'analyze',
    (p, ctx) => {
      const ref = p.batch === undefined ? undefined : { runId: p.runId, batch: p.batch };
      return noteFailure(deps, ref, final('analyze', ctx), () => analyzeBatch(deps, p.items, ref));
    },
    { concurrency: c },
  );
  // Ingest serialises batches of one brand itself (duplicate marking); rollup refreshes of one brand never interleave.
  q.work('ingest', (p, ctx) => noteFailure(deps, p.run, final('ingest', ctx), () => ingestBatch(deps, p.mentions, p.run)), { concurrency: c });
  q.work('detect', (p) => detect(deps, p), { concurrency: 1 });
  if (opts.deliveries === 'once') q.work('notify', (p, ctx) => deliverOnce(deps, p, ctx.signal), { concurrency: c });
  else q.work('notify', (p, ctx) => notify(deps, p, { ...ctx, maxAttempts: catalog.notify.attempts }), { concurrency: c });
  q.work('reanalyze', (p) => reanalyzeBatch(deps, p), { concurrency: 1 });
  // loaded on the first digest: the renderers and mailer are not needed by any other stage
  q.work('digest', async (p) => (await import('../src/digest/send.js')).sendDigest(deps, p.brand), { concurrency: 1 });
}

/** Whether a failure of this try is the last (permanent, or no tries left). */
const final = (name: 'analyze' | 'ingest', ctx: JobContext) => (err: unknown) =>
  err instanceof PermanentError || (err as Error).name === 'UnrecoverableError' || ctx.attempt >= catalog[name].attempts;

/**
 * A failed try of a crawl's batch is written on the batch, so the crawl can say why its items were not stored; the
 * last one also marks the crawl run failed.
 */
async function noteFailure<T>(deps: PipelineDeps, ref: BatchRef | undefined, isFinal: (err: unknown) => boolean, task: () => Promise<T>): Promise<T> {
  try {
    return await task();
  } catch (err) {
    if (ref) {
      const reason = (err as Error).message;
      await recordBatchFailed(deps.store, ref, reason).catch(() => {});
      if (isFinal(err)) await failRunForBatch(deps.store, ref, reason).catch(() => {});
    }
    throw err;
  }
}
