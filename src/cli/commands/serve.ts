import { isIP } from 'node:net';
import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { UserError } from '../../domain/errors.js';
import { onShutdown } from '../../queue/shutdown.js';
import { planSchedules } from '../../schedule/plan.js';
import type { Config } from '../../config/schema.js';
import type { ApiDeps } from '../../api/deps.js';
import type { PipelineDeps } from '../../../pipelines/deps.js';
import { type Command, str, write } from '../command.js';
import { existingConfigPath } from '../config-path.js';
import { openRuntime } from '../runtime.js';

function redisReady(url: string): () => Promise<void> {
  return async () => {
    const { assertRedisReachable } = await import('../../queue/redis-check.js');
    await assertRedisReachable(url, 2000);
  };
}

const LogLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);
const isLoopback = (host: string) => LOOPBACK.has(host) || (isIP(host) === 4 && host.startsWith('127.'));

/**
 * `earshot serve`: the HTTP API (and its OpenAPI docs). On the embedded default without Redis it also runs the
 * schedules and the pipeline in this process, so one box needs only this command; with REDIS_URL, workers do the jobs.
 */
export const serveCommand: Command = {
  name: 'serve',
  summary: 'serve the HTTP API (/api/v1, OpenAPI at /docs); without Redis also run the schedules in this process',
  usage: 'earshot serve [--port 8787] [--host 127.0.0.1] [--no-schedules] [--report-threads N]',
  options: {
    port: { type: 'string', default: '8787', valueName: 'PORT', description: 'TCP port to listen on' },
    host: { type: 'string', default: '127.0.0.1', valueName: 'ADDR', description: 'address to listen on; any address other than loopback needs an API key to exist' },
    'no-schedules': { type: 'boolean', default: false, description: 'without Redis: do not run the crawl/detect schedules in this process (API only)' },
    'report-threads': {
      type: 'string',
      default: 'auto',
      valueName: 'N',
      description: 'threads that compute reports on the embedded store, each with its own read connection, so a long report never holds up other answers; auto = one per core (at most 4), 0 = on the server thread',
    },
  },
  details: [
    'Config changes: serve reloads the config file on SIGHUP and when the file changes (checked every 2 s): brands, sources, alert rules, channels and digests take effect for the next request and job, and the in-process schedules follow (a new source is crawled at once, a removed one stops). Running jobs finish with the config they started with; a file that does not load is reported and the running config kept.',
  ],
  examples: ['earshot serve --config config/demo.yaml', 'earshot serve --host 0.0.0.0 --port 8080'],
  async run({ values }, io) {
    const port = Number(str(values, 'port'));
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UserError(`--port: expected 0–65535, got "${str(values, 'port')}"`);
    const host = str(values, 'host')!;
    const logLevel = LogLevel.safeParse(io.env.EARSHOT_LOG_LEVEL || 'info');
    if (!logLevel.success) throw new UserError(`EARSHOT_LOG_LEVEL: expected one of ${LogLevel.options.join(', ')}, got "${io.env.EARSHOT_LOG_LEVEL}"`);
    const rateLimit = z.coerce.number().int().positive().safeParse(io.env.EARSHOT_API_RATE_LIMIT || '600');
    if (!rateLimit.success) throw new UserError(`EARSHOT_API_RATE_LIMIT: expected requests per minute per key (a positive whole number), got "${io.env.EARSHOT_API_RATE_LIMIT}"`);
    const threadsArg = str(values, 'report-threads') ?? 'auto';
    const threads = threadsArg === 'auto' ? Math.min(4, availableParallelism()) : Number(threadsArg);
    if (!Number.isInteger(threads) || threads < 0 || threads > 64) throw new UserError(`--report-threads: expected auto or 0–64, got "${threadsArg}"`);
    const rt = await openRuntime(io, { values });
    const [{ buildApiServer }, { listKeys }, { createMetrics, instrumentQueue }] = await Promise.all([
      import('../../api/server.js'),
      import('../../api/keys.js'),
      import('../../api/metrics.js'),
    ]);
    let stopSchedules: ((deadlineMs: number) => Promise<void>) | undefined;
    let updateSchedules: ((config: Config) => Promise<void>) | undefined;
    let sweeper: { stop(): Promise<void> } | undefined;
    let pruner: { stop(): Promise<void> } | undefined;
    let limiter: { quit(): Promise<unknown> } | undefined;
    let reportPool: { close(): Promise<void> } | undefined;
    let stopWatching: (() => void) | undefined;
    try {
      if (!isLoopback(host) && (await listKeys(rt.store)).length === 0) {
        throw new UserError(`serve: refusing to listen on ${host} while no API key exists (create one: earshot keys create --name NAME --scope read)`);
      }
      const metrics = createMetrics(rt);
      let stageDeps: PipelineDeps | undefined;
      if (rt.queue.kind === 'inline') {
        // No workers elsewhere: this process runs the pipeline's stages (for POST /api/v1/crawls and the schedules).
        const { registerStages } = await import('../../../pipelines/register.js');
        const queue = instrumentQueue(rt.queue, metrics);
        stageDeps = { ...rt, queue };
        registerStages(stageDeps);
        // Deliveries a one-shot command left pending go out from here, with backoff.
        const { startDeliverySweeper } = await import('../../../pipelines/delivery-sweeper.js');
        sweeper = startDeliverySweeper(stageDeps, rt.env.EARSHOT_DELIVERY_SWEEP_MS);
        const { startBookkeepingPruner } = await import('../../../pipelines/prune-bookkeeping.js');
        pruner = startBookkeepingPruner(rt, rt.env.EARSHOT_RETENTION_DAYS);
      }
      if (rt.env.REDIS_URL) {
        // Several API processes (or a restarted one) count each key's requests in one place.
        const { Redis } = await import('ioredis');
        const client = new Redis(rt.env.REDIS_URL, { maxRetriesPerRequest: 1, connectTimeout: 2000, enableOfflineQueue: false });
        client.on('error', () => {}); // unreachable Redis: the count fails and the request goes through (readyz says why)
        limiter = client;
      }
      const pool =
        threads > 0 && rt.store.dataDir !== undefined ? await (await import('../../api/report-pool.js')).ReportPool.start({ dataDir: rt.store.dataDir, threads }) : undefined;
      reportPool = pool;
      // Routes read `apiDeps.config` on each request, so a reload below reaches them.
      const apiDeps: ApiDeps = {
        config: rt.config,
        store: rt.store,
        startCrawl: (t) => rt.queue.enqueue('crawl', t),
        // With Redis, ready also means the queue answers (a short connection of its own, so a probe never hangs).
        ...(rt.queue.kind === 'bullmq' && rt.env.REDIS_URL ? { ready: redisReady(rt.env.REDIS_URL) } : {}),
      };
      const app = await buildApiServer(apiDeps, {
        logger: { level: logLevel.data },
        metrics,
        rateLimitPerMinute: rateLimit.data,
        ...(limiter ? { rateLimitRedis: { client: limiter } } : {}),
        ...(pool ? { reportPool: pool } : {}),
      });
      if (rt.queue.kind === 'inline' && !values['no-schedules']) {
        const { startInProcessSchedules } = await import('../../../pipelines/run-schedules.js');
        const scheduler = await startInProcessSchedules(rt, planSchedules(rt.config), {
          log: (line) => write(io.stderr, line),
          concurrency: rt.env.EARSHOT_WORKER_CONCURRENCY,
        });
        stopSchedules = (ms) => scheduler.stop(ms);
        updateSchedules = (config) => scheduler.update(planSchedules(config));
      }
      // The config file is watched as workers watch it (SIGHUP or a change): every holder of the config gets the new one.
      const [{ watchConfig }, { loadConfig }] = await Promise.all([import('../../ops/config-reload.js'), import('../../config/load.js')]);
      const live = {
        get config(): Config {
          return rt.config;
        },
        set config(next: Config) {
          rt.config = next;
          apiDeps.config = next;
          if (stageDeps) stageDeps.config = next;
          void updateSchedules?.(next).catch((err: Error) => write(io.stderr, `earshot serve: warning: schedules not updated: ${err.message}`));
        },
      };
      stopWatching = watchConfig(live, existingConfigPath(values, rt.env), (f) => loadConfig(f, { env: io.env }), {
        info: (m) => write(io.stderr, `earshot serve: ${m}`),
        warn: (m) => write(io.stderr, `earshot serve: warning: ${m}`),
      });
      const address = await app.listen({ port, host }).catch((err: Error) => {
        throw new UserError(`serve: cannot listen on ${host}:${port}: ${err.message}`);
      });
      write(io.stderr, `earshot serve: listening on ${address} (API ${address}/api/v1, docs ${address}/docs)${stopSchedules ? '; running the schedules in this process' : ''}${pool ? `; reports on ${pool.size} thread${pool.size === 1 ? '' : 's'}` : ''}`);
      await new Promise<void>((resolve) => {
        onShutdown(
          async () => {
            stopWatching?.();
            await app.close();
            await stopSchedules?.(rt.env.EARSHOT_SHUTDOWN_TIMEOUT_MS);
            await sweeper?.stop();
            await pruner?.stop();
            await limiter?.quit().catch(() => {});
            await reportPool?.close();
            await rt.close();
            resolve();
          },
          { deadlineMs: rt.env.EARSHOT_SHUTDOWN_TIMEOUT_MS, log: (l) => write(io.stderr, l) },
        );
      });
      return 0;
    } catch (err) {
      stopWatching?.();
      await sweeper?.stop();
      await pruner?.stop();
      await limiter?.quit().catch(() => {});
      await reportPool?.close();
      await stopSchedules?.(1000);
      await rt.close();
      throw err;
    }
  },
};
