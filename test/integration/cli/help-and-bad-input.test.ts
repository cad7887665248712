import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertsCommand } from '../../../src/cli/commands/alerts.js';
import { commands } from '../../../src/cli/commands/index.js';
import { reportCommand } from '../../../src/cli/commands/report.js';
import { runCli } from '../../../src/cli/run.js';
import { SqliteStore } from '../../../src/store/sqlite.js';
import { runCommand } from '../reports/cli-harness.js';
import { acmeFixture, seed } from '../reports/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'earshot-help-'));
const config = join(dir, 'earshot.yaml');
const env = { EARSHOT_DATA_DIR: join(dir, 'data'), EARSHOT_CONFIG: config };
writeFileSync(
  config,
  `brands:
  - id: acme
    name: Acme
    sources:
      - { kind: reviews-jsonld, name: trustsite, url: "https://reviews.example/acme" }
`,
);
beforeAll(async () => {
  const store = await SqliteStore.open({ dataDir: env.EARSHOT_DATA_DIR });
  await seed(store, acmeFixture());
  await store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(argv: string[], extraEnv: NodeJS.ProcessEnv = {}, cwd?: string) {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (d) => (stdout += d));
  err.on('data', (d) => (stderr += d));
  const before = process.cwd();
  if (cwd) process.chdir(cwd);
  try {
    const code = await runCli(argv, { stdout: out, stderr: err, stdin: new PassThrough(), env: { MONGO_URL: '', REDIS_URL: '', ...extraEnv }, interactive: false });
    return { code, stdout, stderr };
  } finally {
    process.chdir(before);
  }
}

describe('--help describes every command and option', () => {
  it('every command in the table loads, has the summary --help lists, and describes each option with examples', async () => {
    for (const entry of commands) {
      const cmd = await entry.load();
      expect(cmd.name).toBe(entry.name);
      expect(cmd.summary).toBe(entry.summary);
      for (const [name, opt] of Object.entries(cmd.options ?? {})) {
        expect(opt.description, `${cmd.name} --${name}`).toMatch(/\w{3}/);
      }
      expect(cmd.examples?.length ?? 0, `${cmd.name} examples`).toBeGreaterThan(0);
      const help = await cli([entry.name, '--help']);
      expect(help.code).toBe(0);
      for (const name of Object.keys(cmd.options ?? {})) expect(help.stdout, `${cmd.name} help`).toContain(`--${name}`);
      expect(help.stdout).toContain('examples:');
    }
  });

  it('earshot --help lists every command', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    for (const c of commands) expect(r.stdout).toMatch(new RegExp(`^  ${c.name} +\\S`, 'm'));
  });
});

describe('bad input is one line that says what would work', () => {
  const report = (...args: string[]) => runCommand(reportCommand, args, env);
  const oneLine = (r: { stderr: string; code: number }) => {
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  };

  it('--interval year', async () => {
    const r = await report('trend', '--brand', 'acme', '--interval', 'year');
    oneLine(r);
    expect(r.stderr).toContain('"year" is not an interval (use day, week or month)');
  });

  it('a range in the future', async () => {
    const r = await report('trend', '--brand', 'acme', '--from', '2999-01-01');
    oneLine(r);
    expect(r.stderr).toMatch(/--from 2999-01-01 is in the future \(today is \d{4}-\d{2}-\d{2}\)/);
  });

  it('a range before any stored data names the first day with data', async () => {
    const r = await report('trend', '--brand', 'acme', '--from', '2001-01-01', '--to', '2001-02-01');
    oneLine(r);
    expect(r.stderr).toMatch(/--to 2001-02-01 is before the first stored mention of acme \(\d{4}-\d{2}-\d{2}\): try --from/);
  });

  it('an unknown --source or --theme names the known ones', async () => {
    const s = await report('trend', '--brand', 'acme', '--source', 'nope');
    oneLine(s);
    expect(s.stderr).toContain('trustsite');
    const t = await report('trend', '--brand', 'acme', '--theme', 'nope');
    oneLine(t);
    expect(t.stderr).toContain('themes seen');
  });

  it('alerts with no action lists the actions', async () => {
    const r = await runCommand(alertsCommand, [], env);
    oneLine(r);
    expect(r.stderr).toContain('which action? one of list, backtest, ack, detect, deliver');
  });

  it('a missing default config points at the example and the demo config', async () => {
    const r = await cli(['report', 'trend', '--brand', 'acme'], { EARSHOT_DATA_DIR: env.EARSHOT_DATA_DIR }, dir);
    oneLine(r);
    expect(r.stderr).toContain('config/earshot.example.yaml');
    expect(r.stderr).toContain('--config config/demo.yaml');
  });
});
