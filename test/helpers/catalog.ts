import { z } from 'zod';
import type { Catalog } from '../../src/queue/queue.js';

/** A small catalog for queue tests: fast backoff so retries happen within a test. */
export const testCatalog = {
  echo: { payload: z.object({ n: z.number().int() }), attempts: 3, backoffMs: 20, timeoutMs: 5_000 },
  slow: { payload: z.object({ ms: z.number() }), attempts: 1, backoffMs: 10, timeoutMs: 200 },
} satisfies Catalog;
