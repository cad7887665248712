import { z } from 'zod';
import { SourceKind } from './source-kind.js';

/** Why a request or item failed: a user must tell a bot wall from a broken selector. */
export const FailureClass = z.enum(['blocked', 'network', 'parse', 'policy', 'size', 'content']);
export type FailureClass = z.infer<typeof FailureClass>;

export const CrawlFailure = z.object({
  class: FailureClass,
  url: z.string(),
  reason: z.string(),
});
export type CrawlFailure = z.infer<typeof CrawlFailure>;

/** The process running a crawl: a run left `running` by a process that is gone is `interrupted`. */
export const RunOwner = z.object({ host: z.string(), pid: z.number().int().positive() });
export type RunOwner = z.infer<typeof RunOwner>;

/**
 * The health record every crawl run writes. `running` → `ok` | `partial` | `failed`; a run whose process died
 * (kill -9, OOM, a lost container) is marked `interrupted` by the next sweep, never left looking alive.
 */
export const CrawlRun = z.object({
  _id: z.string(),
  brand: z.string(),
  source: z.object({ kind: SourceKind, name: z.string() }),
  startedAt: z.coerce.date(),
  finishedAt: z.coerce.date().optional(),
  status: z.enum(['running', 'ok', 'partial', 'failed', 'interrupted']),
  /** Who runs it (hostname and pid); absent on runs recorded before owners were. */
  owner: RunOwner.optional(),
  /** Refreshed about every 10 s while the run goes; a stale heartbeat means its process is gone. */
  heartbeatAt: z.coerce.date().optional(),
  /** When the run was found abandoned, and why it is believed so. */
  interrupted: z.object({ at: z.coerce.date(), reason: z.string() }).optional(),
  pages: z.number().int().nonnegative().default(0),
  itemsNew: z.number().int().nonnegative().default(0),
  itemsSeen: z.number().int().nonnegative().default(0),
  failures: z.partialRecord(FailureClass, z.number().int().nonnegative()).default({}),
  /** The first few failures in full, so the cause is visible without logs. */
  samples: z.array(CrawlFailure).default([]),
  /** Anything a user should know that is not a failure (e.g. "App Store caps at 10 pages"). */
  notes: z.array(z.string()).default([]),
});
export type CrawlRun = z.infer<typeof CrawlRun>;
