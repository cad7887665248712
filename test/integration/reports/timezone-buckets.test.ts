import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reportCommand } from '../../../src/cli/commands/report.js';
import { storeCommand } from '../../../src/cli/commands/store.js';
import { localDay } from '../../../src/domain/time-zone.js';
import { runReport } from '../../../src/reports/index.js';
import type { TrendResult } from '../../../src/reports/trend.js';
import { recordedRollupZone } from '../../../src/store/rollup-zone.js';
import { refreshBucketsOf } from '../../../src/store/rollups.js';
import { rebuildRollups } from '../../../src/store/rollups-rebuild.js';
import { SqliteStore } from '../../../src/store/sqlite.js';
import { runCommand } from './cli-harness.js';
import { m } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'earshot-tz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const brand = { id: 'acme', name: 'Acme' } as never;
/** Wednesday 23:30 UTC: Thursday 00:30 in Berlin. */
const WED_LATE = m('acme', 'wed', { day: '2026-03-04', label: 'negative', score: -0.5, publishedAt: new Date('2026-03-04T23:30:00Z') });
/** Sunday 23:30 UTC: Monday 00:30 in Berlin, so in the next local week. */
const SUN_LATE = m('acme', 'sun', { day: '2026-03-08', label: 'positive', score: 0.5, publishedAt: new Date('2026-03-08T23:30:00Z') });
const NOON = m('acme', 'noon', { day: '2026-03-04', label: 'neutral', score: 0 });

async function storeIn(name: string, tz: string): Promise<SqliteStore> {
  const store = await SqliteStore.open({ dataDir: join(dir, name) });
  await store.upsertMentions([WED_LATE, SUN_LATE, NOON]);
  await refreshBucketsOf(store, [WED_LATE, SUN_LATE, NOON], tz);
  return store;
}

const volumes = (r: TrendResult) => Object.fromEntries(r.rows.map((row) => [row.period, row.volume]));
const trend = async (store: SqliteStore, interval: string) =>
  (await runReport('trend', { store, brand }, { from: '2026-03-02', to: '2026-03-15', interval })).result as TrendResult;

