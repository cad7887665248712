import { sweepInterruptedRuns } from '../../../pipelines/interrupted-runs.js';
import { startDeliverySweeper } from '../../../pipelines/delivery-sweeper.js';
import { startBookkeepingPruner } from '../../../pipelines/prune-bookkeeping.js';
import { registerStages } from '../../../pipelines/register.js';
import { UserError } from '../../domain/errors.js';
import { BullmqQueue } from '../../queue/bullmq.js';
import { checkRedisDurability } from '../../queue/redis-check.js';
import { onShutdown } from '../../queue/shutdown.js';
import { type Command, str, write } from '../command.js';
import { existingConfigPath } from '../config-path.js';
import { openRuntime } from '../runtime.js';

/** `earshot worker`: take crawl/analyze/ingest/detect/notify jobs from BullMQ until SIGTERM. */
export const workerCommand: Command = {
  name: 'worker',
  summary: 'run pipeline workers on BullMQ (needs REDIS_URL) until SIGTERM/SIGINT',
  usage: 'earshot worker [--concurrency N] [--lock-ms MS] [--metrics-port PORT] [--metrics-host ADDR]',
  // --lock-ms: how soon the jobs of a worker that died are taken back by others (BullMQ lock and stalled check), default 30000.
  options: {
    concurrency: { type: 'string', valueName: 'N', description: 'jobs run at once per queue (default: $EARSHOT_WORKER_CONCURRENCY, else 2)' },
    'lock-ms': { type: 'string', valueName: 'MS', description: 'how soon, in ms, the jobs of a worker that died are taken back by others (BullMQ lock; at least 1000, default 30000)' },
    'metrics-port': { type: 'string', valueName: 'PORT', description: 'serve GET /healthz and Prometheus GET /metrics on this port (default: none)' },
    'metrics-host': { type: 'string', default: '127.0.0.1', valueName: 'ADDR', description: 'address of the metrics port; 0.0.0.0 to be scraped from other containers' },
  },
  details: [
    'Needs REDIS_URL. SIGTERM/SIGINT: stops taking jobs, lets running ones finish (up to $EARSHOT_SHUTDOWN_TIMEOUT_MS), hands the rest back.',
    'Logs one JSON line per job on stdout (pino: job, stage, attempt, brand/source, durationMs, outcome, err). Start-up and shutdown notes go to stderr.',
    'Config changes: the worker reloads the config file on SIGHUP and when the file changes (checked every 2 s); running jobs finish with the config they started with, queued jobs are kept. A file that does not load is reported and the running config kept. Run earshot schedule sync too when schedules changed.',
  ],
  examples: ['REDIS_URL=redis://127.0.0.1:6379 earshot worker --concurrency 4'],
  async run({ values }, io) {
    if (!io.env.REDIS_URL) throw new UserError('worker needs REDIS_URL (without it, `earshot crawl` runs the pipeline in-process)');
    const rt = await openRuntime(io, { values });
    const concurrency = values.concurrency ? Number(values.concurrency) : rt.env.EARSHOT_WORKER_CONCURRENCY;
    if (!Number.isInteger(concurrency) || concurrency <= 0) {
      await rt.close();
      throw new UserError(`--concurrency: expected a positive whole number, got "${String(values.concurrency)}"`);
    }
    const lockMs = values['lock-ms'] === undefined ? undefined : Number(values['lock-ms']);
    if (lockMs !== undefined && (!Number.isInteger(lockMs) || lockMs < 1000)) {
      await rt.close();
      throw new UserError(`--lock-ms: expected a whole number of milliseconds, at least 1000, got "${String(values['lock-ms'])}"`);
    }
    if (lockMs && rt.queue instanceof BullmqQueue) rt.queue.setLockDuration(lockMs);
    // Say at start when this Redis can lose the jobs it holds (no persistence, or eviction under memory pressure).
    const durability = await checkRedisDurability(io.env.REDIS_URL).catch(() => null);
    for (const w of durability?.warnings ?? []) write(io.stderr, `earshot worker: warning: ${w}`);
    // Crawl runs a killed worker left `running` are marked interrupted (their jobs come back through BullMQ's stall check).
    const swept = await sweepInterruptedRuns(rt.store, { startup: true });
    if (swept.length) write(io.stderr, `earshot worker: ${swept.length} crawl run(s) left running by a lost process marked interrupted`);
    const metricsPort = values['metrics-port'] === undefined ? undefined : Number(values['metrics-port']);
    if (metricsPort !== undefined && (!Number.isInteger(metricsPort) || metricsPort < 0 || metricsPort > 65_535)) {
      await rt.close();
      throw new UserError(`--metrics-port: expected a port number (0–65535), got "${String(values['metrics-port'])}"`);
    }
    const [{ pino }, { createMetrics, instrumentQueue }, { observeJobs }, { startOpsServer }, { watchConfig }, { loadConfig }] = await Promise.all([
      import('pino'),
      import('../../api/metrics.js'),
      import('../../ops/job-log.js'),
      import('../../ops/ops-server.js'),
      import('../../ops/config-reload.js'),
      import('../../config/load.js'),
    ]);
    const logger = pino({ base: { pid: process.pid, role: 'worker' } });
    const metrics = createMetrics(rt);
    observeJobs(instrumentQueue(rt.queue, metrics), logger, metrics.registry);
    let stopping = false;
    const ops =
      metricsPort === undefined
        ? undefined
        : await startOpsServer({
            port: metricsPort,
            host: str(values, 'metrics-host') ?? '127.0.0.1',
            registry: metrics.registry,
            health: () => ({ ok: !stopping, brands: rt.config.brands.length, uptimeS: Math.round(process.uptime()) }),
          }).catch(async (err: Error) => {
            await rt.close();
            throw new UserError(`--metrics-port: cannot listen on ${str(values, 'metrics-host')}:${metricsPort}: ${err.message}`);
          });
    if (ops) write(io.stderr, `earshot worker: /healthz and /metrics on ${ops.url}`);
    const file = existingConfigPath(values, rt.env);
    const stopWatching = watchConfig(rt, file, (f) => loadConfig(f, { env: io.env }), {
      info: (m) => write(io.stderr, `earshot worker: ${m}`),
      warn: (m) => write(io.stderr, `earshot worker: warning: ${m}`),
    });
    registerStages(rt, { concurrency });
    // Deliveries a one-shot command left pending (receiver down, command killed) go out from here, with backoff.
    const sweeper = startDeliverySweeper(rt, rt.env.EARSHOT_DELIVERY_SWEEP_MS);
    const pruner = startBookkeepingPruner(rt, rt.env.EARSHOT_RETENTION_DAYS);
    write(io.stderr, `earshot worker: ${rt.config.brands.length} brand(s), concurrency ${concurrency}, store ${rt.store.kind}; waiting for jobs`);
    await new Promise<void>((resolve) => {
      onShutdown(
        async () => {
          stopping = true;
          stopWatching();
          await sweeper.stop();
          await pruner.stop();
          await rt.close();
          await ops?.close();
          resolve();
        },
        { deadlineMs: rt.env.EARSHOT_SHUTDOWN_TIMEOUT_MS, log: (l) => write(io.stderr, l) },
      );
    });
    return 0;
  },
};
