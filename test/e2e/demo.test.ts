import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { runEarshot } from '../helpers/cli.js';

interface DemoJson {
  runs: Array<{ brand: string; status: string; itemsNew: number; itemsSeen: number; source: { kind: string } }>;
  mentions: { before: number; after: number };
  overviews: Array<{ brand: string; from: string; to: string; total: { mentions: number; netSentiment: number; negativePct: number }; bySource: unknown[]; topThemes: unknown[] }>;
  alerts: Array<{ rule: string; brand: string; kind: string; observed: number; expected: number; examples: unknown[] }>;
}

describe('earshot demo, end to end on the embedded store', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'earshot-demo-'));
  const env = { EARSHOT_DATA_DIR: dataDir };
  let first: DemoJson;

  it('crawls every demo source, stores mentions and reports per brand', async () => {
    const r = await runEarshot(['demo', '--json'], { env });
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.code).toBe(0);
    first = JSON.parse(r.stdout) as DemoJson;
    expect(first.mentions.before).toBe(0);
    expect(first.mentions.after).toBeGreaterThan(100);
    expect(first.runs.every((run) => run.status === 'ok')).toBe(true);
    // Every source kind earshot crawls is in the demo, the browser-rendered one included.
    expect(new Set(first.runs.map((run) => run.source.kind))).toEqual(
      new Set(['reviews-jsonld', 'site-profile', 'rss', 'reddit', 'hackernews', 'mastodon', 'appstore', 'googleplay', 'trustpilot', 'steam', 'youtube', 'bluesky']),
    );
    for (const run of first.runs) expect(run.itemsNew, `${run.brand}`).toBeGreaterThan(0);
    for (const o of first.overviews) {
      expect(o.total.mentions).toBeGreaterThan(0);
      expect(o.bySource.length).toBeGreaterThan(0);
    }
  });

  it('fires the negative-spike alert on the demo spike, signed, to the local webhook receiver', () => {
    const northwind = first.alerts.filter((a) => a.brand === 'northwind');
    expect(northwind.map((a) => a.rule)).toEqual(['northwind-negative']);
    expect(northwind[0]!.observed).toBeGreaterThan(northwind[0]!.expected * 2);
    expect(northwind[0]!.examples.length).toBeGreaterThan(0);
    // Brightline has no spike: its rule stays quiet.
    expect(first.alerts.some((a) => a.brand === 'brightline')).toBe(false);
  });

  it('running it again stores nothing twice', async () => {
    const r = await runEarshot(['demo', '--json'], { env });
    expect(r.code).toBe(0);
    const second = JSON.parse(r.stdout) as DemoJson;
    expect(second.mentions).toEqual({ before: first.mentions.after, after: first.mentions.after });
    expect(second.runs.reduce((n, run) => n + run.itemsNew, 0)).toBe(0);
    expect(second.overviews.map((o) => o.total)).toEqual(first.overviews.map((o) => o.total));
    // The rule is in its cooldown: the alert is not sent again.
    expect(second.alerts).toEqual([]);
  });

  it('the rollups the report reads agree with the stored mentions', async () => {
    const store = await openStore({ dataDir });
    try {
      for (const o of first.overviews) {
        // The overview's window is whole days, from its first day's midnight to the midnight after its last day.
        const firstDay = new Date(o.from);
        const afterLastDay = new Date(o.to);
        expect(firstDay.getTime() % 86_400_000).toBe(0);
        expect(afterLastDay.getTime() % 86_400_000).toBe(0);
        const counted = await store.countMentions({ brand: o.brand, duplicateOf: { $exists: false }, publishedAt: { $gte: firstDay, $lt: afterLastDay } });
        // The run and this count are seconds apart: allow a few mentions at the boundary, never a double count.
        expect(Math.abs(counted - o.total.mentions)).toBeLessThanOrEqual(counted * 0.05);
      }
    } finally {
      await store.close();
    }
  });

  it('prints a readable report without --json', async () => {
    const r = await runEarshot(['demo'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/━━ .+ ━━/);
    expect(r.stdout).toMatch(/net sentiment [+-]\d\.\d\d · \d+% negative · avg stars/);
    expect(r.stdout).toMatch(/top themes: /);
    expect(r.stdout).toMatch(/mentions stored \(0 new this run\)/);
    expect(r.stdout).toMatch(/northwind-negative \(northwind\) fired at/);
    expect(r.stderr).toMatch(/\[\d+\/\d+\] .+: done/);
  });
});

describe('earshot demo on a machine without Chromium', () => {
  it('runs every other source and says which browser-rendered ones it skipped, in one line', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'earshot-demo-nochrome-'));
    const env = { EARSHOT_DATA_DIR: dataDir, EARSHOT_CHROMIUM: join(dataDir, 'no-chromium-here') };
    const r = await runEarshot(['demo'], { env });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const line = r.stderr.split('\n').filter((l) => l.includes('Chromium not found'));
    expect(line).toHaveLength(1);
    expect(line[0]).toMatch(/skipping northwind\/live-reviews$/);
    expect(r.stdout).not.toMatch(/live-reviews/);
    expect(r.stdout).toMatch(/mentions stored \(\d+ new this run\)/);
  });
});
