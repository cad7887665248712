import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../src/store/index.js';
import { runEarshot } from '../../helpers/cli.js';
import { acmeFixture, seed } from '../reports/fixtures.js';

/** `earshot export mentions`, run as a user would, on a store seeded with the reports' fixture. */
const dir = mkdtempSync(join(tmpdir(), 'earshot-export-'));
const env = { EARSHOT_DATA_DIR: join(dir, 'data') };
const config = join(dir, 'earshot.yaml');

beforeAll(async () => {
  writeFileSync(config, 'brands:\n  - { id: acme, name: Acme, sources: [{ kind: reddit, name: reddit }] }\n');
  const store = await openStore({ dataDir: env.EARSHOT_DATA_DIR });
  try {
    await seed(store, acmeFixture());
  } finally {
    await store.close();
  }
});

describe('earshot export mentions', () => {
  it('streams the brand\'s mentions as JSONL, newest first, without copies unless asked', async () => {
    const r = await runEarshot(['export', 'mentions', '--brand', 'acme', '--config', config], { env });
    expect(r.code, r.stderr).toBe(0);
    const ids = r.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { _id: string })._id);
    expect(ids).toHaveLength(8); // 9 stored, m6 is a copy of m5
    expect(ids[0]).toBe('acme:reviews-jsonld:m5');
    const all = await runEarshot(['export', 'mentions', '--brand', 'acme', '--duplicates', '--config', config], { env });
    expect(all.stdout.trim().split('\n')).toHaveLength(9);
  }, 60_000);

  it('writes filtered CSV to a file', async () => {
    const out = join(dir, 'negative.csv');
    const r = await runEarshot(['export', 'mentions', '--brand', 'acme', '--label', 'negative', '--from', '2024-03-01', '--format', 'csv', '--out', out, '--config', config], { env });
    expect(r.code, r.stderr).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\r\n');
    expect(lines[0]).toBe('id,brand,source,publishedAt,url,author,title,text,stars,sentiment,score,themes,intents,duplicateOf');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['acme:reviews-jsonld:m5', 'acme:reviews-jsonld:m2']);
  }, 60_000);

  it('answers bad input with one line naming the flag', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['--label', 'angry'], /^earshot: --label: /],
      [['--stars-min', '4', '--stars-max', '2'], /^earshot: --stars-min: is above starsMax/],
      [['--from', 'yesterday'], /^earshot: --from: expected a date/],
      [['--format', 'xml'], /^earshot: --format: expected jsonl or csv/],
    ];
    for (const [flags, re] of cases) {
      const r = await runEarshot(['export', 'mentions', '--brand', 'acme', ...flags, '--config', config], { env });
      expect(r.code, flags.join(' ')).toBe(2);
      expect(r.stderr, flags.join(' ')).toMatch(re);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    const brand = await runEarshot(['export', 'mentions', '--brand', 'nosuch', '--config', config], { env });
    expect(brand.stderr).toBe('earshot: unknown brand "nosuch" (configured: acme)\n');
  }, 120_000);
});
