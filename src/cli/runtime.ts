import { resolve } from 'node:path';
import type { JobCatalog } from '../../pipelines/catalog.js';
import type { Log, PipelineDeps, ProgressEvent } from '../../pipelines/deps.js';
import type { LoadOptions } from '../config/load.js';
import { readEnv, type Env } from '../config/env.js';
import type { Config } from '../config/schema.js';
import type { Queue } from '../queue/queue.js';
import type { Store } from '../store/store.js';
import type { Io, Values } from './command.js';
import { existingConfigPath } from './config-path.js';

export { configPath } from './config-path.js';

export interface Runtime extends PipelineDeps {
  env: Env;
  queue: Queue<JobCatalog>;
  store: Store;
  close(): Promise<void>;
}

export function stderrLog(io: Io): Log {
  return {
    info: (line) => io.stderr.write(`${line}\n`),
    warn: (line) => io.stderr.write(`earshot: ${line}\n`),
  };
}

/** Open store and queue as the environment says (MongoDB/Redis when their URLs are set, embedded/inline otherwise). */
export async function openRuntime(
  io: Io,
  opts: { values: Values; config?: Config; load?: LoadOptions; onProgress?: (e: ProgressEvent) => void; forceInline?: boolean },
): Promise<Runtime> {
  const env = readEnv(io.env);
  // Imported here, not at the top: a command pays for the store, queue and job catalog only when it opens them.
  const [{ loadConfig }, { openStore }, { openQueue }, { catalog }] = await Promise.all([
    import('../config/load.js'),
    import('../store/open.js'),
    import('../queue/open.js'),
    import('../../pipelines/catalog.js'),
  ]);
  // Warnings `config check` would list go to stderr once, when the command loads the config.
  const onWarning = (w: string) => io.stderr.write(`earshot: config warning: ${w}
`);
  const config = opts.config ?? loadConfig(existingConfigPath(opts.values, env), { env: io.env, onWarning, ...opts.load });
  const store = await openStore({ ...(env.MONGO_URL ? { mongoUrl: env.MONGO_URL } : {}), dataDir: resolve(env.EARSHOT_DATA_DIR) });
  let queue: Queue<JobCatalog>;
  try {
    queue = await openQueue(catalog, {
      ...(env.REDIS_URL && !opts.forceInline ? { redisUrl: env.REDIS_URL } : {}),
      prefix: env.EARSHOT_QUEUE_PREFIX,
    });
  } catch (err) {
    await store.close();
    throw err;
  }
  return {
    env,
    config,
    store,
    queue,
    log: stderrLog(io),
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    async close() {
      await queue.close(env.EARSHOT_SHUTDOWN_TIMEOUT_MS);
      await store.close();
    },
  };
}
