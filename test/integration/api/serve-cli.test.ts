import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoSite, type DemoSite } from '../../../src/demo/index.js';
import { keysCommand } from '../../../src/cli/commands/keys.js';
import { ROOT, runEarshot } from '../../helpers/cli.js';
import { REDIS_SERVER, startRedis } from '../queue/redis-server.js';
import { runCommand } from '../reports/cli-harness.js';

/** `earshot keys` and `earshot serve` as a user runs them: real processes, real HTTP. */
let site: DemoSite;
beforeAll(async () => {
  site = await startDemoSite();
});
afterAll(async () => {
  await site.close();
});

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'earshot-serve-'));
  const config = join(dir, 'earshot.yaml');
  writeFileSync(
    config,
    `brands:
  - id: northwind
    name: Northwind Coffee
    aliases: [Northwind]
    sources:
      - { kind: rss, name: news, url: "${site.url}/news/rss?q=Northwind", schedule: "0 0 1 1 *", allowPrivateNetworks: true }
`,
  );
  return { config, env: { EARSHOT_DATA_DIR: join(dir, 'data'), EARSHOT_SHUTDOWN_TIMEOUT_MS: '10000' } };
}

describe('earshot keys', () => {
  it('creates a key printed once (real process), lists it without the key, revokes it; bad input is one line', async () => {
    const { config, env } = setup();
    const created = await runEarshot(['keys', 'create', '--name', 'analyst', '--scope', 'read', '--config', config], { env });
    expect(created.code).toBe(0);
    const key = created.stdout.trim();
    expect(key).toMatch(/^esk_[0-9a-f]{12}_[A-Za-z0-9_-]{32}$/);
    // The rest in-process (the same command object the CLI runs), to keep the suite quick.
    const keys = (...args: string[]) => runCommand(keysCommand, [...args, '--config', config], env);
    const listed = await keys('list');
    expect(listed.stdout).toMatch(/analyst\s+read\s+all/);
    expect(listed.stdout).not.toContain(key.slice(17));
    const dup = await keys('create', '--name', 'analyst', '--scope', 'read');
    expect(dup.code).toBe(2);
    expect(dup.stderr).toBe('earshot: a key named "analyst" already exists (revoke it first)\n');
    const badScope = await keys('create', '--name', 'x', '--scope', 'root');
    expect(badScope.code).toBe(2);
    expect(badScope.stderr).toMatch(/^earshot: --scope: .*read.*write.*admin/);
    expect((await keys('create', '--name', 'x', '--scope', 'read', '--brands', 'acme')).stderr).toMatch(/^earshot: --brands: no brand "acme" in config/);
    expect((await keys('revoke', 'analyst')).stdout).toMatch(/revoked/);
    expect((await keys('list', '--json')).stdout).toContain('"keys": []');
  }, 180_000);
});

