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

/** The health record every crawl run writes. */
export const CrawlRun = z.object({
  _id: z.string(),
  brand: z.string(),
  source: z.object({ kind: SourceKind, name: z.string() }),
  startedAt: z.coerce.date(),
  finishedAt: z.coerce.date().optional(),
  status: z.enum(['running', 'ok', 'partial', 'failed']),
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
