import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEarshot } from '../../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'earshot-cli-'));
const good = join(dir, 'good.yaml');
writeFileSync(good, 'brands:\n  - id: acme\n    name: Acme\n    sources:\n      - kind: rss\n        url: https://example.com/feed\n');
const bad = join(dir, 'bad.yaml');
writeFileSync(
  bad,
  'brands:\n  - id: acme\n    name: Acme\n    sources:\n      - kind: rss\n        url: https://example.com/feed\n      - kind: rss\n        name: two\n        url: not-a-url\n      - kind: friendster\n        url: https://example.com\n',
);

/** A user error: one line on stderr, no stack trace, non-zero exit. */
function expectOneLine(r: { code: number | null; stderr: string }) {
  expect(r.code).not.toBe(0);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

describe('the CLI answers bad input with one readable line', () => {
  it('config check on a good file prints OK', async () => {
    const r = await runEarshot(['config', 'check', good]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^OK .*good\.yaml: 1 brand\(s\), 1 source\(s\)/);
  });

  it('config check lists every problem with its path', async () => {
    const r = await runEarshot(['config', 'check', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('brands[0].sources[1].url: Invalid URL (http or https only)');
    expect(r.stderr).toMatch(/brands\[0\]\.sources\[2\]\.kind: /);
  });

  it('a missing config file is one line', async () => {
    const r = await runEarshot(['crawl', '--config', join(dir, 'missing.yaml')]);
    expectOneLine(r);
    expect(r.stderr.trim()).toMatch(/^earshot: .*missing\.yaml: file not found$/);
  });

  it('demo with --config says the flag is not used, instead of silently running the demo config', async () => {
    const r = await runEarshot(['demo', '--config', good], { env: { EARSHOT_DATA_DIR: join(dir, 'demo-data') } });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('earshot: demo: --config is not used: the demo always runs config/demo.yaml against its own offline site (for your config: earshot crawl --config FILE)');
  });

  it('demo with a --day that is no calendar date says so in one line, before crawling or storing anything', async () => {
    for (const day of ['2026-02-30', 'yesterday']) {
      const r = await runEarshot(['demo', '--day', day], { env: { EARSHOT_DATA_DIR: join(dir, 'demo-day') } });
      expect(r.code).toBe(2);
      expect(r.stderr.trim()).toBe(`earshot: --day: expected a date as YYYY-MM-DD, got "${day}"`);
      expect(existsSync(join(dir, 'demo-day'))).toBe(false);
    }
  });

  it('an unknown command and an unknown flag are one line each', async () => {
    const a = await runEarshot(['frobnicate']);
    expectOneLine(a);
    expect(a.stderr.trim().split('\n')).toHaveLength(1);
    const b = await runEarshot(['crawl', '--bogus']);
    expectOneLine(b);
    expect(b.stderr.trim()).toMatch(/^earshot: crawl: Unknown option '--bogus'/);
  });

  it('an unknown brand is named, with the configured ones', async () => {
    const r = await runEarshot(['crawl', '--config', good, '--brand', 'nope'], { env: { EARSHOT_DATA_DIR: join(dir, 'data') } });
    expectOneLine(r);
    expect(r.stderr.trim()).toBe('earshot: unknown brand "nope" (configured: acme)');
  });

  it('an unreachable MONGO_URL fails fast with a clear message, password redacted', async () => {
    const t0 = Date.now();
    const r = await runEarshot(['crawl', '--config', good], { env: { MONGO_URL: 'mongodb://user:hunter2@127.0.0.1:1/earshot' } });
    expectOneLine(r);
    expect(r.stderr).toMatch(/cannot reach MongoDB/);
    expect(r.stderr).not.toContain('hunter2');
    expect(Date.now() - t0).toBeLessThan(20_000);
  });

  it('an unreachable REDIS_URL fails fast with a clear message', async () => {
    const r = await runEarshot(['worker', '--config', good], { env: { REDIS_URL: 'redis://127.0.0.1:1', EARSHOT_DATA_DIR: join(dir, 'data2') } });
    expectOneLine(r);
    expect(r.stderr.trim()).toMatch(/^earshot: cannot reach Redis at redis:\/\/127\.0\.0\.1:1/);
  });

  it('a malformed environment variable names the variable', async () => {
    const r = await runEarshot(['crawl', '--config', good], { env: { REDIS_URL: 'http://nope' } });
    expectOneLine(r);
    expect(r.stderr.trim()).toBe('earshot: REDIS_URL: expected a redis:// URL');
  });
});
