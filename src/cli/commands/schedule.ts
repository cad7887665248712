import { UserError } from '../../domain/errors.js';
import { onShutdown } from '../../queue/shutdown.js';
import { renderTable } from '../../reports/render.js';
import { planSchedules } from '../../schedule/plan.js';
import { inProcessSchedules, liveSchedulerState } from '../../schedule/state.js';
import { scheduleStatus } from '../../schedule/status.js';
import { syncSchedules } from '../../schedule/sync.js';
import { type Command, write } from '../command.js';
import { tableOptions } from '../terminal.js';
import { formatTime } from '../time.js';
import { openRuntime } from '../runtime.js';



/**
 * `earshot schedule list|sync`. With REDIS_URL, `sync` registers every source's crawl (and each alerting brand's
 * detection) as BullMQ job schedulers and removes those of sources gone from config; workers run them. Without it,
 * `sync` keeps the schedules as in-process timers and runs the pipeline in this process until Ctrl-C.
 */
export const scheduleCommand: Command = {
  name: 'schedule',
  summary: 'show crawl/detect schedules with next and last run and source health, or register them (sync)',
  usage: 'earshot schedule list [--json]\n       earshot schedule sync     (BullMQ with REDIS_URL; otherwise runs the schedules in this process)',
  positionals: true,
  options: { json: { type: 'boolean', default: false, description: 'list: print JSON instead of a table' } },
  details: [
    'list: each crawl, detect and digest schedule with its cron, time zone, next run, last run and source health. sync: registers the schedules the config asks for (BullMQ job schedulers with REDIS_URL) and removes those of sources no longer configured; run it after every config change.',
  ],
  examples: ['earshot schedule list --config config/demo.yaml', 'REDIS_URL=redis://127.0.0.1:6379 earshot schedule sync'],
  async run({ values, positionals }, io) {
    const [action] = positionals;
    if (action !== 'list' && action !== 'sync') throw new UserError(`schedule: unknown action "${action ?? ''}" (one of: list, sync)`);
    const rt = await openRuntime(io, { values });
    const plan = planSchedules(rt.config);
    if (action === 'list') {
      try {
        const inline = rt.queue.kind === 'inline' ? await liveSchedulerState(rt.store) : null;
        const registered =
          rt.queue.kind === 'bullmq'
            ? await rt.queue.listSchedules()
            : inline
              ? inProcessSchedules(inline)
              : null;
        const rows = await scheduleStatus(rt.store, plan, registered);
        if (values.json) {
          const scheduler = inline ? { pid: inline.pid, host: inline.host, startedAt: inline.startedAt, heartbeatAt: inline.heartbeatAt } : null;
          write(io.stdout, JSON.stringify({ queue: rt.queue.kind, ...(rt.queue.kind === 'inline' ? { scheduler } : {}), schedules: rows }, null, 2));
          return 0;
        }
        const table = rows.map((r) => ({
          id: r.id,
          cron: r.cron,
          registered: r.registered === null ? 'not running' : rt.queue.kind === 'inline' ? (r.registered ? 'in-process' : 'not running') : r.registered,
          next: r.next ? formatTime(r.next, rt.config.timezone) : null,
          lastRun: r.lastRun ? formatTime(r.lastRun.startedAt, rt.config.timezone) : null,
          status: r.lastRun?.status ?? null,
          new: r.lastRun?.itemsNew ?? null,
          pages: r.lastRun?.pages ?? null,
          failures: r.lastRun ? Object.entries(r.lastRun.failures).map(([k, v]) => `${k} ${v}`).join(', ') || 'none' : null,
        }));
        const note =
          rt.queue.kind === 'bullmq'
            ? 'BullMQ job schedulers; run `earshot schedule sync` after changing config'
            : inline
              ? `in-process schedules, run by \`earshot schedule sync\` (pid ${inline.pid} on ${inline.host})`
              : 'in-process schedules (no REDIS_URL): none running; start `earshot schedule sync` to run them';
        write(io.stdout, renderTable(`schedules (times ${rt.config.timezone})`, [{ name: 'schedules', title: note, columns: Object.keys(table[0] ?? { id: '' }), rows: table }], tableOptions(io)));
        return 0;
      } finally {
        await rt.close();
      }
    }
    const result = await syncSchedules(rt.queue, plan).catch(async (err: unknown) => {
      await rt.close();
      throw err;
    });
    const summary = `${result.added.length} added, ${result.updated.length} updated, ${result.unchanged.length} unchanged, ${result.removed.length} removed`;
    if (rt.queue.kind === 'bullmq') {
      write(io.stdout, values.json ? JSON.stringify(result, null, 2) : `schedules synced: ${summary}${result.removed.length ? ` (${result.removed.join(', ')})` : ''}`);
      await rt.close();
      return 0;
    }
    // Loaded only here: list and BullMQ sync need none of the pipeline stages.
    const [{ registerStages }, { startInProcessSchedules }] = await Promise.all([
      import('../../../pipelines/register.js'),
      import('../../../pipelines/run-schedules.js'),
    ]);
    registerStages(rt);
    write(io.stderr, `no REDIS_URL: running ${plan.length} schedule(s) in this process (cron in ${rt.config.timezone}); Ctrl-C to stop`);
    const log = (line: string) => write(io.stderr, line);
    const scheduler = await startInProcessSchedules(rt, plan, { log, concurrency: rt.env.EARSHOT_WORKER_CONCURRENCY }).catch(async (err: unknown) => {
      await rt.close();
      throw err;
    });
    // The scheduler's timers keep the process up; should they ever all be gone, say so and fail rather than exit 0.
    const lost = () => {
      write(io.stderr, 'earshot: schedule sync: nothing left to run, stopping');
      process.exitCode = 1;
    };
    process.once('beforeExit', lost);
    await new Promise<void>((resolve) => {
      onShutdown(
        async () => {
          process.off('beforeExit', lost);
          await scheduler.stop(rt.env.EARSHOT_SHUTDOWN_TIMEOUT_MS);
          await rt.close();
          resolve();
        },
        { deadlineMs: rt.env.EARSHOT_SHUTDOWN_TIMEOUT_MS, log },
      );
    });
    return 0;
  },
};
