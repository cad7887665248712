import type { Delivery } from '../src/domain/alert.js';
import type { Queue } from '../src/queue/queue.js';
import type { Store } from '../src/store/store.js';
import { catalog, type JobCatalog } from './catalog.js';
import type { Log } from './deps.js';
import { pendingDeliveries } from './notify.js';

/** How often a worker looks for pending deliveries, in ms. Default of {@link startDeliverySweeper}. */
export const SWEEP_EVERY_MS = 60_000;
/** The longest wait before a pending delivery is tried again, in ms. */
const MAX_BACKOFF_MS = 3_600_000;

/**
 * When a pending delivery is due again: right away when it was never tried, else after the notify backoff doubled
 * per try so far (15 s, 30 s, 1 min … capped at 1 h), counted from its last try. A receiver that is down for a day
 * is not hammered by every worker's sweep.
 */
export function dueAt(d: Pick<Delivery, 'attempts' | 'updatedAt'>): number {
  if (d.attempts === 0) return 0;
  const wait = Math.min(MAX_BACKOFF_MS, catalog.notify.backoffMs * 2 ** Math.min(d.attempts - 1, 20));
  return new Date(d.updatedAt).getTime() + wait;
}

/**
 * Hands the due pending deliveries to the queue (one `notify` job each, with the job id detection uses, so a
 * delivery whose job is still waiting or retrying is not queued twice). Returns how many were handed over.
 */
export async function sweepPendingDeliveries(deps: { store: Store; queue: Pick<Queue<JobCatalog>, 'enqueue'> }, now = Date.now()): Promise<number> {
  let n = 0;
  for (const d of await pendingDeliveries(deps.store)) {
    if (dueAt(d) > now) continue;
    await deps.queue.enqueue('notify', { alertId: d.alertId, channel: d.channel, delivery: d._id }, { jobId: `notify:${d._id}` });
    n++;
  }
  return n;
}

export interface DeliverySweeper {
  /** Stops the timer and waits for a sweep in progress. */
  stop(): Promise<void>;
}

/**
 * Long-running processes (`earshot worker`, `earshot serve`) send what one-shot commands left pending (a receiver
 * that was down, a command killed before its delivery): a sweep at start, then every `everyMs`.
 */
export function startDeliverySweeper(deps: { store: Store; queue: Pick<Queue<JobCatalog>, 'enqueue'>; log?: Log }, everyMs = SWEEP_EVERY_MS): DeliverySweeper {
  let running: Promise<void> = Promise.resolve();
  const sweep = () => {
    running = running
      .then(async () => {
        const n = await sweepPendingDeliveries(deps);
        if (n > 0) deps.log?.info(`${n} pending alert deliver${n === 1 ? 'y' : 'ies'} handed to notify`);
      })
      .catch((err: unknown) => deps.log?.warn(`pending deliveries not swept: ${(err as Error).message}`));
  };
  sweep();
  const timer = setInterval(sweep, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
