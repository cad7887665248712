import type { PipelineDeps } from '../../../pipelines/deps.js';
import { onShutdown } from '../../queue/shutdown.js';
import { UserError } from '../../domain/errors.js';
import { type Io, write } from '../command.js';

/** The key `earshot demo --serve` signs the dashboard in with: replaced on every run, printed once. */
export const DEMO_KEY_NAME = 'demo-dashboard';

/**
 * `earshot demo --serve`: after the demo, keep the API and the dashboard open on its data (loopback only) until
 * Ctrl-C, with a fresh write-scoped key printed once for signing in. The demo site stays up, so "run now" works.
 */
export async function serveDemo(rt: PipelineDeps, io: Io, port: number, json: boolean): Promise<void> {
  const [{ buildApiServer }, { createKey, revokeKey }] = await Promise.all([import('../../api/server.js'), import('../../api/keys.js')]);
  await revokeKey(rt.store, DEMO_KEY_NAME);
  const { key } = await createKey(rt.store, { name: DEMO_KEY_NAME, scope: 'write' });
  const app = await buildApiServer(
    { config: rt.config, store: rt.store, startCrawl: async (t) => void (await rt.queue.enqueue('crawl', t)) },
    { logger: { level: io.env.EARSHOT_LOG_LEVEL || 'warn' } },
  );
  const address = await app.listen({ port, host: '127.0.0.1' }).catch((err: Error) => {
    throw new UserError(`demo --serve: cannot listen on 127.0.0.1:${port}: ${err.message} (try --port 0 for any free port)`);
  });
  const lines = [
    '',
    `Dashboard: ${address}/`,
    `Sign in with this key (shown once; a new one each run): ${key}`,
    `API: ${address}/api/v1 (docs ${address}/docs) · Ctrl-C stops`,
  ];
  for (const l of lines) write(json ? io.stderr : io.stdout, l);
  await new Promise<void>((resolve) => {
    onShutdown(
      async () => {
        await app.close();
        resolve();
      },
      { deadlineMs: 10_000, log: (l) => write(io.stderr, l) },
    );
  });
}
