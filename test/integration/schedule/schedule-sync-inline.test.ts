import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoSite, type DemoSite } from '../../../src/demo/index.js';
import { openStore } from '../../../src/store/index.js';
import { ROOT, runEarshot } from '../../helpers/cli.js';

/**
 * Issue 18: without Redis, `earshot schedule sync` used to exit 0 after ~2.5 s having run nothing (every timer was
 * unref'd). These tests run the real command as a user would and watch it for longer than that.
 */
let site: DemoSite;
beforeAll(async () => {
  site = await startDemoSite();
});
afterAll(async () => {
  await site.close();
});

function writeConfig(dir: string, cron: string): string {
  const file = join(dir, 'earshot.yaml');
  writeFileSync(
    file,
    `brands:
  - id: northwind
    name: Northwind Coffee
    aliases: [Northwind]
    themePacks: [general]
    sources:
      - { kind: rss, name: news, url: "${site.url}/news/rss?q=Northwind", schedule: "${cron}", allowPrivateNetworks: true }
`,
  );
  return file;
}

interface Child {
  proc: ChildProcessWithoutNullStreams;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  waitFor: (re: RegExp, timeoutMs: number) => Promise<void>;
}

function startSync(config: string, dataDir: string): Child {
  const proc = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'schedule', 'sync', '--config', config], {
    cwd: ROOT,
    env: { ...process.env, MONGO_URL: '', REDIS_URL: '', EARSHOT_DEBUG: '', EARSHOT_DATA_DIR: dataDir, EARSHOT_SHUTDOWN_TIMEOUT_MS: '10000' },
  });
  let err = '';
  proc.stderr.on('data', (d) => (err += d));
  proc.stdout.resume();
  proc.stdin.end(); // stdin closed, as under a service manager: the process must not need it to stay up
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    proc.on('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  const waitFor = async (re: RegExp, timeoutMs: number) => {
    const until = Date.now() + timeoutMs;
    while (!re.test(err)) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${re} in:\n${err}`);
      if (proc.exitCode !== null) throw new Error(`exited ${proc.exitCode} before ${re}:\n${err}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  return { proc, stderr: () => err, exited, waitFor };
}

describe('earshot schedule sync without Redis', () => {
  it('stays up, runs the source when its cron says so, one line per run, and exits 0 on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'earshot-sched-'));
    const dataDir = join(dir, 'data');
    // Every 5 seconds: the first run is the start-up catch-up (never ran), later ones are the cron's.
    const child = startSync(writeConfig(dir, '*/5 * * * * *'), dataDir);
    try {
      await child.waitFor(/schedule crawl\/northwind\/news: never ran, running it now/, 60_000);
      await child.waitFor(/schedule crawl\/northwind\/news: ok, \d+ new, \d+ seen, \d+ page\(s\) \(\d+\.\d s\); next .* UTC/, 60_000);
      const started = Date.now();
      // The bug: the process was gone ~2.5 s after start. It must still run 10 s later.
      await new Promise((r) => setTimeout(r, 10_000));
      expect(child.proc.exitCode).toBeNull();
      const runLines = child.stderr().match(/schedule crawl\/northwind\/news: ok, /g) ?? [];
      expect(runLines.length, child.stderr()).toBeGreaterThanOrEqual(2); // the catch-up and at least one cron tick
      expect(child.stderr()).toMatch(/, 0 new, \d+ seen/); // the later runs find nothing new
      expect(Date.now() - started).toBeGreaterThanOrEqual(10_000);
    } finally {
      const t = Date.now();
      child.proc.kill('SIGTERM');
      const exit = await child.exited;
      expect(exit.code).toBe(0);
      expect(exit.at - t).toBeLessThan(12_000);
    }
    const store = await openStore({ dataDir });
    try {
      const runs = await store.listCrawlRuns({ brand: 'northwind', 'source.name': 'news' });
      expect(runs.length).toBeGreaterThanOrEqual(2);
      expect(runs.every((r) => r.status === 'ok')).toBe(true);
      expect(await store.countMentions({ brand: 'northwind' })).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  }, 180_000);

  it('shows the in-process schedule and its last run in `schedule list`', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'earshot-sched-'));
    const dataDir = join(dir, 'data');
    const config = writeConfig(dir, '0 0 1 1 *');
    const env = { EARSHOT_DATA_DIR: dataDir };
    const before = await runEarshot(['schedule', 'list', '--config', config], { env });
    expect(before.code).toBe(0);
    expect(before.stdout).toMatch(/none running; start `earshot schedule sync`/);
    expect(before.stdout).toMatch(/crawl\/northwind\/news .*0 0 1 1 \*.*not running.*\d{4}-01-01 00:00/);

    const child = startSync(config, dataDir);
    await child.waitFor(/schedule crawl\/northwind\/news: ok/, 60_000);
    // Another process reads the same data dir while the scheduler runs (the SQLite store has no single-process lock).
    const during = await runEarshot(['schedule', 'list', '--json', '--config', config], { env });
    expect(during.code, during.stderr).toBe(0);
    const live = JSON.parse(during.stdout) as { scheduler: { pid: number } | null; schedules: Array<{ registered: boolean | null }> };
    expect(live.scheduler?.pid).toBe(child.proc.pid);
    expect(live.schedules[0]!.registered).toBe(true);
    child.proc.kill('SIGTERM');
    expect((await child.exited).code).toBe(0);

    const after = await runEarshot(['schedule', 'list', '--json', '--config', config], { env });
    const listed = JSON.parse(after.stdout) as { scheduler: unknown; schedules: Array<{ id: string; next: string; lastRun?: { status: string } }> };
    expect(listed.scheduler).toBeNull(); // stopped cleanly
    expect(listed.schedules[0]!.lastRun?.status).toBe('ok');
    expect(new Date(listed.schedules[0]!.next).getUTCMonth()).toBe(0);
  }, 180_000);

  it('exits non-zero with one line when it cannot run (the store cannot be opened)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'earshot-sched-'));
    const notADir = join(dir, 'file');
    writeFileSync(notADir, 'not a data dir');
    const r = await runEarshot(['schedule', 'sync', '--config', writeConfig(dir, '* * * * *')], { env: { EARSHOT_DATA_DIR: notADir } });
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^earshot: /);
  }, 60_000);
});
