import type { Store } from '../src/store/store.js';
import type { Log } from './deps.js';
import { BATCHES, COMMITS, type PendingCommit } from './cursor-commit.js';

const DAY = 86_400_000;
/** Default age, in days, past which bookkeeping is deleted. */
export const RETENTION_DAYS = 30;
/** The API's audit trail is kept at least this many days. */
const AUDIT_DAYS = 365;
/** The API's audit collection (`src/api/audit.ts`; pipelines do not import the API). */
const AUDIT = 'audit';
/** How often a long-running process prunes, in ms (and once at its start). */
export const PRUNE_EVERY_MS = 6 * 3_600_000;
/** Ids per delete (keeps `$in` lists moderate). */
const CHUNK = 500;

/** How many documents each prune removed, per collection. */
export type Pruned = Record<'crawlCommits' | 'crawlBatches' | 'parkedCursors' | 'crawlRuns' | 'audit' | 'leases' | 'digestDeliveries', number>;
/** Digest deliveries made (`src/digest/send.ts`): only a retry of the same digest reads them. */
const DIGEST_DELIVERIES = 'digestDeliveries';

/**
 * Deletes the pipeline's bookkeeping older than `days` (default 30), keeping what is still needed:
 * - `crawlCommits` (committed, or pending for longer than `days`: their crawl died, a later one covered its items
 *   again) with the cursor a pending one parked; `crawlBatches` recorded before the cutoff (a kept pending commit
 *   started after it, so its batches are younger);
 * - finished `crawlRuns` that started before the cutoff, except each source's latest (what health and
 *   `schedule list` show); a run still `running` is the interrupted-run sweep's, never pruned here;
 * - `audit` entries older than a year (or `days`, if longer); expired `leases`; `digestDeliveries` older than `days`.
 * Idempotent and safe beside running pipelines. Mentions, rollups, alerts and their deliveries are never touched.
 */
export async function pruneBookkeeping(store: Store, opts: { days?: number; now?: Date } = {}): Promise<Pruned> {
  const now = (opts.now ?? new Date()).getTime();
  const days = opts.days ?? RETENTION_DAYS;
  const cutoff = new Date(now - days * DAY);

  const oldCommits = await store.findDocs<PendingCommit>(COMMITS, { startedAt: { $lt: cutoff } }, { projection: { _id: 1, hasCursor: 1, status: 1 } });
  let parkedCursors = 0;
  for (const c of oldCommits) {
    if (c.status !== 'pending' || !c.hasCursor) continue;
    await store.deleteCursor(`pending:${c._id}`);
    parkedCursors++;
  }
  const crawlCommits = await deleteIds(store, COMMITS, oldCommits.map((c) => c._id));
  const crawlBatches = await store.deleteDocs(BATCHES, { at: { $lt: cutoff } });

  const runs = await store.listCrawlRuns({}, { sort: { startedAt: -1 }, projection: { _id: 1, brand: 1, source: 1, status: 1, startedAt: 1 } });
  const latest = new Set<string>();
  const doomed: string[] = [];
  for (const r of runs) {
    const key = `${r.brand}\u0000${r.source.name}`;
    if (!latest.has(key)) {
      latest.add(key);
      continue;
    }
    if (r.status !== 'running' && new Date(r.startedAt).getTime() < cutoff.getTime()) doomed.push(r._id);
  }
  const crawlRuns = await deleteIds(store, 'crawlRuns', doomed);

  const audit = await store.deleteDocs(AUDIT, { at: { $lt: new Date(now - Math.max(days, AUDIT_DAYS) * DAY) } });
  const leases = await store.deleteDocs('leases', { expiresAt: { $lt: new Date(now - DAY) } });
  const digestDeliveries = await store.deleteDocs(DIGEST_DELIVERIES, { sentAt: { $lt: cutoff } });
  return { crawlCommits, crawlBatches, parkedCursors, crawlRuns, audit, leases, digestDeliveries };
}

async function deleteIds(store: Store, collection: string, ids: string[]): Promise<number> {
  let n = 0;
  for (let i = 0; i < ids.length; i += CHUNK) n += await store.deleteDocs(collection, { _id: { $in: ids.slice(i, i + CHUNK) } });
  return n;
}

/** Prunes at start and every {@link PRUNE_EVERY_MS} (`earshot worker`, `earshot serve`); a failure is logged, never fatal. */
export function startBookkeepingPruner(deps: { store: Store; log?: Log }, days = RETENTION_DAYS): { stop(): Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  const prune = () => {
    running = running
      .then(async () => {
        const n = await pruneBookkeeping(deps.store, { days });
        const total = Object.values(n).reduce((a, b) => a + b, 0);
        if (total > 0) deps.log?.info(`pruned ${total} bookkeeping record(s) older than ${days} days: ${Object.entries(n).filter(([, v]) => v > 0).map(([k, v]) => `${k} ${v}`).join(', ')}`);
      })
      .catch((err: unknown) => deps.log?.warn(`bookkeeping not pruned: ${(err as Error).message}`));
  };
  prune();
  const timer = setInterval(prune, PRUNE_EVERY_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
