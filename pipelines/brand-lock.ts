import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Store } from '../src/store/store.js';

/**
 * Runs async tasks one at a time per key, in call order. Ingest takes it per brand, so duplicate marking and the
 * upsert of two batches of one brand never interleave in this process (inline concurrency or BullMQ concurrency > 1).
 */
export class KeyedLock {
  readonly #tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    this.#tails.set(key, tail);
    void tail.then(() => {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    });
    return result;
  }
}

/** The process-wide per-brand ingest lock. */
export const brandLock = new KeyedLock();

/** How long a brand's ingest lease lasts without renewal, in ms: a killed holder blocks others at most this long. */
export const LEASE_TTL_MS = 30_000;
/** The holder renews its lease this often, in ms. */
const RENEW_MS = 5_000;
/** Longest pause between two tries to take a held lease, in ms (starts at 10, doubles). */
const MAX_POLL_MS = 250;

/** This process as a lease owner: `host/pid/nonce` (the nonce tells apart a restarted process with the same pid). */
const SELF = `${hostname()}/${process.pid}/${randomBytes(4).toString('hex')}`;

export interface LeaseOptions {
  /** Lease lifetime without renewal, in ms. Default {@link LEASE_TTL_MS}. */
  ttlMs?: number;
  /** Give up waiting after this many ms (the job fails and is retried). Default: 10 × the lifetime. */
  waitMs?: number;
}

/**
 * Runs `task` while holding the brand's ingest lease in the store, so batches of one brand are marked and upserted
 * one at a time across every process on the store (BullMQ workers on several machines, or `earshot crawl` beside
 * `earshot serve` on one data dir), not only within this one. Within the process the {@link brandLock} queues
 * callers first, so only one of them polls the store. A lease whose holder is a dead process on this host is taken
 * at once; one of another host expires after its lifetime.
 */
export function withBrandLease<T>(store: Store, brand: string, task: () => Promise<T>, opts: LeaseOptions = {}): Promise<T> {
  return brandLock.run(brand, async () => {
    const id = `ingest:${brand}`;
    const ttlMs = opts.ttlMs ?? LEASE_TTL_MS;
    await acquire(store, id, ttlMs, opts.waitMs ?? 10 * ttlMs);
    let renewing: Promise<unknown> = Promise.resolve();
    const timer = setInterval(() => {
      renewing = renewing.then(() => store.claimLease(id, SELF, ttlMs)).catch(() => undefined);
    }, Math.min(RENEW_MS, ttlMs / 3));
    timer.unref();
    try {
      return await task();
    } finally {
      clearInterval(timer);
      await renewing;
      await store.deleteDocs(LEASES, { _id: id, owner: SELF }).catch(() => undefined); // else it expires
    }
  });
}

const LEASES = 'leases';

async function acquire(store: Store, id: string, ttlMs: number, waitMs: number): Promise<void> {
  const deadline = Date.now() + waitMs;
  let pause = 10;
  while (!(await store.claimLease(id, SELF, ttlMs))) {
    const [held] = await store.findDocs<{ _id: string; owner: string }>(LEASES, { _id: id });
    if (held && holderIsGone(held.owner)) {
      await store.deleteDocs(LEASES, { _id: id, owner: held.owner });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`another process has held the ingest lock ${id} for over ${Math.round(waitMs / 1000)} s`);
    await new Promise((r) => setTimeout(r, pause * (0.5 + Math.random())));
    pause = Math.min(MAX_POLL_MS, pause * 2);
  }
}

/** True when `owner` is a process of this host that no longer runs. */
function holderIsGone(owner: string): boolean {
  const [host, pid, nonce] = owner.split('/');
  if (host !== hostname() || !pid || !nonce) return false;
  if (Number(pid) === process.pid) return owner !== SELF; // an earlier process with our pid (a restarted container)
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code !== 'EPERM';
  }
}
