import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { chromiumAvailable, chromiumMissing } from '../../../crawlers/lib/browser/playwright-crawl.js';
import type { PipelineDeps } from '../../../pipelines/deps.js';
import { ALERTS } from '../../../pipelines/detect.js';
import { pendingDeliveries, pendingLine, resumeDeliveries } from '../../../pipelines/notify.js';
import { registerStages } from '../../../pipelines/register.js';
import { type CrawlTarget, runCrawls, selectTargets } from '../../../pipelines/run-crawls.js';
import { alertText } from '../../alerts/message.js';
import { type ReceivedAlert, startAlertReceiver } from '../../alerts/receiver.js';
import { loadConfig } from '../../config/load.js';
import { DEMO_CREDENTIALS } from '../../demo/credentials.js';
import type { Config } from '../../config/schema.js';
import { startDemoSite, todayNoonUtc } from '../../demo/index.js';
import type { Alert } from '../../domain/alert.js';
import { overview } from '../../reports/overview.js';
import { type Command, write } from '../command.js';
import { repoRoot } from '../paths.js';
import { crawlProgress } from '../progress.js';
import { renderOverview } from '../render-overview.js';
import { openRuntime } from '../runtime.js';
import { formatRun } from './crawl.js';
import { serveDemo } from './demo-serve.js';
import { UserError } from '../../domain/errors.js';

/**
 * `earshot demo`: the main job on a bare machine. Starts the bundled demo site on a free loopback port, crawls it
 * for the demo brands, analyzes, stores (embedded store unless MONGO_URL is set) and prints each brand's overview.
 * Running it again stores nothing twice.
 */
export const demoCommand: Command = {
  name: 'demo',
  summary: 'run the whole pipeline on the bundled demo site (no MongoDB, Redis or network needed)',
  usage: 'earshot demo [--full] [--json] [--day YYYY-MM-DD] [--serve [--port 8787]]',
  options: {
    full: { type: 'boolean', default: false, description: 'crawl every source in full again, ignoring the cursors of an earlier run' },
    json: { type: 'boolean', default: false, description: 'print the crawl runs and the overview as JSON' },
    serve: { type: 'boolean', default: false, description: 'afterwards keep the dashboard and the API open on the demo data (loopback), printing a key to sign in with; Ctrl-C stops' },
    port: { type: 'string', default: '8787', description: 'the port for --serve (0: any free port)' },
    day: { type: 'string', description: "the demo site's day (UTC; default today): its corpus is dated back from that day, so runs with the same day crawl the same data, even across midnight" },
  },
  details: ['Uses config/demo.yaml and the store under $EARSHOT_DATA_DIR (default ./data); a second run stores only what is new. Afterwards try the report commands with --config config/demo.yaml, or open the dashboard with --serve.'],
  examples: ['earshot demo', 'earshot demo --serve', 'EARSHOT_DATA_DIR=/tmp/demo earshot demo --json'],
  async run({ values }, io) {
    const started = Date.now();
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UserError(`--port: expected 0–65535, got "${String(values.port)}"`);
    if (values.config !== undefined) {
      throw new UserError('demo: --config is not used: the demo always runs config/demo.yaml against its own offline site (for your config: earshot crawl --config FILE)');
    }
    const site = await startDemoSite({ now: demoDay(values.day) });
    const secret = randomBytes(24).toString('hex');
    const receiver = await startAlertReceiver({ secret });
    try {
      const vars = { DEMO_URL: site.url, ALERT_URL: receiver.url, ALERT_SECRET: secret };
      // The demo site's YouTube key and Bluesky account (config/demo.yaml names the variables).
      Object.assign(process.env, DEMO_CREDENTIALS);
      const config = loadConfig(join(repoRoot(), 'config', 'demo.yaml'), { vars });
      // Browser-rendered sources need the system Chromium; without it the demo still runs everything else.
      const browserless = chromiumAvailable() ? [] : browserSources(config);
      const targets = selectTargets(config).filter((t) => !browserless.some((b) => b.brand === t.brand && b.source === t.source));
      if (browserless.length && !values.json) {
        write(io.stderr, `${chromiumMissing()}; skipping ${browserless.map((b) => `${b.brand}/${b.source}`).join(', ')}`);
      }
      const progress = values.json ? undefined : crawlProgress(io, targets.length);
      const rt = await openRuntime(io, { values, config, ...(progress ? { onProgress: progress.onProgress } : {}), forceInline: true });
      try {
        if (!values.json) write(io.stderr, `demo site at ${site.url} · store: ${rt.store.kind} · ${targets.length} source(s)`);
        const before = await rt.store.countMentions({});
        registerStages({ ...rt, detectAfterIngest: false }, { deliveries: 'once' });
        await resumeDeliveries(rt.store, rt.queue);
        const runs = await runCrawls(rt, targets, { full: values.full === true });
        progress?.stop();
        await detectAll(rt, started);
        const pending = await pendingDeliveries(rt.store);
        const alerts = receiver.received;
        const after = await rt.store.countMentions({});
        const overviews = [];
        for (const b of config.brands) overviews.push({ name: b.name, o: await overview(rt.store, { brand: b.id }) });
        const seconds = (Date.now() - started) / 1000;
        if (values.json) {
          const sent = alerts.map((a) => a.alert);
          const skipped = browserless.map((b) => ({ ...b, reason: chromiumMissing() }));
          write(io.stdout, JSON.stringify({ runs, skipped, mentions: { before, after }, overviews: overviews.map((x) => x.o), alerts: sent, pendingDeliveries: pending, seconds }, null, 2));
        } else {
          write(io.stdout, '');
          for (const r of runs) write(io.stdout, formatRun(r));
          for (const { name, o } of overviews) write(io.stdout, `\n${renderOverview(o, name)}`);
          write(io.stdout, `\n${alertSection(alerts, await openAlerts(rt))}`);
          if (pending.length) write(io.stdout, `\n${pendingLine(pending)}`);
          write(io.stdout, `\n${after} mentions stored (${after - before} new this run) in ${seconds.toFixed(1)} s`);
        }
        if (values.serve) await serveDemo(rt, io, port, values.json === true);
        return runs.some((r) => r.status === 'failed') ? 1 : 0;
      } finally {
        progress?.stop();
        await rt.close();
      }
    } finally {
      await receiver.close();
      await site.close();
    }
  },
};

