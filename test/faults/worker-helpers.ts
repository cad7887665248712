import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catalog } from '../../pipelines/catalog.js';
import { BullmqQueue } from '../../src/queue/bullmq.js';
import { PassThrough } from 'node:stream';
import { runCli } from '../../src/cli/run.js';
import { openStore } from '../../src/store/index.js';
import { ROOT } from '../helpers/cli.js';

/**
 * Lock duration (and stalled-check interval) the fault workers use by default: a killed worker's jobs come back in
 * seconds, yet a worker starved of CPU on a busy machine keeps its locks.
 */
export const LOCK_MS = 3_000;

/** One source of the demo site, as `config/demo.yaml` writes it. */
export interface FaultSource {
  brand: 'northwind' | 'brightline';
  yaml: string;
  name: string;
}

const BRANDS = {
  northwind: `name: Northwind Coffee
    aliases: ["Northwind Coffee", "Northwind"]
    exclusions: ["Northwind Traders", "northwind wind farm"]
    competitors: [{ id: bluebird, name: Bluebird Roasters }]
    themePacks: [general, restaurants]`,
  brightline: `name: Brightline Bikes
    aliases: ["Brightline Bikes", "Brightline"]
    exclusions: ["Brightline train"]
    themePacks: [general, ecommerce]`,
};

const demo = 'allowPrivateNetworks: true, limits: { maxRequestsPerMinute: 10000, maxPages: 20 }';
const board = `{ item: article.review, title: h3.review-title, text: p.review-text, rating: span.stars, ratingAttribute: data-rating,
  author: span.review-author, date: time, dateAttribute: datetime, permalink: a.permalink, id: data-review-id, nextPage: a.next-page }`;

/**
 * Sources of the demo site: more than one analyze and ingest batch per run, with reposts inside a source. (Reposts
 * across sources, e.g. the Brightline board copying shop reviews, are marked or not depending on which batch is stored
 * first until duplicate marking is order-independent — issue 11 item 2 — so they are left out of this comparison.)
 */
export const HTTP_SOURCES: FaultSource[] = [
  { brand: 'northwind', name: 'cafe-reviews', yaml: `{ kind: reviews-jsonld, name: cafe-reviews, url: "\${DEMO_URL}/cafes/northwind", ${demo} }` },
  { brand: 'northwind', name: 'review-board', yaml: `{ kind: site-profile, name: review-board, url: "\${DEMO_URL}/board/northwind", profile: ${board}, ${demo} }` },
  { brand: 'northwind', name: 'news', yaml: `{ kind: rss, name: news, url: "\${DEMO_URL}/news/rss?q=Northwind", ${demo} }` },
  { brand: 'northwind', name: 'reddit', yaml: `{ kind: reddit, name: reddit, url: "\${DEMO_URL}", ids: [Coffee, Portland], ${demo} }` },
  { brand: 'northwind', name: 'hackernews', yaml: `{ kind: hackernews, name: hackernews, url: "\${DEMO_URL}/api/v1", ${demo} }` },
  { brand: 'brightline', name: 'reddit', yaml: `{ kind: reddit, name: reddit, url: "\${DEMO_URL}", ids: [ebikes, bikecommuting], ${demo} }` },
];

/**
 * A slow source: the board read at 40 requests a minute (one page every 1.5 s), from a second copy of the demo site
 * (`DEMO_SLOW_URL`, its own host:port, so the per-host rate limit slows no other source). Its crawl runs for seconds:
 * a kill lands in the middle of it.
 */
export const SLOW_SOURCE: FaultSource = {
  brand: 'brightline',
  name: 'slow-board',
  yaml: `{ kind: site-profile, name: slow-board, url: "\${DEMO_SLOW_URL}/board/brightline", profile: ${board},
    allowPrivateNetworks: true, limits: { maxRequestsPerMinute: 40, maxPages: 20 } }`,
};

/** The demo's JavaScript-rendered page, crawled in Chromium (clicks "load more"). */
export const BROWSER_SOURCE: FaultSource = {
  brand: 'northwind',
  name: 'live-reviews',
  yaml: `{ kind: site-profile, name: live-reviews, url: "\${DEMO_URL}/live/northwind", render: browser,
    profile: { item: article.review, title: h3.review-title, text: p.review-text, rating: span.stars, ratingAttribute: data-rating,
      author: span.review-author, date: time, dateAttribute: datetime, permalink: a.permalink, id: data-review-id, loadMore: button.load-more },
    ${demo} }`,
};

