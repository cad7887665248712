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
