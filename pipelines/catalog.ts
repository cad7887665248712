import { z } from 'zod';
import { Slug } from '../src/domain/brand.js';
import { Mention } from '../src/domain/mention.js';
import { RawItem } from '../src/domain/raw-item.js';
import type { JobSpec } from '../src/queue/queue.js';

/** The crawl batch an ingest completes: the crawl's cursor is committed once all of its batches are stored. */
export const BatchRefSchema = z.object({ runId: z.string().min(1), batch: z.number().int().nonnegative() });

/** Items or mentions per analyze/ingest job: small payloads, many jobs. */
export const BATCH_SIZE = 100;

const job = <S extends z.ZodType>(payload: S, attempts: number, backoffMs: number, timeoutMs: number): JobSpec<S> => ({
  payload,
  attempts,
  backoffMs,
  timeoutMs,
});

/**
 * The job catalog: every job name with its payload schema, tries, backoff and timeout. Both queue adapters use it;
 * payloads are validated when enqueued and again when processed.
 */
export const catalog = {
  /** Crawl one source of one brand. */
  crawl: job(z.object({ brand: Slug, source: z.string().min(1), full: z.boolean().default(false) }), 3, 30_000, 20 * 60_000),
  /** Score a batch of raw items and hand them to ingest. */
  analyze: job(z.object({ runId: z.string(), batch: z.number().int().nonnegative().optional(), items: z.array(RawItem).min(1).max(500) }), 3, 5_000, 5 * 60_000),
  /** Store a batch of mentions and refresh the rollup buckets they touch; `run` names the crawl batch it completes. */
  ingest: job(z.object({ mentions: z.array(Mention).min(1).max(500), run: BatchRefSchema.optional() }), 5, 2_000, 5 * 60_000),
  /**
   * Run alert rules for a brand (on a schedule, and after every ingest with `afterIngest`: such a run is skipped
   * when a detection of the brand started after the last ingest, so a burst is always judged on its final data).
   */
  detect: job(z.object({ brand: Slug, at: z.iso.datetime().optional(), afterIngest: z.boolean().optional() }), 3, 10_000, 5 * 60_000),
  /**
   * Deliver one stored alert to one channel; retried until it goes through, the alert itself is never lost.
   * `delivery`: the delivery's id when it is not the first one of the alert (an escalation).
   */
  notify: job(z.object({ alertId: z.string().min(1), channel: z.string().min(1), delivery: z.string().min(1).optional() }), 8, 15_000, 60_000),
  /** Re-score stored mentions of a brand after an analyzer upgrade. */
  reanalyze: job(z.object({ brand: Slug, ids: z.array(z.string()).min(1).max(500) }), 3, 5_000, 5 * 60_000),
  /** Build and send a brand's digest (config `digests:`); recorded only once every channel took it. */
  digest: job(z.object({ brand: Slug }), 5, 60_000, 5 * 60_000),
} satisfies Record<string, JobSpec>;

export type JobCatalog = typeof catalog;
export type JobName = keyof JobCatalog;
