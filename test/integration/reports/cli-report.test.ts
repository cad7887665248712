import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportCommand } from '../../../src/cli/commands/report.js';
import { SqliteStore } from '../../../src/store/sqlite.js';
import { runCommand } from './cli-harness.js';
import { acmeFixture, seed } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'earshot-report-cli-'));
const config = join(dir, 'earshot.yaml');
const env = { EARSHOT_DATA_DIR: join(dir, 'data'), EARSHOT_CONFIG: config };
writeFileSync(
  config,
  `brands:
  - id: acme
    name: Acme
    competitors: [{ id: bluebird, name: Bluebird }]
    goals:
      - { metric: net_sentiment, min: 0.4 }
      - { metric: stars, min: 4.3 }
    sources:
      - { kind: reviews-jsonld, name: trustsite, url: "https://reviews.example/acme" }
  - id: bluebird
    name: Bluebird
    sources:
      - { kind: reviews-jsonld, name: trustsite, url: "https://reviews.example/bluebird" }
`,
);

beforeAll(async () => {
  const store = await SqliteStore.open({ dataDir: env.EARSHOT_DATA_DIR });
  await seed(store, acmeFixture());
  await store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const report = (...args: string[]) => runCommand(reportCommand, args, env);

describe('earshot report', () => {
  it('prints a readable weekly trend table', async () => {
    const r = await report('trend', '--brand', 'acme', '--from', '2024-03-04', '--to', '2024-03-17');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^trend · Acme\n\nBy week\nperiod +volume +positive/);
    expect(r.stdout).toMatch(/2024-03-04 +3 +1 +1 +1 +0 +0\.067 +3 +33\.3%/);
  });

  it('--format csv is one complete CSV, --format json one complete document', async () => {
    const csv = await report('gaps', '--brand', 'acme', '--from', '2024-03-04', '--to', '2024-03-17', '--interval', 'week', '--format', 'csv');
    expect(csv.stdout.split('\r\n')[0]).toBe('section,goal,current,gap,met,previous,trend,series,period,value');
    expect(csv.stdout).toContain('goals,net sentiment ≥ 0.4,0,-0.4,false,1,worsening,0.00 → 0.00,,');
    const json = await report('sov', '--brand', 'acme', '--from', '2024-03-04', '--to', '2024-03-17', '--format', 'json');
    expect(JSON.parse(json.stdout)).toMatchObject({ report: 'sov', parties: [{ id: 'acme', volume: 5 }, { id: 'bluebird', volume: 3 }] });
  });

  it('an unknown brand is one line naming the configured ones', async () => {
    const r = await report('trend', '--brand', 'acne');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('earshot: unknown brand "acne" (configured: acme, bluebird)\n');
  });

  it('--from after --to is one line', async () => {
    const r = await report('themes', '--brand', 'acme', '--from', '2024-04-01', '--to', '2024-03-01');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('earshot: --from 2024-04-01 is after --to 2024-03-01\n');
  });

  it('a source or theme the brand has neither configured nor stored is one line naming the known ones', async () => {
    const src = await report('trend', '--brand', 'acme', '--source', 'nosuch');
    expect(src.code).toBe(2);
    expect(src.stdout).toBe('');
    expect(src.stderr).toBe('earshot: no source "nosuch" for brand acme (known: reddit, trustsite)\n');
    const theme = await report('themes', '--brand', 'acme', '--theme', 'parking');
    expect(theme.code).toBe(2);
    expect(theme.stderr).toBe('earshot: no mention of brand acme has the theme "parking" (themes seen: delivery, price, support)\n');
    // A source only present in stored data (not in the config) is still a known source.
    const reddit = await report('trend', '--brand', 'acme', '--source', 'reddit', '--from', '2024-03-04', '--to', '2024-03-17');
    expect(reddit.code).toBe(0);
    expect(reddit.stdout).toMatch(/2024-03-04 +1 /);
  });

  it('an unknown report, a bad format or a missing --brand is one line each', async () => {
    expect((await report('nps', '--brand', 'acme')).stderr).toBe('earshot: unknown report "nps" (one of: trend, themes, advocacy, sov, gaps, emerging)\n');
    expect((await report('trend', '--brand', 'acme', '--format', 'xml')).stderr).toBe('earshot: --format: expected table, json or csv, got "xml"\n');
    expect((await report('trend')).stderr).toBe('earshot: report: --brand ID is required\n');
  });
});
