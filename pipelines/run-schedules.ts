import { hostname } from 'node:os';
import { InProcessScheduler } from '../src/schedule/in-process.js';
import type { PlannedSchedule } from '../src/schedule/plan.js';
import { HEARTBEAT_MS, SCHEDULE_RUNS, SCHEDULER_STATE, type ScheduleRunDoc, type SchedulerState } from '../src/schedule/state.js';
import { crawlSource } from './crawl.js';
import type { PipelineDeps } from './deps.js';
import { detect } from './detect.js';

/**
 * Runs the config's schedules in this process (no Redis): each source's crawl and each alerting brand's detection
 * on its cron, with the pipeline's later stages on the in-process queue. Returns the scheduler; `stop` it on
 * shutdown. Its timers keep the process alive.
 */
export async function startInProcessSchedules(
  deps: PipelineDeps,
  plan: PlannedSchedule[],
  opts: { log: (line: string) => void; concurrency?: number },
): Promise<{ update(plan: PlannedSchedule[]): Promise<void>; stop(deadlineMs: number): Promise<void> }> {
  const startedAt = new Date();
  const holder: { scheduler?: InProcessScheduler } = {};
  let saving = Promise.resolve();
  const saveState = () => {
    if (!holder.scheduler) return;
    const next = Object.fromEntries(holder.scheduler.nextRuns().flatMap((r) => (r.next ? [[r.id, r.next]] : [])));
    const state: SchedulerState = { _id: 'in-process', pid: process.pid, host: hostname(), startedAt, heartbeatAt: new Date(), next };
    saving = saving
      .then(() => deps.store.putDoc(SCHEDULER_STATE, state as unknown as SchedulerState & Record<string, unknown>))
      .catch((err: Error) => opts.log(`schedule: could not record the scheduler's state: ${err.message}`));
  };

  const scheduler = new InProcessScheduler(plan, {
    log: opts.log,
    ...(opts.concurrency ? { concurrency: opts.concurrency } : {}),
    onChange: saveState,
    lastStarted: async (s) => {
      const doc = await deps.store.getDoc<ScheduleRunDoc>(SCHEDULE_RUNS, s.id);
      let last = doc ? new Date(doc.startedAt) : null;
      if (s.job === 'crawl' && s.source) {
        // A crawl run by hand (`earshot crawl`) counts too: the source is not overdue right after one.
        const [run] = await deps.store.listCrawlRuns({ brand: s.brand, 'source.name': s.source }, { sort: { startedAt: -1 }, limit: 1 });
        if (run && (!last || run.startedAt > last)) last = new Date(run.startedAt);
      }
      return last;
    },
    run: async (s, signal) => {
      const doc: ScheduleRunDoc = { _id: s.id, startedAt: new Date() };
      await deps.store.putDoc(SCHEDULE_RUNS, { ...doc });
      const outcome = await runScheduled(deps, s, signal).catch((err: Error) => `failed: ${err.message}`);
      await deps.store.putDoc(SCHEDULE_RUNS, { ...doc, finishedAt: new Date(), outcome });
      return outcome;
    },
  });
  holder.scheduler = scheduler;
  await scheduler.start();
  const heartbeat = setInterval(saveState, HEARTBEAT_MS);
  heartbeat.unref();
  return {
    update: (next) => scheduler.update(next),
    async stop(deadlineMs) {
      clearInterval(heartbeat);
      await scheduler.stop(deadlineMs);
      await saving;
      const stopped: SchedulerState = { _id: 'in-process', pid: process.pid, host: hostname(), startedAt, heartbeatAt: new Date(0), next: {} };
      await deps.store.putDoc(SCHEDULER_STATE, stopped as unknown as SchedulerState & Record<string, unknown>);
    },
  };
}

async function runScheduled(deps: PipelineDeps, s: PlannedSchedule, signal: AbortSignal): Promise<string> {
  if (s.job === 'detect') {
    const outcomes = await detect(deps, { brand: s.brand });
    const count = (status: string) => outcomes.filter((o) => o.status === status).length;
    return `${count('fired')} fired, ${count('quiet')} quiet, ${count('cooldown')} in cooldown`;
  }
  if (s.job === 'digest') {
    const { sendDigest } = await import('../src/digest/send.js');
    const sent = await sendDigest(deps, s.brand);
    return `digest ${sent.period.from} – ${sent.period.to} sent to ${sent.channels.join(', ')}`;
  }
  const run = await crawlSource(deps, { brand: s.brand, source: s.source!, full: false }, signal);
  const failures = Object.entries(run.failures).map(([k, v]) => `${v} ${k}`);
  const first = run.samples[0] ? ` (first: ${run.samples[0].reason} at ${run.samples[0].url})` : '';
  return `${run.status}, ${run.itemsNew} new, ${run.itemsSeen} seen, ${run.pages} page(s)${failures.length ? `, failures: ${failures.join(', ')}${first}` : ''}`;
}