/** The demo's Northwind alert rule, to a webhook at `${ALERT_URL}` (the demo site's burst of 1–2 star reviews fires it). */
const ALERTS_YAML = `channels:
  hook: { type: webhook, url: "\${ALERT_URL}", secret: fault-webhook-secret-0123456789 }
alerts:
  - { name: northwind-negative, kind: negative_spike, brand: northwind, window: 36h, baseline: 28d, minCount: 4, cooldown: 6h, channels: [hook] }
`;

function configYaml(sources: FaultSource[], alerts = false): string {
  const brands = (['northwind', 'brightline'] as const).filter((b) => sources.some((s) => s.brand === b));
  return `${alerts ? ALERTS_YAML : ''}brands:\n${brands
    .map((b) => `  - id: ${b}\n    ${BRANDS[b]}\n    sources:\n${sources.filter((s) => s.brand === b).map((s) => `      - ${s.yaml.replace(/\s*\n\s*/g, ' ')}`).join('\n')}`)
    .join('\n')}\n`;
}

/** One fault scenario's world: its own data dir, queue prefix and config, against a Redis and the demo site. */
export interface Scenario {
  dataDir: string;
  prefix: string;
  env: NodeJS.ProcessEnv;
  sources: FaultSource[];
  /** `earshot worker --lock-ms` for this scenario's workers. */
  lockMs: number;
  cleanup(): void;
}

