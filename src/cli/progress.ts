import cliProgress from 'cli-progress';
import type { ProgressEvent } from '../../pipelines/deps.js';
import type { Io } from './command.js';

/**
 * Shows what is being crawled and how far along: one bar per source on a terminal (cli-progress), one line per
 * source finished otherwise (CI logs, pipes).
 */
export function crawlProgress(io: Io, totalSources: number): { onProgress: (e: ProgressEvent) => void; stop(): void } {
  let finished = 0;
  if (!io.interactive) {
    return {
      onProgress(e) {
        if (e.phase === 'start') io.stderr.write(`crawling ${e.brand}/${e.source} …\n`);
        if (e.phase === 'done' || e.phase === 'failed') {
          finished++;
          io.stderr.write(
            `[${finished}/${totalSources}] ${e.brand}/${e.source}: ${e.phase === 'done' ? 'done' : 'FAILED'}, ${e.pages} page(s), ${e.items} item(s)\n`,
          );
        }
      },
      stop() {},
    };
  }
  const multi = new cliProgress.MultiBar(
    { format: ' {label} [{bar}] {value}/{total} pages · {items} items {status}', hideCursor: true, clearOnComplete: false, stream: io.stderr as NodeJS.WriteStream },
    cliProgress.Presets.shades_classic,
  );
  const overall = multi.create(totalSources, 0, { label: 'sources'.padEnd(28), items: '', status: '' });
  const bars = new Map<string, cliProgress.SingleBar>();
  return {
    onProgress(e) {
      const key = `${e.brand}/${e.source}`;
      let bar = bars.get(key);
      if (!bar) {
        bar = multi.create(Math.max(e.pages, 1), 0, { label: key.slice(0, 28).padEnd(28), items: 0, status: '' });
        bars.set(key, bar);
      }
      bar.setTotal(Math.max(e.pages + (e.phase === 'page' ? 1 : 0), 1));
      bar.update(e.pages, { items: e.items, status: e.phase === 'failed' ? 'FAILED' : e.phase === 'done' ? '✓' : '' });
      if (e.phase === 'done' || e.phase === 'failed') overall.increment();
    },
    stop() {
      multi.stop();
    },
  };
}
