import { CronExpressionParser } from 'cron-parser';
import { sweepInterruptedRuns } from '../../pipelines/interrupted-runs.js';
import type { CrawlRun } from '../domain/crawl-run.js';
import type { ScheduleInfo } from '../queue/queue.js';
import type { Store } from '../store/store.js';
import type { PlannedSchedule } from './plan.js';

export interface ScheduleStatus extends PlannedSchedule {
  /** Registered on the queue (BullMQ), or null on the inline queue where schedules live only in a running process. */
  registered: boolean | null;
  next: Date;
  /** The source's latest crawl run: its start, outcome and health (`interrupted`: when and why its process was lost). */
  lastRun?: Pick<CrawlRun, 'startedAt' | 'finishedAt' | 'status' | 'pages' | 'itemsNew' | 'itemsSeen' | 'failures' | 'interrupted'>;
}

/**
 * Each planned schedule with its next run (the queue's, else computed from the cron) and the source's last crawl run.
 * Runs left `running` by a process that is gone are marked `interrupted` first, so none is shown as live.
 */
export async function scheduleStatus(
  store: Store,
  plan: PlannedSchedule[],
  registered: ScheduleInfo[] | null,
  now: Date = new Date(),
): Promise<ScheduleStatus[]> {
  await sweepInterruptedRuns(store);
  const byId = new Map((registered ?? []).map((s) => [s.id, s]));
  const out: ScheduleStatus[] = [];
  for (const p of plan) {
    const reg = byId.get(p.id);
    const next = reg?.next ?? CronExpressionParser.parse(p.cron, { currentDate: now, tz: p.tz ?? 'UTC' }).next().toDate();
    let lastRun: ScheduleStatus['lastRun'];
    if (p.source) {
      const [run] = await store.listCrawlRuns({ brand: p.brand, 'source.name': p.source }, { sort: { startedAt: -1 }, limit: 1 });
      if (run) {
        lastRun = {
          startedAt: run.startedAt,
          ...(run.finishedAt ? { finishedAt: run.finishedAt } : {}),
          status: run.status,
          pages: run.pages,
          itemsNew: run.itemsNew,
          itemsSeen: run.itemsSeen,
          failures: run.failures,
          ...(run.interrupted ? { interrupted: run.interrupted } : {}),
        };
      }
    }
    out.push({ ...p, registered: registered === null ? null : byId.has(p.id), next, ...(lastRun ? { lastRun } : {}) });
  }
  return out;
}
