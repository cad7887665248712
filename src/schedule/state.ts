import type { ScheduleInfo } from '../queue/queue.js';
import type { Store } from '../store/store.js';

/** One document per schedule id: when its in-process run last started and how it ended. */
export const SCHEDULE_RUNS = 'scheduleRuns';
/** The in-process scheduler's state (`_id` "in-process"), so `earshot schedule list` in another process can show it. */
export const SCHEDULER_STATE = 'schedulerState';
/** How often a running in-process scheduler records that it is alive. */
export const HEARTBEAT_MS = 30_000;
/** Missed heartbeats after which a scheduler is taken for gone (killed, or the machine went down). */
const MISSED_BEATS = 3;

export interface ScheduleRunDoc {
  _id: string;
  startedAt: Date;
  finishedAt?: Date;
  outcome?: string;
}

export interface SchedulerState {
  _id: 'in-process';
  pid: number;
  host: string;
  startedAt: Date;
  /** Epoch 0 once the scheduler stopped cleanly. */
  heartbeatAt: Date;
  /** Schedule id → its next run. */
  next: Record<string, Date>;
}

/** The in-process scheduler running on this data, or null when none has said it is alive lately. */
export async function liveSchedulerState(store: Store, now = Date.now()): Promise<SchedulerState | null> {
  const state = await store.getDoc<SchedulerState>(SCHEDULER_STATE, 'in-process');
  if (!state || now - new Date(state.heartbeatAt).getTime() > MISSED_BEATS * HEARTBEAT_MS) return null;
  return state;
}

/** The schedules a live in-process scheduler runs, with their next runs, in the shape `scheduleStatus` takes. */
export function inProcessSchedules(state: SchedulerState): ScheduleInfo[] {
  return Object.entries(state.next).map(([id, next]) => ({ id, next: new Date(next), cron: '', name: '', payload: null }));
}
