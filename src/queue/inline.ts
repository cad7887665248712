import { randomUUID } from 'node:crypto';
import { PermanentError } from '../domain/errors.js';
import type { Catalog, EnqueueOptions, Handler, JobContext, Queue, ScheduleInfo } from './queue.js';
import { backoffDelay, parseOnEnqueue, parseOnProcess, specFor, withTimeout } from './validate.js';

interface Job {
  id: string;
  name: string;
  payload: unknown;
  attempt: number;
}

interface Lane {
  handler: Handler<unknown>;
  concurrency: number;
  running: number;
}

export interface InlineQueueOptions {
  /** Called when a job has used all its tries (or failed permanently). Default: print one line to stderr. */
  onFailed?: (job: { name: string; id: string; payload: unknown }, err: Error) => void;
}

/**
 * The in-process queue: same catalog, validation, retries and exponential backoff as BullMQ, no Redis.
 * Jobs enqueued before a handler is registered wait for it. Cron schedules become timers.
 */
export class InlineQueue<C extends Catalog> implements Queue<C> {
  readonly kind = 'inline' as const;
  private readonly lanes = new Map<string, Lane>();
  private readonly waiting = new Map<string, Job[]>();
  private readonly live = new Set<string>(); // job ids waiting, delayed or running (for jobId dedupe)
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly schedules = new Map<string, { cron: string; tz: string; name: string; payload: unknown; timer?: NodeJS.Timeout; next?: Date }>();
  private readonly shutdown = new AbortController();
  private pending = 0;
  private idleWaiters: Array<() => void> = [];
  private closed = false;
  /** Jobs that failed for good, newest last. */
  readonly failures: Array<{ name: string; id: string; error: string }> = [];

  constructor(
    private readonly catalog: C,
    private readonly opts: InlineQueueOptions = {},
  ) {}

  async enqueue<N extends keyof C & string>(name: N, payload: unknown, opts: EnqueueOptions = {}): Promise<void> {
    if (this.closed) throw new Error('queue is closed');
    const parsed = parseOnEnqueue(this.catalog, name, payload);
    const id = opts.jobId ?? randomUUID();
    if (this.live.has(id)) return;
    this.live.add(id);
    this.pending++;
    const job: Job = { id, name, payload: parsed, attempt: 1 };
    if (opts.delayMs && opts.delayMs > 0) this.later(opts.delayMs, () => this.push(job));
    else this.push(job);
  }

  work<N extends keyof C & string>(name: N, handler: Handler<any>, opts: { concurrency?: number } = {}): void {
    specFor(this.catalog, name);
    this.lanes.set(name, { handler, concurrency: opts.concurrency ?? 4, running: 0 });
    this.pump(name);
  }

  async schedule<N extends keyof C & string>(id: string, cron: string, name: N, payload: unknown, opts: { tz?: string } = {}): Promise<void> {
    parseOnEnqueue(this.catalog, name, payload);
    // Loaded here: a one-shot command opens the inline queue but never schedules (cron-parser brings luxon).
    const { CronExpressionParser } = await import('cron-parser');
    await this.unschedule(id);
    const tz = opts.tz ?? 'UTC';
    const entry: { cron: string; tz: string; name: string; payload: unknown; timer?: NodeJS.Timeout; next?: Date } = { cron, tz, name, payload };
    this.schedules.set(id, entry);
    const arm = () => {
      const next = CronExpressionParser.parse(cron, { tz }).next().toDate();
      entry.next = next;
      // Timers cannot wait longer than ~24.8 days; re-arm in steps.
      const wait = Math.min(next.getTime() - Date.now(), 2 ** 31 - 1);
      entry.timer = setTimeout(() => {
        if (Date.now() >= next.getTime() - 5) void this.enqueue(name, payload as never, { jobId: `${id}@${next.getTime()}` }).catch(() => {});
        arm();
      }, Math.max(wait, 0));
      entry.timer.unref();
    };
    arm();
  }

  async unschedule(id: string): Promise<void> {
    const s = this.schedules.get(id);
    if (s?.timer) clearTimeout(s.timer);
    this.schedules.delete(id);
  }

  async listSchedules(): Promise<ScheduleInfo[]> {
    return [...this.schedules].map(([id, s]) => ({ id, cron: s.cron, tz: s.tz, name: s.name, payload: s.payload, ...(s.next ? { next: s.next } : {}) }));
  }

  idle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  async close(deadlineMs = 30_000): Promise<void> {
    this.closed = true;
    for (const id of [...this.schedules.keys()]) await this.unschedule(id);
    const running = [...this.lanes.values()].some((l) => l.running > 0);
    if (running) {
      await Promise.race([this.idle(), new Promise((r) => setTimeout(r, deadlineMs).unref())]);
    }
    this.shutdown.abort(new Error('queue closed'));
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  private later(ms: number, fn: () => void): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, ms);
    this.timers.add(t);
  }

  private push(job: Job): void {
    const q = this.waiting.get(job.name) ?? [];
    q.push(job);
    this.waiting.set(job.name, q);
    this.pump(job.name);
  }

  private pump(name: string): void {
    const lane = this.lanes.get(name);
    const q = this.waiting.get(name);
    if (!lane || !q) return;
    while (lane.running < lane.concurrency && q.length > 0) {
      const job = q.shift()!;
      lane.running++;
      void this.run(lane, job).finally(() => {
        lane.running--;
        this.pump(name);
      });
    }
  }

  private async run(lane: Lane, job: Job): Promise<void> {
    const spec = specFor(this.catalog, job.name);
    try {
      const payload = parseOnProcess(this.catalog, job.name, job.payload);
      await withTimeout(
        spec.timeoutMs,
        (signal) => lane.handler(payload, { name: job.name, id: job.id, attempt: job.attempt, signal } satisfies JobContext),
        this.shutdown.signal,
      );
      this.done(job);
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      const permanent = err instanceof PermanentError || err.name === 'UnrecoverableError';
      if (!permanent && job.attempt < spec.attempts && !this.shutdown.signal.aborted) {
        const retry = { ...job, attempt: job.attempt + 1 };
        this.later(backoffDelay(spec, job.attempt), () => this.push(retry));
        return;
      }
      this.failures.push({ name: job.name, id: job.id, error: err.message });
      (this.opts.onFailed ?? defaultOnFailed)({ name: job.name, id: job.id, payload: job.payload }, err);
      this.done(job);
    }
  }

  private done(job: Job): void {
    this.live.delete(job.id);
    this.pending--;
    if (this.pending === 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const w of waiters) w();
    }
  }
}

function defaultOnFailed(job: { name: string; id: string }, err: Error): void {
  process.stderr.write(`earshot: job ${job.name} ${job.id} failed: ${err.message}\n`);
}