export function scenario(
  redisUrl: string,
  demoUrl: string | { url: string; slowUrl: string },
  sources: FaultSource[],
  extraEnv: NodeJS.ProcessEnv = {},
  lockMs = LOCK_MS,
  opts: { alerts?: boolean } = {},
): Scenario {
  const urls = typeof demoUrl === 'string' ? { url: demoUrl, slowUrl: demoUrl } : demoUrl;
  const dataDir = mkdtempSync(join(tmpdir(), 'earshot-fault-'));
  const configPath = join(dataDir, 'earshot.yaml');
  writeFileSync(configPath, configYaml(sources, opts.alerts));
  const prefix = `earshot-fault-${randomBytes(4).toString('hex')}`;
  return {
    dataDir,
    prefix,
    sources,
    lockMs,
    env: {
      ...process.env,
      MONGO_URL: '',
      EARSHOT_DEBUG: '',
      REDIS_URL: redisUrl,
      EARSHOT_QUEUE_PREFIX: prefix,
      EARSHOT_DATA_DIR: join(dataDir, 'data'),
      EARSHOT_CONFIG: configPath,
      DEMO_URL: urls.url,
      DEMO_SLOW_URL: urls.slowUrl,
      ...extraEnv,
    },
    cleanup: () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

/** A real `earshot worker` process. */
export interface WorkerProcess {
  child: ChildProcess;
  stderr(): string;
  /** Resolves with how it ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves once stderr has a line matching `re`. */
  waitFor(re: RegExp, timeoutMs?: number): Promise<void>;
}

export function startWorker(s: Scenario, args: string[] = []): WorkerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'worker', '--lock-ms', String(s.lockMs), ...args], {
    cwd: ROOT,
    env: s.env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  const waiters: Array<() => void> = [];
  child.stderr!.on('data', (d) => {
    err += d;
    for (const w of waiters.splice(0)) w();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return {
    child,
    stderr: () => err,
    exited,
    async waitFor(re, timeoutMs = 90_000) {
      const deadline = Date.now() + timeoutMs;
      while (!re.test(err)) {
        if (child.exitCode !== null || child.signalCode !== null) throw new Error(`worker exited before ${re}: ${err}`);
        if (Date.now() > deadline) throw new Error(`worker did not print ${re} in ${timeoutMs} ms: ${err}`);
        await new Promise<void>((r) => {
          waiters.push(r);
          setTimeout(r, 200);
        });
      }
    },
  };
}

/** SIGKILL, the way the OOM killer or a lost node ends a worker. */
export async function killHard(w: WorkerProcess): Promise<void> {
  w.child.kill('SIGKILL');
  await w.exited;
}

/** The queue as the scheduler sees it (same catalog and adapter as `earshot crawl --enqueue`), for enqueueing and watching. */
export function queueOf(redisUrl: string, s: Scenario): BullmqQueue<typeof catalog> {
  return new BullmqQueue(catalog, { url: redisUrl, prefix: s.prefix });
}

export async function enqueueCrawls(q: BullmqQueue<typeof catalog>, s: Scenario): Promise<void> {
  for (const src of s.sources) await q.enqueue('crawl', { brand: src.brand, source: src.name });
}

/** Waits until a job of `stage` is running (or, for stages whose jobs are quick, has just finished one). */
export async function waitForStage(redisUrl: string, s: Scenario, stage: 'crawl' | 'analyze' | 'ingest' | 'detect' | 'notify', timeoutMs = 90_000): Promise<'active' | 'completed'> {
  const { Queue } = await import('bullmq');
  const q = new Queue(stage, { connection: { url: redisUrl }, prefix: s.prefix });
  try {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const c = await q.getJobCounts('active', 'completed');
      if ((c.active ?? 0) > 0) return 'active';
      if ((c.completed ?? 0) > 0) return 'completed';
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`no ${stage} job ran within ${timeoutMs} ms`);
  } finally {
    await q.close();
  }
}

/** Waits until nothing is waiting, delayed or running on any queue of the scenario. */
export async function drained(q: BullmqQueue<typeof catalog>, timeoutMs = 90_000): Promise<void> {
  await Promise.race([
    q.idle(),
    new Promise((_, reject) => setTimeout(() => reject(new Error(`pipeline not drained within ${timeoutMs} ms`)), timeoutMs).unref()),
  ]);
}

/** What a user would count: mentions stored, which are marked duplicates of which, and how each crawl run ended. */
export interface Outcome {
  mentions: number;
  duplicates: string[];
  runs: Array<{ source: string; status: string }>;
}

/** Reads the scenario's store (no worker may hold the data dir meanwhile). */
export async function outcome(s: Scenario): Promise<Outcome> {
  const store = await openStore({ dataDir: s.env.EARSHOT_DATA_DIR! });
  try {
    const all = await store.findMentions({}, { projection: { _id: 1, duplicateOf: 1 } });
    const runs = await store.listCrawlRuns({}, { sort: { startedAt: 1 } });
    return {
      mentions: all.length,
      duplicates: all.filter((m) => m.duplicateOf).map((m) => `${m._id} → ${m.duplicateOf}`).sort(),
      runs: runs.map((r) => ({ source: `${r.brand}/${r.source.name}`, status: r.status })),
    };
  } finally {
    await store.close();
  }
}

/**
 * Runs the real `earshot` CLI code in this process (no spawn: starting a process costs seconds on a busy machine),
 * with the scenario's environment. Returns the exit code and what it printed.
 */
export async function earshotHere(s: Scenario, args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (d) => (stdout += d));
  err.on('data', (d) => (stderr += d));
  const code = await runCli(args, { stdout: out, stderr: err, stdin: new PassThrough(), env: { ...s.env, ...env }, interactive: false });
  return { code, stdout, stderr };
}

/** The clean reference: `earshot crawl` of every source, in-process, on the scenario's own data dir (no Redis). */
export async function cleanCrawl(s: Scenario): Promise<Outcome> {
  const r = await earshotHere(s, ['crawl', '--json'], { REDIS_URL: '' });
  if (r.code !== 0) throw new Error(`clean crawl exited ${r.code}: ${r.stderr}`);
  return outcome(s);
}

/** Starts a worker, lets it drain the queues, and stops it with SIGTERM (it must exit 0). */
export async function drainWithWorker(redisUrl: string, s: Scenario): Promise<WorkerProcess> {
  const q = queueOf(redisUrl, s);
  const w = startWorker(s);
  const t0 = Date.now();
  try {
    await w.waitFor(/waiting for jobs/);
    const t1 = Date.now();
    await drained(q);
    if (process.env.FAULT_TIMING) console.log(`worker ready in ${t1 - t0} ms, drained in ${Date.now() - t1} ms`);
  } finally {
    await q.close(1_000);
    w.child.kill('SIGTERM');
  }
  const end = await w.exited;
  if (end.code !== 0) throw new Error(`worker exited ${end.code ?? end.signal}: ${w.stderr()}`);
  return w;
}
