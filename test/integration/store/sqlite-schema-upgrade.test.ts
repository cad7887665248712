import Database from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Mention } from '../../../src/domain/mention.js';
import { runReport } from '../../../src/reports/index.js';
import { SqliteStore } from '../../../src/store/sqlite.js';
import { SCHEMA_VERSION } from '../../../src/store/sqlite-tables.js';
import { brand, BRANDS } from '../../../bench/reports-cases.js';
import { generate } from '../../../bench/reports-data.js';
import { seed } from '../reports/fixtures.js';

const END = new Date('2026-06-30T00:00:00Z');
const NOW = new Date(END.getTime() + 86_400_000);
const RANGE = { from: '2026-04-02', to: '2026-06-30' };

function mentions(): Mention[] {
  const out: Mention[] = [];
  generate({ total: 1500, days: 100, brands: BRANDS, end: END }, (m) => out.push(m));
  // Some authors known by name only, so the author key falls back to the name column.
  return out.map((m, i) => (i % 7 === 0 ? { ...m, author: { name: `Name ${i % 4}` }, competitors: i % 2 ? ['bench1'] : [] } : m));
}

/**
 * Turns a store into what schema 1 wrote: no list columns, no intents side table, the plain (brand, published_at)
 * index, version 1 in `meta`.
 */
function downgradeToSchema1(file: string): void {
  const db = new Database(file);
  try {
    db.exec('DROP INDEX mentions_brand_published_lists');
    for (const col of ['score', 'followers', 'handle', 'author_name', 'likes', 'shares', 'comments', 'upvotes', 'intents']) db.exec(`ALTER TABLE mentions DROP COLUMN ${col}`);
    db.exec('CREATE INDEX mentions_brand_published ON mentions (brand, published_at)');
    db.prepare("UPDATE meta SET value = '1' WHERE key = 'schemaVersion'").run();
  } finally {
    db.close();
  }
}

describe('a data dir written by an earlier schema', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'earshot-upgrade-'));
  });
  afterEach(async () => rm(dataDir, { recursive: true, force: true }));

  it('opens upgraded (columns filled from the stored documents) and gives the same advocacy report', async () => {
    let store = await SqliteStore.open({ dataDir });
    await seed(store, mentions());
    const ctx = () => ({ store, brand, now: NOW });
    const before = (await runReport('advocacy', ctx(), { ...RANGE, limit: 20 })).result;
    await store.close();

    downgradeToSchema1(store.file);
    store = await SqliteStore.open({ dataDir });
    try {
      const raw = new Database(store.file, { readonly: true });
      try {
        expect(raw.prepare("SELECT value FROM meta WHERE key = 'schemaVersion'").pluck().get()).toBe(String(SCHEMA_VERSION));
        const filled = raw.prepare('SELECT count(*) FROM mentions WHERE score IS NOT NULL AND likes IS NOT NULL AND coalesce(handle, author_name) IS NOT NULL').pluck().get();
        expect(filled).toBe(raw.prepare('SELECT count(*) FROM mentions').pluck().get());
        expect(filled).toBeGreaterThan(1400);
        // Intents as the JSON text `JSON.stringify` writes on ingest.
        const intents = raw.prepare("SELECT intents, json_extract(doc, '$.intents') AS fromDoc FROM mentions WHERE intents <> '[]'").all() as Array<{ intents: string; fromDoc: string }>;
        expect(intents.length).toBeGreaterThan(20);
        for (const r of intents) expect(r.intents).toBe(JSON.stringify(JSON.parse(r.fromDoc)));
      } finally {
        raw.close();
      }
      const after = (await runReport('advocacy', ctx(), { ...RANGE, limit: 20 })).result as { advocates: unknown[]; recovery: unknown[]; churn: { mentions: unknown[] } };
      expect(after).toEqual(before);
      expect(after.advocates.length).toBeGreaterThan(3);
      expect(after.recovery.length).toBe(20);
      expect(after.churn.mentions.length).toBeGreaterThan(3);
    } finally {
      await store.close();
    }
  });
});
