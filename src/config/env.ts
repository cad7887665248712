import { z } from 'zod';
import { UserError } from '../domain/errors.js';

/**
 * Every environment setting in one table: name, meaning, default. Parsed once at start-up.
 * An empty string counts as unset.
 */
const emptyAsUnset = (v: unknown) => (v === '' ? undefined : v);

export const EnvSchema = z.object({
  /** MongoDB connection string. Unset: the embedded store under EARSHOT_DATA_DIR. */
  MONGO_URL: z.preprocess(emptyAsUnset, z.string().regex(/^mongodb(\+srv)?:\/\//, 'expected a mongodb:// URL').optional()),
  /** Redis URL for BullMQ. Unset: the in-process queue. */
  REDIS_URL: z.preprocess(emptyAsUnset, z.string().regex(/^rediss?:\/\//, 'expected a redis:// URL').optional()),
  /** Where the embedded store keeps its files. Default `./data`. */
  EARSHOT_DATA_DIR: z.preprocess(emptyAsUnset, z.string().default('./data')),
  /** Config file when `--config` is not given. Default `config/earshot.yaml`. */
  EARSHOT_CONFIG: z.preprocess(emptyAsUnset, z.string().optional()),
  /** BullMQ key prefix, so several installs can share one Redis. Default `earshot`. */
  EARSHOT_QUEUE_PREFIX: z.preprocess(emptyAsUnset, z.string().default('earshot')),
  /** Jobs a worker runs at once per queue. Default 2. */
  EARSHOT_WORKER_CONCURRENCY: z.preprocess(emptyAsUnset, z.coerce.number().int().positive().default(2)),
  /** How long shutdown waits for running jobs, in ms. Default 30000. */
  EARSHOT_SHUTDOWN_TIMEOUT_MS: z.preprocess(emptyAsUnset, z.coerce.number().int().positive().default(30_000)),
  /** How often `worker` and `serve` look for alert deliveries left pending (e.g. by a one-shot command), in ms. Default 60000. */
  EARSHOT_DELIVERY_SWEEP_MS: z.preprocess(emptyAsUnset, z.coerce.number().int().min(100).default(60_000)),
  /**
   * Days the pipeline's bookkeeping (crawl commits and batches, old crawl runs but each source's latest) is kept;
   * `worker` and `serve` prune at start and every 6 h. The API audit trail is kept at least a year. Default 30.
   */
  EARSHOT_RETENTION_DAYS: z.preprocess(emptyAsUnset, z.coerce.number().int().positive().default(30)),
  /** Print stack traces for unexpected errors. */
  EARSHOT_DEBUG: z.preprocess(emptyAsUnset, z.string().optional()),
});
export type Env = z.infer<typeof EnvSchema>;

export function readEnv(env: NodeJS.ProcessEnv = process.env): Env {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    throw new EnvError(`${String(first.path[0])}: ${first.message}`);
  }
  return Object.freeze(parsed.data);
}

export class EnvError extends UserError {
  constructor(message: string) {
    super(message, 'bad_env');
  }
}
