import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runOwner, startHeartbeat, sweepInterruptedRuns } from '../../../pipelines/interrupted-runs.js';
import type { CrawlRun } from '../../../src/domain/crawl-run.js';
import { scheduleStatus } from '../../../src/schedule/status.js';
import { openStore } from '../../../src/store/index.js';
import type { Store } from '../../../src/store/store.js';

let dataDir: string;
let store: Store;
beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'earshot-runs-'));
  store = await openStore({ dataDir });
});
afterEach(async () => {
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const minutes = (n: number) => new Date(Date.now() - n * 60_000);

function run(id: string, extra: Partial<CrawlRun> = {}): CrawlRun {
  return {
    _id: id,
    brand: 'northwind',
    source: { kind: 'rss', name: id },
    startedAt: minutes(1),
    status: 'running',
    pages: 3,
    itemsNew: 0,
    itemsSeen: 0,
    failures: {},
    samples: [],
    notes: [],
    ...extra,
  };
}

/** The pid of a real process that has exited (what a kill -9'd worker leaves behind). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

const statusOf = async (id: string) => (await store.listCrawlRuns({ _id: id }))[0]!;

describe('crawl runs left `running` by a process that is gone', () => {
  it('are marked interrupted, with when and why; live ones are left alone', async () => {
    const alive = spawn('sleep', ['30']);
    try {
      const host = hostname();
      await store.saveCrawlRun(run('killed-here', { owner: { host, pid: deadPid() }, heartbeatAt: new Date() }));
      await store.saveCrawlRun(run('alive-here', { owner: { host, pid: alive.pid! }, heartbeatAt: new Date() }));
      await store.saveCrawlRun(run('silent-elsewhere', { owner: { host: 'other-box', pid: 7 }, heartbeatAt: minutes(5) }));
      await store.saveCrawlRun(run('beating-elsewhere', { owner: { host: 'other-box', pid: 8 }, heartbeatAt: minutes(0.2) }));
      await store.saveCrawlRun(run('legacy-old', { startedAt: minutes(120) }));
      await store.saveCrawlRun(run('legacy-recent', { startedAt: minutes(2) }));
      await store.saveCrawlRun(run('finished', { owner: { host, pid: deadPid() }, status: 'ok', finishedAt: new Date() }));

      const before = Date.now();
      const marked = await sweepInterruptedRuns(store);
      expect(marked.map((r) => r._id).sort()).toEqual(['killed-here', 'legacy-old', 'silent-elsewhere']);

      const killed = await statusOf('killed-here');
      expect(killed.status).toBe('interrupted');
      expect(killed.interrupted!.reason).toMatch(/its process \(pid \d+ on .+\) is gone/);
      expect(new Date(killed.interrupted!.at).getTime()).toBeGreaterThanOrEqual(before);
      expect(killed.finishedAt).toEqual(killed.interrupted!.at);
      expect(killed.notes.at(-1)).toMatch(/^interrupted: /);
      expect((await statusOf('silent-elsewhere')).interrupted!.reason).toMatch(/no heartbeat since .* from pid 7 on other-box/);
      expect((await statusOf('legacy-old')).interrupted!.reason).toMatch(/longer than a crawl may run/);
      for (const id of ['alive-here', 'beating-elsewhere', 'legacy-recent']) expect((await statusOf(id)).status).toBe('running');
      expect((await statusOf('finished')).status).toBe('ok');
      // Sweeping again changes nothing.
      expect(await sweepInterruptedRuns(store)).toEqual([]);
    } finally {
      alive.kill('SIGKILL');
    }
  });

  it('at worker start, a run under this very host and pid is from an earlier process (a restarted container\'s pid 1)', async () => {
    await store.saveCrawlRun(run('same-pid', { owner: runOwner(), heartbeatAt: new Date() }));
    expect(await sweepInterruptedRuns(store)).toEqual([]); // in a running process it is one of ours
    const [marked] = await sweepInterruptedRuns(store, { startup: true });
    expect(marked!.interrupted!.reason).toMatch(/restarted/);
  });

  it('`schedule list` never shows such a run as running', async () => {
    await store.saveCrawlRun(run('feed', { owner: { host: hostname(), pid: deadPid() }, heartbeatAt: new Date() }));
    const [row] = await scheduleStatus(store, [{ id: 'crawl/northwind/feed', job: 'crawl', cron: '0 * * * *', brand: 'northwind', source: 'feed', payload: { brand: 'northwind', source: 'feed' } }], null);
    expect(row!.lastRun!.status).toBe('interrupted');
    expect(row!.lastRun!.interrupted!.reason).toMatch(/is gone/);
  });
});

describe('the heartbeat of a running crawl', () => {
  it('refreshes heartbeatAt while the run goes, and stop() lets the final save be the last word', async () => {
    const r = run('beating', { owner: runOwner(), heartbeatAt: minutes(10) });
    await store.saveCrawlRun(r);
    const hb = startHeartbeat(store, r, { everyMs: 20 });
    await new Promise((resolve) => setTimeout(resolve, 150));
    const stored = await statusOf('beating');
    expect(Date.now() - new Date(stored.heartbeatAt!).getTime()).toBeLessThan(1_000);
    Object.assign(r, { status: 'ok', finishedAt: new Date() });
    await hb.stop();
    await store.saveCrawlRun(r);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect((await statusOf('beating')).status).toBe('ok');
  });
});
