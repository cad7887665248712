import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeCommand } from '../../../src/cli/commands/store.js';
import { runReport } from '../../../src/reports/index.js';
import { SqliteStore } from '../../../src/store/sqlite.js';
import type { Mention } from '../../../src/domain/mention.js';
import { runCommand } from '../reports/cli-harness.js';
import { acmeBrand, acmeFixture, m, NOW, RANGE, seed } from '../reports/fixtures.js';

/**
 * Retention: `earshot store prune` strips the raw text and author details of mentions older than
 * `retention.rawTextDays`, keeps every number the reports show, and a second run changes nothing.
 */
describe('store prune: personal data does not pile up, trends stay right', () => {
  const dir = mkdtempSync(join(tmpdir(), 'earshot-prune-'));
  const dataDir = join(dir, 'data');
  const config = join(dir, 'earshot.yaml');
  const brandsYaml = 'brands:\n  - id: acme\n    name: Acme\n    competitors: [{ id: bluebird, name: Bluebird }]\n  - id: bluebird\n    name: Bluebird\n';
  const env = { EARSHOT_DATA_DIR: dataDir };
  // Published yesterday: inside any retention window, so it keeps its text.
  const fresh = m('acme', 'fresh', { day: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10), label: 'negative', score: -0.7, author: { name: 'Eve', handle: 'eve' }, text: 'Still waiting for my order.' });
  const reportsOf = async (store: SqliteStore) => {
    const ctx = { store, brand: acmeBrand, now: NOW };
    const out: Record<string, unknown> = {};
    for (const kind of ['trend', 'sov', 'gaps'] as const) out[kind] = (await runReport(kind, ctx, { ...RANGE })).result;
    out.trendTheme = (await runReport('trend', ctx, { ...RANGE, theme: 'delivery' })).result;
    out.themes = ((await runReport('themes', ctx, { ...RANGE })).result as { themes: unknown }).themes;
    const adv = (await runReport('advocacy', ctx, { ...RANGE })).result as { nps: unknown };
    out.nps = adv.nps;
    return JSON.parse(JSON.stringify(out)) as unknown;
  };
  let before: unknown;

  beforeAll(async () => {
    const store = await SqliteStore.open({ dataDir });
    await seed(store, [...acmeFixture(), fresh]);
    before = await reportsOf(store);
    await store.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('without retention.rawTextDays it says there is nothing to prune, in one line', async () => {
    writeFileSync(config, brandsYaml);
    const r = await runCommand(storeCommand, ['prune', '--config', config], env);
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim()).toBe(`earshot: store prune: retention.rawTextDays is not set in ${config}; nothing to prune`);
  });

  it('a bad rawTextDays is refused with its path', async () => {
    writeFileSync(config, `${brandsYaml}retention:\n  rawTextDays: 0\n`);
    const r = await runCommand(storeCommand, ['prune', '--config', config], env);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('retention.rawTextDays');
    expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
  });

  it('strips text, title, author, evidence and explanations of old mentions only; every report number stays', async () => {
    writeFileSync(config, `${brandsYaml}retention:\n  rawTextDays: 30\n`);
    const r = await runCommand(storeCommand, ['prune', '--config', config], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^pruned raw text of 12 mention\(s\) published before \d{4}-\d{2}-\d{2} \(0 already pruned/);

    const store = await SqliteStore.open({ dataDir });
    try {
      const all = await store.findMentions({});
      const old = all.find((x) => x._id === 'acme:reviews-jsonld:m2')!;
      expect(old.text).toBe('');
      expect(old.author).toEqual({});
      expect(old.title).toBeUndefined();
      expect(old.themes).toEqual([{ theme: 'support', label: 'negative', score: -0.6, evidence: '' }]);
      expect(old.sentiment).toMatchObject({ score: -0.6, label: 'negative', explain: [] });
      expect(old).toMatchObject({ stars: 1, intents: ['churn', 'complaint'], competitors: ['bluebird'] });
      expect(old.rawTextPrunedAt).toBeInstanceOf(Date);
      const kept = all.find((x) => x._id === fresh._id) as Mention;
      expect(kept.text).toBe('Still waiting for my order.');
      expect(kept.author).toEqual({ name: 'Eve', handle: 'eve' });
      expect(kept.rawTextPrunedAt).toBeUndefined();
      expect(all.filter((x) => x.text === '')).toHaveLength(12);
      expect(await reportsOf(store)).toEqual(before);
    } finally {
      await store.close();
    }
  });

  it('a second run changes nothing (idempotent)', async () => {
    const r = await runCommand(storeCommand, ['prune', '--config', config], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^pruned raw text of 0 mention\(s\) .* \(12 already pruned/);
  });

  it('store rollups rebuilds every bucket to the same numbers', async () => {
    const store = await SqliteStore.open({ dataDir });
    const rollups = async () => (await store.aggregate('rollups', [{ $match: { brand: { $ne: null } } }, { $sort: { _id: 1 } }])) as unknown[];
    try {
      const was = await rollups();
      const r = await runCommand(storeCommand, ['rollups'], env);
      expect(r.stdout).toMatch(/^rebuilt 13 rollup bucket\(s\) \(0 without mentions removed/);
      expect(await rollups()).toEqual(was);
    } finally {
      await store.close();
    }
  });
});
