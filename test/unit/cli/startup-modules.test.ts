import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../../src/store/sqlite.js';
import { ROOT, runNode } from '../../helpers/cli.js';
import { acmeFixture, seed } from '../../integration/reports/fixtures.js';

/**
 * Start-up is what a user waits for on every command, so each command must load only what it uses. These run the
 * real CLI (from source, through tsx) with a module-resolution hook and check which packages were loaded — not timings
 * (bench/startup.ts measures those).
 */
const dir = mkdtempSync(join(tmpdir(), 'earshot-modules-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEAVY = ['playwright', 'playwright-core', '@crawlee/core', '@crawlee/playwright', '@crawlee/cheerio', 'mongodb', 'bullmq', 'ioredis', 'nodemailer', 'fastify', 'natural', 'better-sqlite3', 'mingo', 'cheerio'];

async function packagesLoadedBy(args: string[], input = '', env: NodeJS.ProcessEnv = {}): Promise<Set<string>> {
  const trace = join(dir, `${args.join('_').replace(/\W/g, '_')}.txt`);
  const r = await runNode(['--import', join(ROOT, 'test/helpers/module-trace-register.mjs'), '--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], {
    env: { ...process.env, MONGO_URL: '', REDIS_URL: '', EARSHOT_TRACE_MODULES: trace, ...env },
    input,
  });
  expect(r.code, r.stderr).toBe(0);
  const urls = readFileSync(trace, 'utf8').split('\n').filter(Boolean);
  const pkgs = urls.map((u) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(u)?.[1]).filter((p): p is string => Boolean(p));
  return new Set(pkgs);
}

describe('each command loads only what it uses', () => {
  it('--help loads no heavy dependency and not even zod', async () => {
    const loaded = await packagesLoadedBy(['--help']);
    for (const p of [...HEAVY, 'zod', 'yaml']) expect(loaded.has(p), `${p} loaded by --help`).toBe(false);
  });

  it('config check loads no driver, browser, queue or mailer, and no cron-parser for everyday crons', async () => {
    const loaded = await packagesLoadedBy(['config', 'check', join(ROOT, 'config/demo.yaml')]);
    expect(loaded.has('zod')).toBe(true);
    for (const p of [...HEAVY, 'cron-parser', 'luxon']) expect(loaded.has(p), `${p} loaded by config check`).toBe(false);
  });

  it('analyze loads the NLP stage but no store, queue, browser or mailer', async () => {
    const loaded = await packagesLoadedBy(['analyze'], '{"id":1,"text":"great coffee"}\n');
    for (const p of [...HEAVY.filter((h) => h !== 'natural'), 'csv-parse']) expect(loaded.has(p), `${p} loaded by analyze of JSONL`).toBe(false);
  });

  it('report trend, answered by SQL on the rollups, loads neither mingo nor cron-parser and luxon', async () => {
    const data = join(dir, 'data');
    const config = join(dir, 'acme.yaml');
    writeFileSync(config, 'brands:\n  - id: acme\n    name: Acme\n    sources:\n      - { kind: reviews-jsonld, name: trustsite, url: "https://reviews.example/acme", schedule: "0 */6 * * *" }\n');
    const store = await SqliteStore.open({ dataDir: data });
    await seed(store, acmeFixture());
    await store.close();
    const loaded = await packagesLoadedBy(['report', 'trend', '--brand', 'acme', '--from', '2024-03-04', '--to', '2024-03-17', '--config', config], '', { EARSHOT_DATA_DIR: data });
    expect(loaded.has('better-sqlite3')).toBe(true);
    for (const p of [...HEAVY.filter((h) => h !== 'better-sqlite3'), 'cron-parser', 'luxon', 'csv-stringify']) expect(loaded.has(p), `${p} loaded by report trend`).toBe(false);
  });
});