describe('earshot serve', () => {
  it('refuses to listen beyond loopback while no API key exists', async () => {
    const { config, env } = setup();
    const r = await runEarshot(['serve', '--host', '0.0.0.0', '--port', '0', '--config', config], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('earshot: serve: refusing to listen on 0.0.0.0 while no API key exists (create one: earshot keys create --name NAME --scope read)\n');
  }, 180_000);

  it('serves the API while it runs the schedules in-process, and stops on SIGTERM with exit 0', async () => {
    const { config, env } = setup();
    const key = (await runEarshot(['keys', 'create', '--name', 'dash', '--scope', 'read', '--config', config], { env })).stdout.trim();
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'serve', '--port', '0', '--config', config], {
      cwd: ROOT,
      env: { ...process.env, MONGO_URL: '', REDIS_URL: '', EARSHOT_LOG_LEVEL: 'warn', ...env },
    });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.stdout.resume();
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const waitFor = async (re: RegExp) => {
      for (let i = 0; i < 600 && !re.test(err); i++) await new Promise((r) => setTimeout(r, 100));
      expect(err).toMatch(re);
      return re.exec(err)!;
    };
    try {
      const [, base] = await waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
      // The source never ran: the in-process scheduler crawls it at start-up, the API answers meanwhile.
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      await waitFor(/schedule crawl\/northwind\/news: ok, [1-9]\d* new/);
      const auth = { authorization: `Bearer ${key}` };
      let items: unknown[] = [];
      for (let i = 0; i < 100 && items.length === 0; i++) {
        items = ((await (await fetch(`${base}/api/v1/mentions?brand=northwind`, { headers: auth })).json()) as { items: unknown[] }).items;
        if (items.length === 0) await new Promise((r) => setTimeout(r, 200));
      }
      expect(items.length).toBeGreaterThan(0);
      const health = (await (await fetch(`${base}/api/v1/brands/northwind/sources`, { headers: auth })).json()) as {
        schedulerRunning: boolean;
        sources: Array<{ name: string; lastRun: { status: string }; lastSuccess: unknown }>;
      };
      expect(health.schedulerRunning).toBe(true);
      expect(health.sources[0]).toMatchObject({ name: 'news', lastRun: { status: 'ok' } });
      expect(health.sources[0]!.lastSuccess).not.toBeNull();
      // Reports are computed on report threads (their own read connections) and see what the pipeline just stored.
      expect(err).toMatch(/; reports on [1-9]\d* threads?/);
      const all = ((await (await fetch(`${base}/api/v1/mentions?brand=northwind&limit=200`, { headers: auth })).json()) as { items: unknown[] }).items;
      const trend = (await (await fetch(`${base}/api/v1/brands/northwind/reports/trend?from=2000-01-01`, { headers: auth })).json()) as { total: { volume: number } };
      expect(trend.total.volume).toBe(all.length);
      const bad = await fetch(`${base}/api/v1/brands/northwind/reports/trend?source=nosuch`, { headers: auth });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { error: { path: string } }).error.path).toBe('query.source');
      // After the crawl, /metrics shows it: the run, its pages, the stored mentions, the stages this process ran.
      const metrics = await (await fetch(`${base}/metrics`, { headers: auth })).text();
      expect(metrics).toMatch(/earshot_crawl_runs\{brand="northwind",source="news",status="ok"\} 1/);
      expect(metrics).toMatch(/earshot_pages_crawled\{brand="northwind",source="news"\} [1-9]/);
      expect(metrics).toMatch(/earshot_mentions_stored\{brand="northwind"\} [1-9]/);
      expect(metrics).toMatch(/earshot_jobs_total\{stage="ingest",result="done"\} [1-9]/);
    } finally {
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  }, 180_000);

  it.skipIf(!REDIS_SERVER)('with REDIS_URL, /readyz answers 503 with the reason while Redis is down, and 200 again once it is back', async () => {
    const { config, env } = setup();
    const redis = await startRedis(['--save', '', '--appendonly', 'no']);
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'serve', '--port', '0', '--config', config], {
      cwd: ROOT,
      env: { ...process.env, MONGO_URL: '', REDIS_URL: redis.url, EARSHOT_QUEUE_PREFIX: `readyz-${process.pid}`, EARSHOT_LOG_LEVEL: 'warn', ...env },
    });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.stdout.resume();
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      for (let i = 0; i < 600 && !/listening on/.test(err); i++) await new Promise((r) => setTimeout(r, 100));
      const base = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(err)?.[1];
      expect(base, err).toBeDefined();
      const ready = async () => {
        const r = await fetch(`${base}/readyz`);
        return { status: r.status, body: (await r.json()) as { status: string; reason?: string } };
      };
      expect(await ready()).toMatchObject({ status: 200, body: { status: 'ready' } });
      await redis.kill();
      const down = await ready();
      expect(down.status).toBe(503);
      expect(down.body.reason).toMatch(/^cannot reach Redis at redis:\/\/127\.0\.0\.1:\d+/);
      expect((await fetch(`${base}/healthz`)).status).toBe(200); // the process itself is fine
      await redis.restart();
      expect(await ready()).toMatchObject({ status: 200, body: { status: 'ready' } });
    } finally {
      child.kill('SIGTERM');
      await exited;
      await redis.stop();
    }
  }, 180_000);
});
