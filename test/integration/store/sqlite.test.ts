import Database from 'better-sqlite3';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../../src/domain/errors.js';
import { StoreUnavailableError } from '../../../src/store/errors.js';
import { SqliteStore } from '../../../src/store/sqlite.js';
import { sqlWhere } from '../../../src/store/sqlite-pushdown.js';
import { MENTIONS } from '../../../src/store/sqlite-tables.js';
import { makeMention, manyMentions } from './fixtures.js';

/** Behaviour only the SQLite store has: its file, several connections on one data dir, what it refuses to open. */
describe('SQLite store on disk', () => {
  let dataDir: string;
  const open: SqliteStore[] = [];
  const openStore = async () => {
    const s = await SqliteStore.open({ dataDir });
    open.push(s);
    return s;
  };
  const failure = (p: Promise<unknown>) => p.then(() => new Error('expected a failure'), (e: unknown) => e as Error);

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'earshot-sqlite-'));
  });
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps everything in one earshot.db in WAL mode under the data dir', async () => {
    const store = await openStore();
    await store.upsertMentions([makeMention()]);
    await store.putDoc('alerts', { _id: 'a1' });
    expect((await readdir(dataDir)).filter((f) => !f.startsWith('earshot.db'))).toEqual([]);
    const raw = new Database(path.join(dataDir, 'earshot.db'), { readonly: true });
    try {
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(raw.prepare('SELECT count(*) FROM mentions').pluck().get()).toBe(1);
    } finally {
      raw.close();
    }
  });

  it('two stores open on the same data dir see each other\'s writes (no data-dir lock)', async () => {
    const a = await openStore();
    const b = await openStore();
    await a.upsertMentions(manyMentions(30));
    expect(await b.countMentions()).toBe(30);
    await b.putDoc('alerts', { _id: 'x', level: 'high' });
    expect(await a.getDoc('alerts', 'x')).toEqual({ _id: 'x', level: 'high' });
  });

  it('concurrent upserts are serialised: every mention lands once', async () => {
    const store = await openStore();
    const batch = manyMentions(200);
    const results = await Promise.all([0, 1, 2, 3].map((i) => store.upsertMentions(batch.slice(i * 40, i * 40 + 80))));
    expect(results.reduce((n, r) => n + r.inserted, 0)).toBe(200);
    expect(results.reduce((n, r) => n + r.unchanged, 0)).toBe(120);
    expect(await store.countMentions()).toBe(200);
  });

  it('a re-analysed mention keeps its themes and dupKeys index in step with the document', async () => {
    const store = await openStore();
    const m = makeMention({ dupKeys: ['k1', 'k2'] });
    await store.upsertMentions([m]);
    await store.upsertMentions([{ ...m, dupKeys: ['k3'], themes: [{ theme: 'price', score: -0.2, label: 'negative', evidence: 'pricey' }] }]);
    expect(await store.countMentions({ dupKeys: 'k1' })).toBe(0);
    expect(await store.countMentions({ dupKeys: { $in: ['k3'] } })).toBe(1);
    expect(await store.countMentions({ 'themes.theme': 'delivery' })).toBe(0);
    expect(await store.countMentions({ 'themes.theme': 'price' })).toBe(1);
  });

  it('the near-duplicate lookup (brand $in + dupKeys $in) runs on indexes, not a scan of the brand', async () => {
    const where = sqlWhere({ brand: { $in: ['acme', 'globex'] }, dupKeys: { $in: ['k1', 'k2'] } }, MENTIONS);
    expect(where.exact).toBe(true);
    const store = await openStore();
    await store.upsertMentions([makeMention()]);
    const raw = new Database(path.join(dataDir, 'earshot.db'), { readonly: true });
    try {
      const plan = (raw.prepare(`EXPLAIN QUERY PLAN SELECT doc FROM mentions WHERE ${where.sql}`).all(...where.params) as { detail: string }[])
        .map((r) => r.detail)
        .join(' | ');
      expect(plan).toMatch(/SEARCH mention_dupkeys USING PRIMARY KEY/);
      expect(plan).not.toMatch(/SCAN mentions/);
    } finally {
      raw.close();
    }
  });

  it('the mentions listing (brand, label, no copies, not "not about us") runs wholly in SQL, sort and page included', async () => {
    const filter = { $and: [{ brand: { $in: ['acme'] } }, { 'sentiment.label': { $in: ['negative'] } }, { duplicateOf: null }, { notAboutUs: null }] };
    expect(sqlWhere(filter, MENTIONS).exact).toBe(true);
    const review = sqlWhere({ brand: 'acme', notAboutUs: { $ne: null } }, MENTIONS);
    expect(review).toMatchObject({ exact: true, sql: expect.stringContaining('not_about_us IS NOT NULL') });
    const store = await openStore();
    const marked = makeMention({ externalId: 'x1', notAboutUs: new Date('2024-03-01T00:00:00Z') });
    await store.upsertMentions([makeMention(), marked]);
    expect((await store.findMentions({ notAboutUs: { $ne: null } })).map((m) => m._id)).toEqual([marked._id]);
    expect(await store.countMentions({ notAboutUs: null })).toBe(1);
  });

  it('a corrupt database file gives a one-line error naming the file', async () => {
    await writeFile(path.join(dataDir, 'earshot.db'), 'this is not a database, just text '.repeat(200));
    const err = await failure(SqliteStore.open({ dataDir }));
    expect(err).toBeInstanceOf(StoreUnavailableError);
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toMatch(/^cannot open .*earshot\.db: the database file is corrupt or not a SQLite database/);
    expect(err.message).not.toContain('\n');
  });

  it('a SQLite file of another program is refused as not an earshot store, and left untouched', async () => {
    const file = path.join(dataDir, 'earshot.db');
    const other = new Database(file);
    other.exec("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('keep me')");
    other.close();
    const err = await failure(SqliteStore.open({ dataDir }));
    expect(err).toBeInstanceOf(StoreUnavailableError);
    expect(err.message).toBe(`${file} is not an earshot store (it is a SQLite database of another program); point EARSHOT_DATA_DIR at an earshot data dir or an empty one`);
    const again = new Database(file, { readonly: true });
    expect(again.prepare('SELECT name FROM sqlite_master').pluck().all()).toEqual(['notes']);
    again.close();
  });

  it('a data dir holding the old nedb files says so instead of starting an empty store beside them', async () => {
    await writeFile(path.join(dataDir, 'mentions.db'), '{"_id":"x"}\n');
    const err = await failure(SqliteStore.open({ dataDir }));
    expect(err.message).toMatch(/holds an older earshot store \(mentions\.db, nedb\)/);
  });

  it('a data dir that is a file is refused with one line', async () => {
    const file = path.join(dataDir, 'plain');
    await writeFile(file, 'x');
    const err = await failure(SqliteStore.open({ dataDir: file }));
    expect(err.message).toBe(`data dir ${file} is a file, not a directory; point EARSHOT_DATA_DIR at a directory`);
  });

  it('after close, calls fail with a clear message', async () => {
    const store = await openStore();
    await store.close();
    await expect(store.countMentions()).rejects.toThrow(`sqlite store at ${dataDir} is closed`);
  });
});