describe('report buckets are days in the configured timezone', () => {
  it('a mention at 23:30 UTC counts on the next day in Europe/Berlin and on the same day in UTC', async () => {
    const berlin = await storeIn('berlin', 'Europe/Berlin');
    const utc = await storeIn('utc', 'UTC');
    try {
      expect(await recordedRollupZone(berlin)).toBe('Europe/Berlin');
      const b = volumes(await trend(berlin, 'day'));
      expect(b['2026-03-04']).toBe(1); // the noon mention only
      expect(b['2026-03-05']).toBe(1);
      expect(b['2026-03-08']).toBe(0);
      expect(b['2026-03-09']).toBe(1);
      const u = volumes(await trend(utc, 'day'));
      expect(u['2026-03-04']).toBe(2);
      expect(u['2026-03-05']).toBe(0);
      expect(u['2026-03-08']).toBe(1);
    } finally {
      await berlin.close();
      await utc.close();
    }
  });

  it('a week bucket starts on the local Monday', async () => {
    const berlin = await storeIn('berlin-week', 'Europe/Berlin');
    const utc = await storeIn('utc-week', 'UTC');
    try {
      expect(volumes(await trend(berlin, 'week'))).toEqual({ '2026-03-02': 2, '2026-03-09': 1 });
      expect(volumes(await trend(utc, 'week'))).toEqual({ '2026-03-02': 3, '2026-03-09': 0 });
    } finally {
      await berlin.close();
      await utc.close();
    }
  });

  it('rollups built in UTC: the report says so in one line until earshot store rollups rebuilds them in the zone', async () => {
    const data = join(dir, 'switch');
    const config = join(dir, 'berlin.yaml');
    writeFileSync(config, 'timezone: Europe/Berlin\nbrands:\n  - id: acme\n    name: Acme\n    sources:\n      - { kind: reviews-jsonld, name: trustsite, url: "https://reviews.example/acme" }\n');
    const store = await SqliteStore.open({ dataDir: data });
    await store.upsertMentions([WED_LATE, SUN_LATE, NOON]);
    await refreshBucketsOf(store, [WED_LATE, SUN_LATE, NOON], 'UTC');
    await store.close();
    const env = { EARSHOT_DATA_DIR: data, EARSHOT_CONFIG: config };
    const args = ['trend', '--brand', 'acme', '--from', '2026-03-02', '--to', '2026-03-15', '--interval', 'day', '--format', 'json'];

    const before = await runCommand(reportCommand, args, env);
    expect(before.code).toBe(0);
    expect(before.stderr.trim().split('\n')).toEqual([
      'earshot: reports count days in UTC, the zone the stored rollups were built in, not in the config\'s timezone Europe/Berlin: run earshot store rollups to rebuild them in Europe/Berlin',
    ]);
    expect(volumes(JSON.parse(before.stdout))['2026-03-04']).toBe(2);

    const rebuilt = await runCommand(storeCommand, ['rollups'], env);
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.stdout).toMatch(/, as days in Europe\/Berlin\n$/);

    const after = await runCommand(reportCommand, args, env);
    expect(after.stderr).toBe('');
    const v = volumes(JSON.parse(after.stdout));
    expect([v['2026-03-04'], v['2026-03-05'], v['2026-03-09']]).toEqual([1, 1, 1]);
  });

  it('a rebuild in a zone whose hours straddle midnight (+5:30) puts 18:45 UTC on the next local day', async () => {
    const store = await storeIn('kolkata', 'UTC');
    try {
      const late = m('acme', 'kolkata', { day: '2026-03-10', label: 'negative', score: -0.5, publishedAt: new Date('2026-03-10T18:45:00Z') });
      const early = m('acme', 'kolkata-early', { day: '2026-03-10', label: 'negative', score: -0.5, publishedAt: new Date('2026-03-10T18:15:00Z') });
      await store.upsertMentions([late, early]);
      await rebuildRollups(store, 'Asia/Kolkata');
      expect(await recordedRollupZone(store)).toBe('Asia/Kolkata');
      const v = volumes(await trend(store, 'day'));
      expect([v['2026-03-10'], v['2026-03-11']]).toEqual([1, 1]);
      expect([v['2026-03-04'], v['2026-03-05'], v['2026-03-09']]).toEqual([1, 1, 1]);
    } finally {
      await store.close();
    }
  });

  it('a date is "in the future" by the calendar of the configured zone', async () => {
    const now = new Date();
    const utcToday = localDay(now, 'UTC');
    const ahead = localDay(now, 'Pacific/Kiritimati'); // UTC+14
    const config = (tz: string) => {
      const file = join(dir, `${tz.replace(/\W/g, '_')}.yaml`);
      writeFileSync(file, `timezone: ${tz}\nbrands:\n  - id: acme\n    name: Acme\n    sources:\n      - { kind: reviews-jsonld, name: trustsite, url: "https://reviews.example/acme" }\n`);
      return file;
    };
    const run = (tz: string, to: string) => runCommand(reportCommand, ['trend', '--brand', 'acme', '--to', to], { EARSHOT_DATA_DIR: join(dir, 'future'), EARSHOT_CONFIG: config(tz) });
    // At every instant Kiritimati is a day ahead of UTC (from 10:00 UTC) or Pago Pago a day behind (until 11:00 UTC).
    if (ahead > utcToday) {
      expect((await run('UTC', ahead)).stderr).toMatch(/--to \S+ is in the future/);
      expect((await run('Pacific/Kiritimati', ahead)).stderr).not.toMatch(/in the future/);
    } else {
      expect(localDay(now, 'Pacific/Pago_Pago') < utcToday).toBe(true);
      expect((await run('Pacific/Pago_Pago', utcToday)).stderr).toMatch(/--to \S+ is in the future \(today is \S+\)/);
      expect((await run('UTC', utcToday)).stderr).not.toMatch(/in the future/);
    }
  });
});
