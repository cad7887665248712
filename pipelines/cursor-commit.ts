import type { CursorValue, Store } from '../src/store/store.js';
import type { PipelineDeps } from './deps.js';

/**
 * The cursor of a crawl advances only once every item it covers is stored. The crawl writes a pending commit
 * (`crawlCommits`, `_id` = run id: the cursor's key, how many batches; the new cursor itself is parked as cursor
 * `pending:<runId>`, so it round-trips like any cursor) before it enqueues the batches; each
 * ingest records its batch in `crawlBatches` (`<runId>#<n>`), and the ingest that finds every batch stored writes the
 * cursor. A process killed before that leaves the old cursor: the next crawl covers the same items again and the
 * upserts by `_id` make that harmless (at least once, never lost). Works the same on the inline queue and BullMQ.
 */
export const COMMITS = 'crawlCommits';
export const BATCHES = 'crawlBatches';

/** Which batch of which crawl run an ingest stores. */
export interface BatchRef {
  runId: string;
  batch: number;
}

export interface PendingCommit {
  _id: string;
  cursorKey: string;
  /** A new cursor is parked under `pending:<runId>`. */
  hasCursor: boolean;
  batches: number;
  startedAt: Date;
  status: 'pending' | 'committed';
  committedAt?: Date;
}

export interface BatchRecord {
  _id: string;
  runId: string;
  batch: number;
  status: 'stored' | 'failed';
  /** Why the last try failed (analysis or storage), while not stored. */
  error?: string;
  at: Date;
}

const batchId = (ref: BatchRef) => `${ref.runId}#${ref.batch}`;
const put = <T extends { _id: string }>(store: Store, collection: string, doc: T) => store.putDoc(collection, doc as T & Record<string, unknown>);

/** Records what the run must store before its cursor moves. With no batch, commits at once. */
export async function openCommit(
  store: Store,
  c: { runId: string; cursorKey: string; cursor: CursorValue | null; batches: number; startedAt: Date },
): Promise<void> {
  if (c.cursor) await store.setCursor(parked(c.runId), c.cursor);
  const pending: PendingCommit = { _id: c.runId, cursorKey: c.cursorKey, hasCursor: !!c.cursor, batches: c.batches, startedAt: c.startedAt, status: 'pending' };
  await put(store, COMMITS, pending);
  if (c.batches === 0) await commit(store, pending);
}

const parked = (runId: string) => `pending:${runId}`;

/** After a batch is stored: record it, and commit the run's cursor when it was the last one missing. */
export async function recordBatchStored(deps: Pick<PipelineDeps, 'store'>, ref: BatchRef): Promise<void> {
  await put(deps.store, BATCHES, { _id: batchId(ref), runId: ref.runId, batch: ref.batch, status: 'stored', at: new Date() } satisfies BatchRecord);
  const pending = await deps.store.getDoc<PendingCommit>(COMMITS, ref.runId);
  if (!pending || pending.status === 'committed') return;
  const stored = await deps.store.findDocs<BatchRecord>(BATCHES, { runId: ref.runId, status: 'stored' }, { projection: { _id: 1 } });
  if (stored.length >= pending.batches) await commit(deps.store, pending);
}

/** A try of a batch failed (analysis or storage): say why, so the run can report it. */
export async function recordBatchFailed(store: Store, ref: BatchRef, error: string): Promise<void> {
  const prev = await store.getDoc<BatchRecord>(BATCHES, batchId(ref));
  if (prev?.status === 'stored') return;
  await put(store, BATCHES, { _id: batchId(ref), runId: ref.runId, batch: ref.batch, status: 'failed', error, at: new Date() } satisfies BatchRecord);
}

/**
 * A batch failed for good (its last try, or a permanent error): the crawl run record says so, with the reason, so a
 * run whose items never reached the store is not shown as healthy (on BullMQ too, where no one waits for the run).
 */
export async function failRunForBatch(store: Store, ref: BatchRef, reason: string): Promise<void> {
  const [run] = await store.listCrawlRuns({ _id: ref.runId }, { limit: 1 });
  if (!run) return;
  const note = `batch ${ref.batch + 1} not stored: ${reason}; the cursor did not move, the next crawl fetches it again`;
  await store.saveCrawlRun({ ...run, status: 'failed', notes: [...run.notes, note] });
}

/** How far a run got: batches stored of all, the first failure's reason, and whether its cursor moved. */
export async function commitState(store: Store, runId: string): Promise<{ batches: number; stored: number; error?: string; committed: boolean } | null> {
  const pending = await store.getDoc<PendingCommit>(COMMITS, runId);
  if (!pending) return null;
  const records = await store.findDocs<BatchRecord>(BATCHES, { runId });
  const error = records.find((r) => r.status === 'failed')?.error;
  return {
    batches: pending.batches,
    stored: records.filter((r) => r.status === 'stored').length,
    ...(error ? { error } : {}),
    committed: pending.status === 'committed',
  };
}

async function commit(store: Store, pending: PendingCommit): Promise<void> {
  const cursor = pending.hasCursor ? await store.getCursor(parked(pending._id)) : null;
  if (cursor) {
    // Never move a cursor back to an older run's (runs of one source committing out of order on BullMQ).
    const current = await store.getCursor(pending.cursorKey);
    const currentStart = current?.runStartedAt ? new Date(current.runStartedAt as string | Date).getTime() : 0;
    if (new Date(pending.startedAt).getTime() >= currentStart) {
      await store.setCursor(pending.cursorKey, { ...cursor, runStartedAt: new Date(pending.startedAt).toISOString() });
    }
    await store.deleteCursor(parked(pending._id));
  }
  await put(store, COMMITS, { ...pending, status: 'committed', committedAt: new Date() } satisfies PendingCommit);
}
