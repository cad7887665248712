import type { Counter } from 'prom-client';
import type { Store } from '../store/store.js';

/** How a report request was answered: computed now, joined a computation already running, or from the cache. */
export type CacheOutcome = 'miss' | 'shared' | 'hit';

export interface ReportCacheOptions {
  /** Answers kept, least recently used dropped first. Default 200. */
  maxEntries?: number;
  /**
   * Longest an answer is kept although the store did not change (ms): bounds how far a relative range ("the last
   * 30 days", which ends now) drifts. Default 60,000.
   */
  maxAgeMs?: number;
  /** Counts each request's outcome (`earshot_report_cache_requests_total`). */
  counter?: Counter<'outcome'>;
}

interface Entry {
  at: number;
  value: Promise<unknown>;
  settled: boolean;
}

/**
 * Report answers keyed by what they are computed from: the request (report, brand, parameters), the brand's config and
 * the store's change token, which moves on every write by this process or any other (SQLite `data_version`). So a
 * new mention, a workflow change or a config reload is seen by the next request, never an old answer. Identical
 * requests that arrive while one is computed wait for it instead of computing again (10 dashboard users opening the
 * same view cost one report). Stores without a change token (MongoDB) are not cached.
 */
export class ReportCache {
  readonly #entries = new Map<string, Entry>();
  readonly #maxEntries: number;
  readonly #maxAgeMs: number;
  readonly #counter: Counter<'outcome'> | undefined;
  readonly #configKeys = new WeakMap<object, string>();

  constructor(options: ReportCacheOptions = {}) {
    this.#maxEntries = options.maxEntries ?? 200;
    this.#maxAgeMs = options.maxAgeMs ?? 60_000;
    this.#counter = options.counter;
  }

  /** The answer for `key` under `brand`'s config, computed by `compute` unless a valid one is kept or under way. */
  async get<T>(store: Store, brand: object, key: string, compute: () => Promise<T>): Promise<T> {
    const token = store.changeToken?.();
    if (token === undefined) return this.#count('miss', compute());
    const full = `${token}\u0000${this.#configKey(brand)}\u0000${key}`;
    const now = Date.now();
    const found = this.#entries.get(full);
    if (found && now - found.at <= this.#maxAgeMs) {
      // Most recently used goes last, so the first key is the one to drop.
      this.#entries.delete(full);
      this.#entries.set(full, found);
      return this.#count(found.settled ? 'hit' : 'shared', found.value as Promise<T>);
    }
    const entry: Entry = { at: now, value: compute(), settled: false };
    this.#entries.delete(full);
    this.#entries.set(full, entry);
    this.#trim();
    entry.value.then(
      () => (entry.settled = true),
      // A failure (bad parameter, store unavailable) is never kept: the next request tries again.
      () => this.#entries.get(full) === entry && this.#entries.delete(full),
    );
    return this.#count('miss', entry.value as Promise<T>);
  }

  #count<T>(outcome: CacheOutcome, value: Promise<T>): Promise<T> {
    this.#counter?.inc({ outcome });
    return value;
  }

  #configKey(brand: object): string {
    let k = this.#configKeys.get(brand);
    if (k === undefined) {
      k = JSON.stringify(brand);
      this.#configKeys.set(brand, k);
    }
    return k;
  }

  #trim(): void {
    for (const k of this.#entries.keys()) {
      if (this.#entries.size <= this.#maxEntries) break;
      this.#entries.delete(k);
    }
  }
}