function browserSources(config: Config): CrawlTarget[] {
  return config.brands.flatMap((b) => b.sources.filter((s) => s.render === 'browser').map((s) => ({ brand: b.id, source: s.name })));
}

/**
 * The demo crawls every source at once, so instead of detecting after each ingest (which would judge a brand on its
 * first source) it runs detection once over everything, as the scheduled detection does, then waits for the one
 * try each delivery gets (what fails stays pending in the store).
 */
async function detectAll(rt: PipelineDeps, started: number): Promise<void> {
  for (const brand of new Set(rt.config.alerts.map((r) => r.brand))) {
    await rt.queue.enqueue('detect', { brand }, { jobId: `detect:demo:${brand}:${started}` });
  }
  await rt.queue.idle();
}

async function openAlerts(rt: PipelineDeps): Promise<Alert[]> {
  return rt.store.findDocs<Alert>(ALERTS, { state: 'open' }, { sort: { createdAt: -1 }, limit: 5 });
}

/** What fired: alerts delivered to the local receiver this run, else the open ones still in cooldown. */
function alertSection(received: ReceivedAlert[], open: Alert[]): string {
  if (received.length) {
    const head = `ALERTS — ${received.length} delivered to the local webhook receiver (signature ${received.every((r) => r.verified) ? 'verified' : 'NOT verified'}):`;
    return [head, ...received.map((r) => `\n${alertText(r.alert)}`)].join('\n');
  }
  if (open.length) {
    const lines = open.map((a) => `- ${a.rule} (${a.brand}) fired at ${new Date(a.createdAt).toISOString().slice(0, 16)} UTC: ${a.summary}`);
    return ['ALERTS — nothing new sent (rules in cooldown); open alerts:', ...lines, 'see `earshot alerts list`'].join('\n');
  }
  return 'ALERTS — no rule fired.';
}

/** `--day YYYY-MM-DD` as that day at 12:00 UTC (the demo site's `now`), or today's. */
function demoDay(day: unknown): Date {
  if (day === undefined) return todayNoonUtc();
  const m = typeof day === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(day) : null;
  const at = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12)) : undefined;
  if (!at || at.toISOString().slice(0, 10) !== day) throw new UserError(`--day: expected a date as YYYY-MM-DD, got "${String(day)}"`);
  return at;
}
