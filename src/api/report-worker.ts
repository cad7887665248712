import { parentPort, workerData } from 'node:worker_threads';
import type { Brand } from '../domain/brand.js';
import { ParamError, UserError } from '../domain/errors.js';
import { runReport } from '../reports/index.js';
import { SqliteStore } from '../store/sqlite.js';

/**
 * One report thread of `earshot serve` (see `report-pool.ts`): its own read connection to the SQLite store (WAL lets
 * any number read while a worker writes), running one report at a time and answering with the result and sections.
 */
export interface ReportJob {
  id: number;
  kind: string;
  brand: Brand;
  params: Record<string, unknown>;
  /** "Now" in ms since the epoch when the server pins it (tests); else the thread's clock. */
  now?: number;
}

/** An error as it crosses the thread boundary: enough to answer the request as the server's own thread would. */
export type ThreadError = { type: 'param'; param: string; message: string; code: string } | { type: 'user'; message: string; code: string } | { type: 'internal'; message: string; stack?: string };

export type ReportReply = { id: number; ok: true; out: { result: unknown; sections: unknown[] } } | { id: number; ok: false; error: ThreadError };

function toThreadError(err: unknown): ThreadError {
  if (err instanceof ParamError) return { type: 'param', param: err.param, message: err.message, code: err.code };
  if (err instanceof UserError) return { type: 'user', message: err.message, code: err.code };
  return { type: 'internal', message: err instanceof Error ? err.message : String(err), ...(err instanceof Error && err.stack ? { stack: err.stack } : {}) };
}

const port = parentPort;
if (port) {
  const store = await SqliteStore.open({ dataDir: (workerData as { dataDir: string }).dataDir });
  port.on('message', async (job: ReportJob | 'close') => {
    if (job === 'close') {
      await store.close();
      port.close();
      return;
    }
    let reply: ReportReply;
    try {
      const out = await runReport(job.kind, { store, brand: job.brand, ...(job.now !== undefined ? { now: new Date(job.now) } : {}) }, job.params);
      reply = { id: job.id, ok: true, out };
    } catch (err) {
      reply = { id: job.id, ok: false, error: toThreadError(err) };
    }
    port.postMessage(reply);
  });
  port.postMessage('ready');
}
