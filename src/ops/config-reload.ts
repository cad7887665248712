import { unwatchFile, watchFile } from 'node:fs';
import type { Config } from '../config/schema.js';

/**
 * Keeps `target.config` in step with the config file: reloaded on SIGHUP and when the file changes (polled every 2 s,
 * which also sees a Docker bind mount or an editor that replaces the file). Jobs already running keep the config they
 * started with; the queue is not touched, so no job is lost. A file that does not load is reported and the running
 * config kept.
 */
export function watchConfig(
  target: { config: Config },
  file: string,
  load: (file: string) => Config,
  log: { info(msg: string): void; warn(msg: string): void },
): () => void {
  let last = '';
  const reload = (why: string) => {
    try {
      const next = load(file);
      const text = JSON.stringify(next);
      if (text === last) return;
      last = text;
      target.config = next;
      const sources = next.brands.reduce((n, b) => n + b.sources.length, 0);
      log.info(`config reloaded (${why}): ${next.brands.length} brand(s), ${sources} source(s)`);
    } catch (err) {
      log.warn(`config not reloaded (${why}), keeping the running one: ${(err as Error).message.split('\n')[0]}`);
    }
  };
  last = JSON.stringify(target.config);
  const onHup = () => reload('SIGHUP');
  process.on('SIGHUP', onHup);
  watchFile(file, { interval: 2_000 }, (cur, prev) => {
    if (cur.mtimeMs !== prev.mtimeMs || cur.size !== prev.size) reload('file changed');
  });
  return () => {
    process.off('SIGHUP', onHup);
    unwatchFile(file);
  };
}
