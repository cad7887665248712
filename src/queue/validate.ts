import { UserError } from '../domain/errors.js';
import { PermanentError } from '../domain/errors.js';
import type { Catalog, JobSpec } from './queue.js';

export function specFor(catalog: Catalog, name: string): JobSpec {
  const spec = catalog[name];
  if (!spec) throw new UserError(`unknown job "${name}" (known: ${Object.keys(catalog).join(', ')})`, 'unknown_job');
  return spec;
}

function describe(err: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const i = err.issues[0]!;
  return `${i.path.map(String).join('.') || '(payload)'}: ${i.message}`;
}

/** Validate where a job is enqueued: a bad payload is the caller's bug, reported at once. */
export function parseOnEnqueue(catalog: Catalog, name: string, payload: unknown): unknown {
  const r = specFor(catalog, name).payload.safeParse(payload);
  if (!r.success) throw new UserError(`job ${name}: invalid payload: ${describe(r.error)}`, 'bad_payload');
  return r.data;
}

/** Validate again where it is processed: a bad payload there can never succeed, so it is permanent. */
export function parseOnProcess(catalog: Catalog, name: string, payload: unknown): unknown {
  const r = specFor(catalog, name).payload.safeParse(payload);
  if (!r.success) throw new PermanentError(`job ${name}: invalid payload: ${describe(r.error)}`);
  return r.data;
}

/** Delay before try `attempt + 1` (attempt counts from 1): backoff × 2^(attempt−1). */
export function backoffDelay(spec: JobSpec, attempt: number): number {
  return spec.backoffMs * 2 ** (attempt - 1);
}

/** Run `fn` with a timeout that aborts its signal and rejects. */
export async function withTimeout<T>(ms: number, fn: (signal: AbortSignal) => Promise<T>, parent?: AbortSignal): Promise<T> {
  const ctl = new AbortController();
  const onAbort = () => ctl.abort(parent?.reason);
  parent?.addEventListener('abort', onAbort, { once: true });
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      fn(ctl.signal),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          const e = new Error(`timed out after ${ms} ms`);
          ctl.abort(e);
          reject(e);
        }, ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
    parent?.removeEventListener('abort', onAbort);
  }
}
