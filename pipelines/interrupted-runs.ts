import { hostname } from 'node:os';
import type { CrawlRun, RunOwner } from '../src/domain/crawl-run.js';
import type { Store } from '../src/store/store.js';
import { catalog } from './catalog.js';

/** How often a running crawl refreshes `heartbeatAt`, in ms. */
export const HEARTBEAT_MS = 10_000;
/** A run whose heartbeat is older than this (nine missed beats), in ms, has lost its process. */
export const STALE_AFTER_MS = 90_000;
/** Runs recorded before heartbeats existed: abandoned once older than a crawl job may run, plus the stale margin. */
const LEGACY_STALE_MS = catalog.crawl.timeoutMs + STALE_AFTER_MS;

/** This process, as a run's owner. */
export function runOwner(): RunOwner {
  return { host: hostname(), pid: process.pid };
}

export interface Heartbeat {
  /** Stops beating and waits for a beat being written, so the caller's final save is the last word. */
  stop(): Promise<void>;
}

/**
 * Refreshes `run.heartbeatAt` in the store every `everyMs` (default 10 s) while `run.status` is `running`, for at most
 * `maxMs` (default: the crawl job's timeout, after which the job has failed anyway and the run may be swept).
 */
export function startHeartbeat(store: Pick<Store, 'saveCrawlRun'>, run: CrawlRun, opts: { everyMs?: number; maxMs?: number } = {}): Heartbeat {
  const started = Date.now();
  const maxMs = opts.maxMs ?? catalog.crawl.timeoutMs;
  let writing: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    if (run.status !== 'running' || Date.now() - started > maxMs) return void clearInterval(timer);
    run.heartbeatAt = new Date();
    // A missed beat is harmless (the next one comes); a failing store fails the crawl elsewhere.
    writing = writing.then(() => store.saveCrawlRun(run)).catch(() => undefined);
  }, opts.everyMs ?? HEARTBEAT_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await writing;
    },
  };
}

export interface SweepOptions {
  /** Default: now. */
  now?: Date;
  /** Heartbeat age after which a run is abandoned. Default {@link STALE_AFTER_MS}. */
  staleAfterMs?: number;
  /** Only this source's runs (a crawl about to start sweeps its own). Default: every running run. */
  only?: { brand: string; source: string };
  /**
   * The calling process has only just started and runs no crawl yet (worker start): a run recorded under this very
   * host and pid belongs to an earlier process that had the same pid (a restarted container's pid 1).
   */
  startup?: boolean;
  /** This process's owner identity. Default {@link runOwner}. */
  self?: RunOwner;
  /** Is a pid on this host alive? Default: `process.kill(pid, 0)`. */
  isAlive?: (pid: number) => boolean;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const ago = (ms: number) => `${Math.round(ms / 1000)} s ago`;

/** Why `run` (status `running`) is abandoned, or null when it may still be going. */
export function interruptionReason(run: CrawlRun, opts: Required<Pick<SweepOptions, 'staleAfterMs' | 'startup' | 'self' | 'isAlive'>> & { now: Date }): string | null {
  const { owner } = run;
  if (owner && owner.host === opts.self.host) {
    if (owner.pid === opts.self.pid) {
      if (opts.startup) return `its process (pid ${owner.pid} on ${owner.host}) restarted`;
    } else if (!opts.isAlive(owner.pid)) {
      return `its process (pid ${owner.pid} on ${owner.host}) is gone`;
    }
  }
  const beat = run.heartbeatAt ?? (owner ? run.startedAt : undefined);
  if (beat) {
    const age = opts.now.getTime() - new Date(beat).getTime();
    return age > opts.staleAfterMs ? `no heartbeat since ${new Date(beat).toISOString()} (${ago(age)})${owner ? ` from pid ${owner.pid} on ${owner.host}` : ''}` : null;
  }
  const age = opts.now.getTime() - new Date(run.startedAt).getTime();
  return age > LEGACY_STALE_MS ? `started ${ago(age)}, longer than a crawl may run, and never finished` : null;
}

/**
 * Marks crawl runs left `running` by a process that is gone as `interrupted`, with when and why (and a note), so no
 * listing shows them as live or healthy. Run at worker start, before each crawl (for its source) and when listing.
 * Returns the runs it marked.
 */
export async function sweepInterruptedRuns(store: Pick<Store, 'listCrawlRuns' | 'saveCrawlRun'>, opts: SweepOptions = {}): Promise<CrawlRun[]> {
  const ctx = {
    now: opts.now ?? new Date(),
    staleAfterMs: opts.staleAfterMs ?? STALE_AFTER_MS,
    startup: opts.startup ?? false,
    self: opts.self ?? runOwner(),
    isAlive: opts.isAlive ?? pidAlive,
  };
  const filter = { status: 'running', ...(opts.only ? { brand: opts.only.brand, 'source.name': opts.only.source } : {}) };
  const marked: CrawlRun[] = [];
  for (const run of await store.listCrawlRuns(filter)) {
    const reason = interruptionReason(run, ctx);
    if (!reason) continue;
    const done: CrawlRun = {
      ...run,
      status: 'interrupted',
      finishedAt: ctx.now,
      interrupted: { at: ctx.now, reason },
      notes: [...run.notes, `interrupted: ${reason}`],
    };
    await store.saveCrawlRun(done);
    marked.push(done);
  }
  return marked;
}

/**
 * The change to a finished run's record when its job was cut short from outside (worker shutdown, job timeout): it
 * is `interrupted`, with the reason, not a healthy partial run. Nothing when `signal` was not aborted.
 */
export function cutShort(run: CrawlRun, signal?: AbortSignal): Partial<CrawlRun> {
  if (!signal?.aborted) return {};
  const reason = signal.reason instanceof Error ? signal.reason.message : String(signal.reason ?? 'cancelled');
  const at = new Date();
  return { status: 'interrupted', finishedAt: at, interrupted: { at, reason }, notes: [...run.notes, `interrupted: ${reason}`] };
}
