import { Queue as BullQueue, UnrecoverableError, WaitingError, Worker, type ConnectionOptions, type Job } from 'bullmq';
import { PermanentError } from '../domain/errors.js';
import type { Catalog, EnqueueOptions, Handler, Queue, ScheduleInfo } from './queue.js';
import { parseOnEnqueue, parseOnProcess, specFor, withTimeout } from './validate.js';

export interface BullmqQueueOptions {
  /** Redis URL, e.g. `redis://127.0.0.1:6379`. */
  url: string;
  /** Key prefix; tests use a random one per test. Default `earshot`. */
  prefix?: string;
  /** Called when a job has used all its tries. Default: one line on stderr. */
  onFailed?: (job: { name: string; id: string; payload: unknown }, err: Error) => void;
  /** Called for each running job handed back to the queue at shutdown. Default: one line on stderr. */
  onHandedBack?: (job: { name: string; id: string }) => void;
}

/**
 * After the shutdown deadline, how long running jobs get to stop (their signal is aborted) and be handed back before
 * the worker closes by force, in ms. Jobs still running then come back when their lock expires (BullMQ stall check).
 */
export const HAND_BACK_GRACE_MS = 5_000;

/** The abort reason jobs see when the shutdown deadline passes. */
export const SHUTDOWN_REASON = 'worker shutting down: the shutdown deadline passed, job handed back to the queue';

/**
 * The BullMQ adapter: one BullMQ queue per job name, exponential backoff from the catalog, a
 * `PermanentError` becomes an `UnrecoverableError` so BullMQ stops retrying. Cron schedules are job schedulers.
 */
export class BullmqQueue<C extends Catalog> implements Queue<C> {
  readonly kind = 'bullmq' as const;
  private readonly queues = new Map<string, BullQueue>();
  private readonly workers: Worker[] = [];
  private readonly connection: ConnectionOptions;
  private readonly prefix: string;
  private readonly shutdown = new AbortController();
  private lockMs?: number;

  constructor(
    private readonly catalog: C,
    private readonly opts: BullmqQueueOptions,
  ) {
    // Workers block on Redis; BullMQ requires maxRetriesPerRequest: null for them.
    this.connection = { url: opts.url, maxRetriesPerRequest: null };
    this.prefix = opts.prefix ?? 'earshot';
  }

  private queue(name: string): BullQueue {
    let q = this.queues.get(name);
    if (!q) {
      specFor(this.catalog, name);
      q = new BullQueue(name, { connection: this.connection, prefix: this.prefix });
      q.on('error', () => {}); // connection errors surface on the calls that need Redis
      this.queues.set(name, q);
    }
    return q;
  }

  private jobOptions(name: string) {
    const spec = specFor(this.catalog, name);
    return {
      attempts: spec.attempts,
      backoff: { type: 'exponential' as const, delay: spec.backoffMs },
      removeOnComplete: { age: 3600, count: 1000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    };
  }

  async enqueue<N extends keyof C & string>(name: N, payload: unknown, opts: EnqueueOptions = {}): Promise<void> {
    const data = parseOnEnqueue(this.catalog, name, payload);
    await this.queue(name).add(name, data, {
      ...this.jobOptions(name),
      ...(opts.jobId ? { jobId: opts.jobId.replace(/:/g, '_') } : {}),
      ...(opts.delayMs ? { delay: opts.delayMs } : {}),
    });
  }

  /**
   * How soon jobs of a worker that died (kill -9, a lost node) are taken back: their lock lasts `lockMs` without
   * renewal (renewed every `lockMs / 2` while the job runs) and the stalled-job check runs every `lockMs`. Applies
   * to workers started after the call. Default: BullMQ's 30000 ms.
   */
  setLockDuration(lockMs: number): void {
    this.lockMs = lockMs;
  }

  work<N extends keyof C & string>(name: N, handler: Handler<any>, opts: { concurrency?: number } = {}): void {
    const spec = specFor(this.catalog, name);
    const run = async (job: Job): Promise<unknown> => {
      try {
        const payload = parseOnProcess(this.catalog, name, job.data);
        return await withTimeout(
          spec.timeoutMs,
          (signal) => handler(payload, { name, id: String(job.id), attempt: job.attemptsMade + 1, signal }),
          this.shutdown.signal,
        );
      } catch (err) {
        if (err instanceof PermanentError) throw new UnrecoverableError(err.message);
        throw err;
      }
    };
    const worker = new Worker(
      name,
      async (job: Job, token?: string) => {
        const settled = await run(job).then(
          (value) => ({ ok: true as const, value }),
          (error: unknown) => ({ ok: false as const, error }),
        );
        if (this.shutdown.signal.aborted && token) {
          // The shutdown deadline cut this job short: hand it back, no try used, for the next worker (stages are
          // idempotent, so what it did already is done again harmlessly).
          await job.moveToWait(token);
          (this.opts.onHandedBack ?? defaultOnHandedBack)({ name, id: String(job.id) });
          throw new WaitingError();
        }
        if (!settled.ok) throw settled.error;
        return settled.value;
      },
      {
        connection: this.connection,
        prefix: this.prefix,
        concurrency: opts.concurrency ?? 2,
        autorun: true,
        ...(this.lockMs ? { lockDuration: this.lockMs, stalledInterval: this.lockMs } : {}),
      },
    );
    worker.on('error', (err) => process.stderr.write(`earshot: worker ${name}: ${err.message}\n`));
    worker.on('failed', (job, err) => {
      if (!job) return;
      const final = err.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1);
      if (final) (this.opts.onFailed ?? defaultOnFailed)({ name, id: String(job.id), payload: job.data }, err);
    });
    this.workers.push(worker);
  }

