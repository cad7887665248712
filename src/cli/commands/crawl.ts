import { selectTargets, runCrawls } from '../../../pipelines/run-crawls.js';
import { pendingDeliveries, pendingLine, resumeDeliveries } from '../../../pipelines/notify.js';
import { registerStages } from '../../../pipelines/register.js';
import { UserError } from '../../domain/errors.js';
import type { CrawlRun } from '../../domain/crawl-run.js';
import { type Command, str, write } from '../command.js';
import { crawlProgress } from '../progress.js';
import { openRuntime } from '../runtime.js';

export function formatRun(r: CrawlRun): string {
  const failures = Object.entries(r.failures)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  return `${r.brand}/${r.source.name} (${r.source.kind}): ${r.status}, ${r.pages} page(s), ${r.itemsNew} new, ${r.itemsSeen} seen${failures ? `; failures: ${failures}` : ''}${r.notes.length ? `; ${r.notes.join('; ')}` : ''}`;
}

/** `earshot crawl`: crawl now, in this process (or `--enqueue` for the workers), and print each run's health. */
export const crawlCommand: Command = {
  name: 'crawl',
  summary: 'crawl the configured sources now and store what is new',
  usage: 'earshot crawl [--brand ID] [--source NAME] [--full] [--json] [--enqueue]',
  options: {
    brand: { type: 'string', valueName: 'ID', description: 'only this brand (default: every configured brand)' },
    source: { type: 'string', valueName: 'NAME', description: 'only this source of the brand(s) (its name in config)' },
    full: { type: 'boolean', default: false, description: 'ignore the saved cursors and fetch everything the source offers again (stored mentions are not duplicated)' },
    json: { type: 'boolean', default: false, description: 'print each crawl run record as JSON instead of one line per source' },
    enqueue: { type: 'boolean', default: false, description: 'hand the crawls to the BullMQ workers instead of running them here (needs REDIS_URL)' },
  },
  details: ['Prints one line per source: items fetched, new mentions, and how the run ended (ok, blocked, parse or network error). Exit code 1 when a source failed.'],
  examples: ['earshot crawl --brand northwind --config config/demo.yaml', 'earshot crawl --brand northwind --source cafe-reviews --full --json'],
  async run({ values }, io) {
    const enqueue = values.enqueue === true;
    let progress: ReturnType<typeof crawlProgress> | undefined;
    const rt = await openRuntime(io, { values, forceInline: !enqueue });
    try {
      const brand = str(values, 'brand');
      const source = str(values, 'source');
      if (brand && !rt.config.brands.some((b) => b.id === brand)) {
        throw new UserError(`unknown brand "${brand}" (configured: ${rt.config.brands.map((b) => b.id).join(', ')})`);
      }
      const targets = selectTargets(rt.config, { ...(brand ? { brand } : {}), ...(source ? { source } : {}) });
      if (targets.length === 0) throw new UserError(`no source matches${brand ? ` --brand ${brand}` : ''}${source ? ` --source ${source}` : ''}`);
      if (enqueue) {
        if (rt.queue.kind !== 'bullmq') throw new UserError('--enqueue needs REDIS_URL (workers take the jobs)');
        for (const t of targets) await rt.queue.enqueue('crawl', { ...t, full: values.full === true });
        write(io.stdout, `queued ${targets.length} crawl job(s)`);
        return 0;
      }
      if (!values.json) progress = crawlProgress(io, targets.length);
      const deps = { ...rt, ...(progress ? { onProgress: progress.onProgress } : {}) };
      // One-shot: deliveries are tried once each; what fails stays pending in the store, the crawl never waits on it.
      registerStages(deps, { deliveries: 'once' });
      await resumeDeliveries(rt.store, rt.queue);
      const runs = await runCrawls(deps, targets, { full: values.full === true });
      progress?.stop();
      const pending = await pendingDeliveries(rt.store);
      if (values.json) write(io.stdout, JSON.stringify({ runs, pendingDeliveries: pending }, null, 2));
      else {
        for (const r of runs) write(io.stdout, formatRun(r));
        if (pending.length) write(io.stdout, pendingLine(pending));
      }
      return runs.some((r) => r.status === 'failed') ? 1 : 0;
    } finally {
      progress?.stop();
      await rt.close();
    }
  },
};
