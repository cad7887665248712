import { CronExpressionParser } from 'cron-parser';
import type { PlannedSchedule } from './plan.js';

export interface InProcessSchedulerOptions {
  /** Runs one schedule's job now and resolves to a short outcome for the log line ("ok, 5 new, 2 pages"). */
  run: (schedule: PlannedSchedule, signal: AbortSignal) => Promise<string>;
  /** When the schedule's job last started, or null if never: decides whether it is overdue at start-up. */
  lastStarted: (schedule: PlannedSchedule) => Promise<Date | null>;
  /** One line per run, skip and catch-up. */
  log: (line: string) => void;
  /** Called after each run and on start, e.g. to record the next runs for `earshot schedule list`. */
  onChange?: () => void;
  /** Jobs run at once; more due wait their turn. Default 2. */
  concurrency?: number;
  /** Time zone the cron expressions are read in. Default `UTC`. */
  tz?: string;
}

interface Entry {
  schedule: PlannedSchedule;
  timer?: NodeJS.Timeout;
  next?: Date;
  /** Since when a run of this schedule is waiting or running; a tick meanwhile is skipped, not stacked. */
  busySince?: Date;
}

/** Timers cannot wait longer than ~24.8 days; a longer wait is re-armed in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export const fmtTime = (d: Date) => `${d.toISOString().slice(0, 19).replace('T', ' ')} UTC`;

/**
 * Runs cron schedules inside this process (the embedded default, no Redis): each schedule fires when its cron says
 * so; a tick that comes while the previous run of the same schedule is still going is skipped with a note; a
 * schedule that is overdue at start-up (its last run began before the latest tick, or it never ran) runs once
 * then, not once per missed tick. Its timers keep the process alive until `stop`.
 */
export class InProcessScheduler {
  private readonly entries = new Map<string, Entry>();
  private readonly ready: Entry[] = [];
  private readonly running = new Set<Promise<void>>();
  private readonly abort = new AbortController();
  private stopped = false;

  constructor(
    plan: PlannedSchedule[],
    private readonly opts: InProcessSchedulerOptions,
  ) {
    for (const schedule of plan) this.entries.set(schedule.id, { schedule });
  }

  /** Arms every schedule and queues the overdue ones. */
  async start(now = new Date()): Promise<void> {
    for (const entry of this.entries.values()) {
      const { schedule } = entry;
      const lastTick = this.cron(schedule.cron, now, schedule.tz).prev().toDate();
      const last = await this.opts.lastStarted(schedule);
      this.arm(entry, now);
      if (last === null || last < lastTick) {
        this.opts.log(
          `schedule ${schedule.id}: ${last === null ? 'never ran' : `overdue (last run ${fmtTime(last)}, due ${fmtTime(lastTick)})`}, running it now`,
        );
        this.due(entry, now);
      }
    }
    this.opts.onChange?.();
  }

  /**
   * Takes a new plan (a reloaded config): a schedule no longer planned stops (a run of it already going finishes), a
   * new one is armed and, like at start-up, run at once when overdue, and one whose cron or zone changed is re-armed.
   * A run waiting or going is never dropped.
   */
  async update(plan: PlannedSchedule[], now = new Date()): Promise<void> {
    if (this.stopped) return;
    const wanted = new Map(plan.map((s) => [s.id, s]));
    for (const [id, entry] of this.entries) {
      if (wanted.has(id)) continue;
      if (entry.timer) clearTimeout(entry.timer);
      this.entries.delete(id);
    }
    for (const schedule of plan) {
      const entry = this.entries.get(schedule.id);
      if (entry) {
        const changed = entry.schedule.cron !== schedule.cron || entry.schedule.tz !== schedule.tz;
        entry.schedule = schedule;
        if (changed) {
          if (entry.timer) clearTimeout(entry.timer);
          this.arm(entry, now);
        }
        continue;
      }
      const added: Entry = { schedule };
      this.entries.set(schedule.id, added);
      const lastTick = this.cron(schedule.cron, now, schedule.tz).prev().toDate();
      const last = await this.opts.lastStarted(schedule);
      this.arm(added, now);
      if (last === null || last < lastTick) {
        this.opts.log(`schedule ${schedule.id}: new, ${last === null ? 'never ran' : 'overdue'}, running it now`);
        this.due(added, now);
      }
    }
    this.opts.onChange?.();
  }

  /** Each schedule's next run. */
  nextRuns(): Array<{ id: string; next?: Date; runningSince?: Date }> {
    return [...this.entries.values()].map((e) => ({
      id: e.schedule.id,
      ...(e.next ? { next: e.next } : {}),
      ...(e.busySince ? { runningSince: e.busySince } : {}),
    }));
  }

  /** Stops the timers and waits up to `deadlineMs` for running jobs, then aborts them. */
  async stop(deadlineMs: number): Promise<void> {
    this.stopped = true;
    for (const e of this.entries.values()) if (e.timer) clearTimeout(e.timer);
    this.ready.length = 0;
    if (this.running.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, deadlineMs)));
    await Promise.race([Promise.allSettled([...this.running]), deadline]);
    clearTimeout(timer);
    this.abort.abort(new Error('scheduler stopped'));
    await Promise.allSettled([...this.running]);
  }

  private cron(expr: string, at: Date, tz?: string) {
    return CronExpressionParser.parse(expr, { currentDate: at, tz: tz ?? this.opts.tz ?? 'UTC' });
  }

  private arm(entry: Entry, from: Date): void {
    if (this.stopped) return;
    const next = this.cron(entry.schedule.cron, from, entry.schedule.tz).next().toDate();
    entry.next = next;
    const wait = Math.min(Math.max(next.getTime() - Date.now(), 0), MAX_TIMER_MS);
    entry.timer = setTimeout(() => {
      if (Date.now() < next.getTime()) return this.arm(entry, new Date(Date.now() - 1)); // a long wait re-armed in steps
      this.due(entry, next);
      this.arm(entry, next);
      this.opts.onChange?.();
    }, wait);
  }

  private due(entry: Entry, tick: Date): void {
    if (this.stopped) return;
    if (entry.busySince) {
      this.opts.log(`schedule ${entry.schedule.id}: previous run (since ${fmtTime(entry.busySince)}) still going, skipped the ${fmtTime(tick)} run`);
      return;
    }
    entry.busySince = new Date();
    this.ready.push(entry);
    this.pump();
  }

  private pump(): void {
    const limit = Math.max(1, this.opts.concurrency ?? 2);
    while (!this.stopped && this.running.size < limit && this.ready.length > 0) {
      const entry = this.ready.shift()!;
      const p = this.runOne(entry).finally(() => {
        this.running.delete(p);
        this.pump();
      });
      this.running.add(p);
    }
  }

  private async runOne(entry: Entry): Promise<void> {
    const started = Date.now();
    let outcome: string;
    try {
      outcome = await this.opts.run(entry.schedule, this.abort.signal);
    } catch (err) {
      outcome = `failed: ${err instanceof Error ? err.message : String(err)}`;
    }
    delete entry.busySince;
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    const next = this.stopped ? 'stopping' : entry.next ? `next ${fmtTime(entry.next)}` : 'no next run';
    this.opts.log(`schedule ${entry.schedule.id}: ${outcome} (${secs} s); ${next}`);
    this.opts.onChange?.();
  }
}
