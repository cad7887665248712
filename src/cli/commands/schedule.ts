import { UserError } from '../../domain/errors.js';
import { onShutdown } from '../../queue/shutdown.js';
import { renderTable } from '../../reports/render.js';
import { planSchedules } from '../../schedule/plan.js';
import { scheduleStatus } from '../../schedule/status.js';
import { syncSchedules } from '../../schedule/sync.js';
import { type Command, write } from '../command.js';
import { openRuntime } from '../runtime.js';

const when = (d: Date | undefined) => (d ? new Date(d).toISOString().slice(0, 16).replace('T', ' ') : null);

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
  options: { json: { type: 'boolean', default: false } },
  async run({ values, positionals }, io) {
    const [action] = positionals;
    if (action !== 'list' && action !== 'sync') throw new UserError(`schedule: unknown action "${action ?? ''}" (one of: list, sync)`);
    const rt = await openRuntime(io, { values });
    const plan = planSchedules(rt.config);
    if (action === 'list') {
      try {
        const registered = rt.queue.kind === 'bullmq' ? await rt.queue.listSchedules() : null;
        const rows = await scheduleStatus(rt.store, plan, registered);
        if (values.json) {
          write(io.stdout, JSON.stringify({ queue: rt.queue.kind, schedules: rows }, null, 2));
          return 0;
        }
        const table = rows.map((r) => ({
          id: r.id,
          cron: r.cron,
          registered: r.registered === null ? 'inline' : r.registered,
          next: when(r.next),
          lastRun: when(r.lastRun?.startedAt),
          status: r.lastRun?.status ?? null,
          new: r.lastRun?.itemsNew ?? null,
          pages: r.lastRun?.pages ?? null,
          failures: r.lastRun ? Object.entries(r.lastRun.failures).map(([k, v]) => `${k} ${v}`).join(', ') || 'none' : null,
        }));
        const note =
          rt.queue.kind === 'inline'
            ? 'inline queue (no REDIS_URL): schedules run only while `earshot schedule sync` is running'
            : 'BullMQ job schedulers; run `earshot schedule sync` after changing config';
        write(io.stdout, renderTable('schedules (times UTC)', [{ name: 'schedules', title: note, columns: Object.keys(table[0] ?? { id: '' }), rows: table }]));
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
    const { registerStages } = await import('../../../pipelines/register.js');
    registerStages(rt);
    write(io.stderr, `no REDIS_URL: running ${plan.length} schedule(s) as in-process timers in this process; Ctrl-C to stop`);
    await new Promise<void>((resolve) => {
      onShutdown(
        async () => {
          await rt.close();
          resolve();
        },
        { deadlineMs: rt.env.EARSHOT_SHUTDOWN_TIMEOUT_MS, log: (l) => write(io.stderr, l) },
      );
    });
    return 0;
  },
};
