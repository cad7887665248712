import { randomBytes } from 'node:crypto';
import { crawlerFor } from '../crawlers/index.js';
import type { CrawlOutcome } from '../crawlers/crawler.js';
import type { Brand } from '../src/domain/brand.js';
import type { CrawlFailure, CrawlRun } from '../src/domain/crawl-run.js';
import { PermanentError } from '../src/domain/errors.js';
import { RawItem } from '../src/domain/raw-item.js';
import type { Source } from '../src/domain/source.js';
import { BATCH_SIZE } from './catalog.js';
import type { PipelineDeps } from './deps.js';
import { openCommit } from './cursor-commit.js';
import { mentionIdOf } from './identity.js';
import { storeRatingSnapshots } from './rating-snapshots.js';
import { cutShort, runOwner, startHeartbeat, sweepInterruptedRuns } from './interrupted-runs.js';

export interface CrawlPayload {
  brand: string;
  source: string;
  full?: boolean;
}

export function findSource(deps: Pick<PipelineDeps, 'config'>, brandId: string, sourceName: string): { brand: Brand; source: Source } {
  const brand = deps.config.brands.find((b) => b.id === brandId);
  if (!brand) throw new PermanentError(`unknown brand "${brandId}"`);
  const source = brand.sources.find((s) => s.name === sourceName);
  if (!source) throw new PermanentError(`brand ${brandId} has no source "${sourceName}"`);
  return { brand, source };
}

export const cursorKey = (brand: string, source: string) => `${brand}:${source}`;

/** Samples of failures kept on the run record, in full. */
const SAMPLE_LIMIT = 10;

/**
 * The crawl stage: run one source's crawler, record the run's health, hand new and changed items to analysis in
 * small batches. The source's cursor advances only once the ingest of the run's last batch has stored it.
 */
export async function crawlSource(deps: PipelineDeps, payload: CrawlPayload, signal?: AbortSignal): Promise<CrawlRun> {
  const { brand, source } = findSource(deps, payload.brand, payload.source);
  const runId = `${brand.id}:${source.name}:${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  await sweepInterruptedRuns(deps.store, { only: { brand: brand.id, source: source.name } });
  const run: CrawlRun = {
    _id: runId,
    brand: brand.id,
    source: { kind: source.kind, name: source.name },
    startedAt: new Date(),
    status: 'running',
    pages: 0,
    itemsNew: 0,
    itemsSeen: 0,
    failures: {},
    samples: [],
    notes: [],
    owner: runOwner(),
    heartbeatAt: new Date(),
  };
  await deps.store.saveCrawlRun(run);
  const heartbeat = startHeartbeat(deps.store, run);
  const progress = (phase: 'start' | 'page' | 'done' | 'failed', p: { pages: number; items: number; url?: string }) =>
    deps.onProgress?.({ brand: brand.id, source: source.name, phase, ...p });
  progress('start', { pages: 0, items: 0 });

  const key = cursorKey(brand.id, source.name);
  let outcome: CrawlOutcome;
  try {
    const cursor = payload.full ? null : await deps.store.getCursor(key);
    const deadline = AbortSignal.timeout(source.limits.runDeadlineSecs * 1000);
    outcome = await crawlerFor(source.kind).crawl({
      brand,
      source: withDefaults(source, deps.config.defaults.userAgent),
      runId,
      cursor,
      full: payload.full ?? false,
      signal: signal ? AbortSignal.any([signal, deadline]) : deadline,
      onProgress: (p) => progress('page', p),
    });
  } catch (err) {
    const message = (err as Error).message;
    Object.assign(run, { status: 'failed', finishedAt: new Date(), notes: [...run.notes, `crawl failed: ${message}`] });
    await heartbeat.stop();
    await deps.store.saveCrawlRun(run);
    progress('failed', { pages: run.pages, items: 0 });
    throw err;
  }

  // Aggregate ratings are stored whatever happens to the items (they are the source's own summary, not derived).
  const ratings = await storeRatingSnapshots(deps.store, brand, source, run.startedAt, outcome.ratings);
  if (ratings.stored) run.notes.push(`${ratings.stored} aggregate rating${ratings.stored === 1 ? '' : 's'} stored`);
  run.notes.push(...ratings.notes);

  const failures: CrawlFailure[] = [...outcome.failures];
  const items: RawItem[] = [];
  for (const raw of outcome.items.slice(0, source.limits.maxItems)) {
    const parsed = RawItem.safeParse(raw);
    if (parsed.success) items.push(parsed.data);
    else failures.push({ class: 'parse', url: raw.url ?? source.url ?? '', reason: `invalid item: ${parsed.error.issues[0]?.message}` });
  }

  // Items can repeat within a run (a post listed on two pages); keep the last copy of each id.
  const byId = new Map(items.map((i) => [mentionIdOf(i), i]));
  const ids = [...byId.keys()];
  const known = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    const found = await deps.store.findMentions({ _id: { $in: ids.slice(i, i + 500) } }, { projection: { _id: 1, publishedAt: 1 } });
    for (const m of found) {
      known.add(m._id);
      // An undated item keeps the date it was first seen: a re-crawl (or --full) must not move it to today.
      const again = byId.get(m._id);
      if (again?.meta?.dateMissing === true && m.publishedAt) again.publishedAt = new Date(m.publishedAt);
    }
  }
  const unique = [...byId.values()];
  for (const f of failures) run.failures[f.class] = (run.failures[f.class] ?? 0) + 1;
  Object.assign(run, {
    pages: outcome.pages,
    itemsNew: ids.filter((id) => !known.has(id)).length,
    itemsSeen: ids.filter((id) => known.has(id)).length,
    samples: failures.slice(0, SAMPLE_LIMIT),
    notes: [...run.notes, ...outcome.notes],
    status: failures.length === 0 ? 'ok' : unique.length > 0 || outcome.pages > 0 ? 'partial' : 'failed',
    finishedAt: new Date(),
  });
  Object.assign(run, cutShort(run, signal));
  if (outcome.interrupted && run.status !== 'interrupted') {
    const at = new Date();
    Object.assign(run, { status: 'interrupted', finishedAt: at, interrupted: { at, reason: outcome.interrupted }, notes: [...run.notes, `interrupted: ${outcome.interrupted}`] });
  }
  await heartbeat.stop();
  // Saved before the batches go out, so a batch that fails for good can mark the run failed without a race.
  await deps.store.saveCrawlRun(run);
  // The cursor moves when the last of these batches is stored (see cursor-commit.ts), never before.
  const batches = Math.ceil(unique.length / BATCH_SIZE);
  await openCommit(deps.store, { runId, cursorKey: key, cursor: outcome.cursor ?? null, batches, startedAt: run.startedAt });
  for (let b = 0; b < batches; b++) {
    await deps.queue.enqueue('analyze', { runId, batch: b, items: unique.slice(b * BATCH_SIZE, (b + 1) * BATCH_SIZE) });
  }
  progress('done', { pages: run.pages, items: unique.length });
  return run;
}

function withDefaults(source: Source, userAgent: string): Source {
  return source.userAgent ? source : { ...source, userAgent };
}
