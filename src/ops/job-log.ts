import type { Logger } from 'pino';
import { Histogram, type Registry } from 'prom-client';
import type { Handler, Queue } from '../queue/queue.js';

/** A brand or source named by a payload, for the log line (never the payload itself: it can hold whole mentions). */
function subject(payload: unknown): Record<string, unknown> {
  const p = (payload ?? {}) as Record<string, unknown>;
  return Object.fromEntries(['brand', 'source', 'runId', 'batch', 'alertId', 'channel'].filter((k) => p[k] !== undefined).map((k) => [k, p[k]]));
}

/**
 * Wraps `queue.work` so every job this process runs writes one JSON log line when it ends — job id, stage, attempt,
 * duration, outcome (done | failed) and the error — and is timed in `earshot_job_duration_seconds` by stage and outcome.
 */
export function observeJobs<Q extends Pick<Queue, 'work'>>(queue: Q, log: Logger, registry: Registry): Q {
  const duration = new Histogram({
    name: 'earshot_job_duration_seconds',
    help: 'Pipeline jobs run by this worker: duration by stage and outcome',
    labelNames: ['stage', 'outcome'],
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300, 1200],
    registers: [registry],
  });
  const work = queue.work.bind(queue);
  queue.work = ((name: string, handler: Handler<unknown>, opts?: { concurrency?: number }) =>
    work(
      name as never,
      (async (payload, ctx) => {
        const started = performance.now();
        const line = { job: ctx.id, stage: name, attempt: ctx.attempt, ...subject(payload) };
        try {
          const out = await handler(payload, ctx);
          const ms = performance.now() - started;
          duration.observe({ stage: name, outcome: 'done' }, ms / 1000);
          log.info({ ...line, durationMs: Math.round(ms), outcome: 'done' }, `${name} done`);
          return out;
        } catch (err) {
          const ms = performance.now() - started;
          duration.observe({ stage: name, outcome: 'failed' }, ms / 1000);
          log.warn({ ...line, durationMs: Math.round(ms), outcome: 'failed', err: (err as Error).message }, `${name} failed`);
          throw err;
        }
      }) as Handler<unknown>,
      opts,
    )) as Q['work'];
  return queue;
}
