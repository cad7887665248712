import type { JobCatalog } from '../../pipelines/catalog.js';
import type { Queue } from '../queue/queue.js';
import { isOwned, type PlannedSchedule } from './plan.js';

export interface SyncResult {
  added: string[];
  updated: string[];
  unchanged: string[];
  /** Schedules of sources or brands no longer in config. */
  removed: string[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Makes the queue's schedules match the plan: registers new ones, replaces changed ones (BullMQ
 * `upsertJobScheduler`), and removes earshot's schedules that are no longer planned. Run it from one process
 * (`earshot schedule sync`); workers never register schedules, so replicas cannot fight over them.
 */
export async function syncSchedules(queue: Pick<Queue<JobCatalog>, 'schedule' | 'unschedule' | 'listSchedules'>, plan: PlannedSchedule[]): Promise<SyncResult> {
  const existing = new Map((await queue.listSchedules()).map((s) => [s.id, s]));
  const result: SyncResult = { added: [], updated: [], unchanged: [], removed: [] };
  for (const p of plan) {
    const e = existing.get(p.id);
    if (e && e.cron === p.cron && (e.tz ?? 'UTC') === (p.tz ?? 'UTC') && e.name === p.job && same(e.payload, p.job === 'crawl' ? { ...p.payload, full: false } : p.payload)) {
      result.unchanged.push(p.id);
      continue;
    }
    await queue.schedule(p.id, p.cron, p.job, p.payload as never, { tz: p.tz ?? 'UTC' });
    (e ? result.updated : result.added).push(p.id);
  }
  const planned = new Set(plan.map((p) => p.id));
  for (const id of existing.keys()) {
    if (isOwned(id) && !planned.has(id)) {
      await queue.unschedule(id);
      result.removed.push(id);
    }
  }
  return result;
}
