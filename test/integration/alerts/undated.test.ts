import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { catalog } from '../../../pipelines/catalog.js';
import { detect } from '../../../pipelines/detect.js';
import { AlertRule } from '../../../src/domain/alert.js';
import { Brand, type Mention } from '../../../src/domain/index.js';
import { InlineQueue } from '../../../src/queue/inline.js';
import { trendReport, TrendParams } from '../../../src/reports/trend.js';
import { refreshRollups, touchedBuckets } from '../../../src/store/rollups.js';
import { SqliteStore } from '../../../src/store/sqlite.js';
import { AT, history } from './fixtures.js';

/**
 * 30 quiet days, then 18 one-star complaints collected in the last 24 hours whose source gave no date (dated at
 * collection and flagged, as every crawler does): they are stored and counted, but they say nothing about when they
 * were written, so they must neither make this week's trend nor fire a spike.
 */
const undated = (flag: boolean): Mention[] =>
  history().map((m) => (m.externalId.startsWith('s') && flag ? { ...m, meta: { ...m.meta, dateMissing: true } } : m));

let store: SqliteStore;
let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'earshot-undated-'));
  store = await SqliteStore.open({ dataDir });
});
afterEach(async () => {
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function load(mentions: Mention[]): Promise<void> {
  await store.upsertMentions(mentions);
  await refreshRollups(store, touchedBuckets(mentions));
}

async function detectAt(): Promise<string> {
  const config = { alerts: [AlertRule.parse({ name: 'acme-negative', kind: 'negative_spike', brand: 'acme', cooldown: '6h', channels: [] })], channels: {} };
  const queue = new InlineQueue(catalog);
  try {
    const [outcome] = await detect({ config, store, queue }, { brand: 'acme', at: AT });
    return outcome!.status;
  } finally {
    await queue.close(1000);
  }
}

async function lastDays() {
  const brand = Brand.parse({ id: 'acme', name: 'Acme' });
  const params = TrendParams.parse({ brand: 'acme', from: '2024-03-23', to: '2024-03-29', interval: 'day' });
  return trendReport.run({ store, brand, now: new Date(AT) }, params);
}

describe('undated items', () => {
  it('dated ones spike and fill the last day (the control)', async () => {
    await load(undated(false));
    expect(await detectAt()).toBe('fired');
    const t = await lastDays();
    expect(t.rows.at(-1)).toMatchObject({ period: '2024-03-29', volume: 18, negative: 18 });
  });

  it('undated ones are stored and counted, but fall in no trend bucket and fire no spike', async () => {
    await load(undated(true));
    expect(await store.countMentions({ brand: 'acme' })).toBe(300 + 18);
    expect(await detectAt()).toBe('quiet');
    const t = await lastDays();
    expect(t.rows.at(-1)).toMatchObject({ period: '2024-03-29', volume: 0 });
    // the quiet days are untouched: 10 a day, 2 of them complaints
    expect(t.rows.at(-2)).toMatchObject({ period: '2024-03-28', volume: 10, negative: 2 });
  });
});
