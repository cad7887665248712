import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoSite, type DemoSite } from '../../../src/demo/index.js';
import { ROOT, runEarshot } from '../../helpers/cli.js';

/** `earshot serve` picks up a changed config file as workers do: a real process, real HTTP, the demo site. */
let site: DemoSite;
const dir = mkdtempSync(join(tmpdir(), 'earshot-serve-reload-'));
beforeAll(async () => {
  site = await startDemoSite();
});
afterAll(async () => {
  await site.close();
  rmSync(dir, { recursive: true, force: true });
});

const brand = (id: string, name: string, alias: string) => `  - id: ${id}
    name: ${name}
    aliases: [${alias}]
    sources:
      - { kind: rss, name: news, url: "${site.url}/news/rss?q=${alias}", schedule: "0 0 1 1 *", allowPrivateNetworks: true }
`;

describe('earshot serve reloads its config', () => {
  it('a brand added to the file after start is listed by GET /api/v1/brands and its source is crawled on the in-process schedule', async () => {
    const config = join(dir, 'earshot.yaml');
    writeFileSync(config, `brands:\n${brand('northwind', 'Northwind Coffee', 'Northwind')}`);
    const env = { EARSHOT_DATA_DIR: join(dir, 'data'), EARSHOT_SHUTDOWN_TIMEOUT_MS: '10000' };
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
      const brands = async () =>
        ((await (await fetch(`${base}/api/v1/brands`, { headers: { authorization: `Bearer ${key}` } })).json()) as { brands: Array<{ id: string }> }).brands.map((b) => b.id);
      expect(await brands()).toEqual(['northwind']);
      await waitFor(/schedule crawl\/northwind\/news: ok/);

      writeFileSync(config, `brands:\n${brand('northwind', 'Northwind Coffee', 'Northwind')}${brand('brightline', 'Brightline', 'Brightline')}`);
      await waitFor(/earshot serve: config reloaded \(file changed\): 2 brand\(s\), 2 source\(s\)/);
      expect(await brands()).toEqual(['northwind', 'brightline']);
      await waitFor(/schedule crawl\/brightline\/news: new, never ran, running it now/);
      await waitFor(/schedule crawl\/brightline\/news: (ok|partial)/);

      // A file that does not load leaves the running config in place, in one line.
      writeFileSync(config, 'brands: [');
      child.kill('SIGHUP');
      await waitFor(/earshot serve: warning: config not reloaded \(SIGHUP\), keeping the running one: .*YAML/);
      expect(await brands()).toEqual(['northwind', 'brightline']);
    } finally {
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  }, 180_000);
});
