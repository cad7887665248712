import type { z } from 'zod';

/** How a job type behaves: its payload schema and retry policy. One table of these is the job catalog. */
export interface JobSpec<S extends z.ZodType = z.ZodType> {
  payload: S;
  /** Tries in all, the first included. */
  attempts: number;
  /** First retry delay in ms; doubles each retry (exponential backoff). */
  backoffMs: number;
  /** A try running longer than this fails (and may be retried). */
  timeoutMs: number;
}

export type Catalog = Record<string, JobSpec>;
export type PayloadOf<C extends Catalog, N extends keyof C> = z.input<C[N]['payload']>;
export type ParsedPayloadOf<C extends Catalog, N extends keyof C> = z.output<C[N]['payload']>;

export interface EnqueueOptions {
  /** Jobs with the same id are enqueued once while the first is waiting or running (dedupe). */
  jobId?: string;
  /** Start no earlier than this many ms from now. */
  delayMs?: number;
}

export interface JobContext {
  name: string;
  id: string;
  /** 1 on the first try. */
  attempt: number;
  signal: AbortSignal;
}

export type Handler<P> = (payload: P, ctx: JobContext) => Promise<unknown>;

export interface ScheduleInfo {
  id: string;
  cron: string;
  /** IANA time zone the cron is read in; absent means UTC. */
  tz?: string;
  name: string;
  next?: Date;
  payload: unknown;
}

/**
 * The queue port. `bullmq.ts` (Redis, many processes) and `inline.ts` (one process) implement it with the same
 * catalog, retries and backoff. Payloads are validated on enqueue and again when processed.
 */
export interface Queue<C extends Catalog = Catalog> {
  readonly kind: 'bullmq' | 'inline';
  enqueue<N extends keyof C & string>(name: N, payload: PayloadOf<C, N>, opts?: EnqueueOptions): Promise<void>;
  work<N extends keyof C & string>(name: N, handler: Handler<ParsedPayloadOf<C, N>>, opts?: { concurrency?: number }): void;
  /** Register or replace a cron schedule that enqueues `name` with `payload`; the cron is read in `opts.tz` (default UTC). */
  schedule<N extends keyof C & string>(id: string, cron: string, name: N, payload: PayloadOf<C, N>, opts?: { tz?: string }): Promise<void>;
  unschedule(id: string): Promise<void>;
  listSchedules(): Promise<ScheduleInfo[]>;
  /** Resolves when nothing is waiting or running (inline; BullMQ: when the named queues are drained). */
  idle(): Promise<void>;
  /** Stop taking jobs, wait for running ones up to `deadlineMs`, then close connections. */
  close(deadlineMs?: number): Promise<void>;
}