  async schedule<N extends keyof C & string>(id: string, cron: string, name: N, payload: unknown, opts: { tz?: string } = {}): Promise<void> {
    const data = parseOnEnqueue(this.catalog, name, payload);
    // A schedule lives on one job's queue; drop any copy on another queue so renaming a job type moves it.
    for (const other of Object.keys(this.catalog)) if (other !== name) await this.queue(other).removeJobScheduler(id);
    await this.queue(name).upsertJobScheduler(id, { pattern: cron, tz: opts.tz ?? 'UTC' }, { name, data, opts: this.jobOptions(name) });
  }

  async unschedule(id: string): Promise<void> {
    for (const name of Object.keys(this.catalog)) await this.queue(name).removeJobScheduler(id);
  }

  async listSchedules(): Promise<ScheduleInfo[]> {
    const out: ScheduleInfo[] = [];
    for (const name of Object.keys(this.catalog)) {
      for (const s of await this.queue(name).getJobSchedulers(0, -1, true)) {
        out.push({
          id: s.id ?? s.key,
          cron: s.pattern ?? `every ${s.every} ms`,
          ...(s.tz ? { tz: s.tz } : {}),
          name: s.name,
          payload: s.template?.data,
          ...(s.next ? { next: new Date(s.next) } : {}),
        });
      }
    }
    return out;
  }

  /** Resolves once every catalog queue has nothing waiting, delayed or active. Polls every 50 ms. */
  async idle(): Promise<void> {
    for (;;) {
      let busy = 0;
      for (const name of Object.keys(this.catalog)) {
        const c = await this.queue(name).getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
        busy += Object.values(c).reduce((a, b) => a + b, 0);
      }
      if (busy === 0) return;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async close(deadlineMs = 30_000): Promise<void> {
    // Let running jobs finish (BullMQ's close waits for them) up to the deadline, then force.
    const graceful = Promise.all(this.workers.map((w) => w.close()));
    const timedOut = await Promise.race([
      graceful.then(() => false),
      new Promise<boolean>((r) => setTimeout(() => r(true), deadlineMs).unref()),
    ]);
    if (timedOut) {
      // Running jobs see their signal abort, stop, and are handed back to the queue (see `work`).
      this.shutdown.abort(new Error(SHUTDOWN_REASON));
      const handedBack = await Promise.race([
        graceful.then(() => true),
        new Promise<boolean>((r) => setTimeout(() => r(false), HAND_BACK_GRACE_MS).unref()),
      ]);
      if (!handedBack) await Promise.all(this.workers.map((w) => w.close(true)));
    }
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }
}

function defaultOnHandedBack(job: { name: string; id: string }): void {
  process.stderr.write(`earshot: job ${job.name} ${job.id} handed back to the queue (shutdown deadline passed)\n`);
}

function defaultOnFailed(job: { name: string; id: string }, err: Error): void {
  process.stderr.write(`earshot: job ${job.name} ${job.id} failed: ${err.message}\n`);
}
