import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../../src/domain/errors.js';
import { EmbeddedStore } from '../../../src/store/embedded.js';
import { StoreUnavailableError } from '../../../src/store/errors.js';
import { makeMention, manyMentions } from './fixtures.js';

/** Behaviour only the embedded store has: files, the data-dir lock, compaction, serialised writes. */
describe('embedded store on disk', () => {
  let dataDir: string;
  const open: EmbeddedStore[] = [];
  const openStore = async () => {
    const s = await EmbeddedStore.open({ dataDir });
    open.push(s);
    return s;
  };
  const lines = async (collection: string) =>
    (await readFile(path.join(dataDir, `${collection}.db`), 'utf8')).split('\n').filter(Boolean).length;

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'earshot-embedded-'));
  });
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps one file per collection under the data dir', async () => {
    const store = await openStore();
    await store.upsertMentions([makeMention()]);
    await store.putDoc('alerts', { _id: 'a1' });
    await store.close();
    for (const name of ['mentions', 'rollups', 'crawlRuns', 'cursors', 'alerts']) {
      expect((await stat(path.join(dataDir, `${name}.db`))).isFile()).toBe(true);
    }
  });

  it('when the same ingest is re-run many times, the data file does not keep growing', async () => {
    const store = await openStore();
    const batch = manyMentions(1500);
    await store.upsertMentions(batch);
    for (let run = 1; run <= 5; run++) {
      const changed = batch.map((m) => ({ ...m, analyzerVersion: `v${run}` }));
      expect(await store.upsertMentions(changed)).toEqual({ inserted: 0, updated: 1500, unchanged: 0 });
      expect(await lines('mentions')).toBeLessThanOrEqual(2 * 1500 + 10);
    }
    await store.close();
    expect(await lines('mentions')).toBeLessThanOrEqual(1500 + 10);
  });

  it('while a large re-analysis is being written, readers never see the replaced mentions missing', async () => {
    const store = await openStore();
    const batch = manyMentions(1500);
    await store.upsertMentions(batch);
    const writing = store.upsertMentions(batch.map((m) => ({ ...m, analyzerVersion: 'v2' })));
    const counts: number[] = [];
    for (let i = 0; i < 20; i++) {
      counts.push(await store.countMentions());
      await new Promise((r) => setImmediate(r));
    }
    expect(await writing).toEqual({ inserted: 0, updated: 1500, unchanged: 0 });
    expect(new Set(counts)).toEqual(new Set([1500]));
    expect(await store.countMentions({ analyzerVersion: 'v2' })).toBe(1500);
  });

  it('re-ingesting unchanged mentions appends nothing to the file', async () => {
    const store = await openStore();
    const batch = manyMentions(50);
    await store.upsertMentions(batch);
    const size = (await stat(path.join(dataDir, 'mentions.db'))).size;
    expect(await store.upsertMentions(batch)).toEqual({ inserted: 0, updated: 0, unchanged: 50 });
    expect((await stat(path.join(dataDir, 'mentions.db'))).size).toBe(size);
  });

  it('concurrent upserts to one collection are serialised: every mention lands once', async () => {
    const store = await openStore();
    const batch = manyMentions(200);
    const results = await Promise.all([0, 1, 2, 3].map((i) => store.upsertMentions(batch.slice(i * 40, i * 40 + 80))));
    // Four overlapping slices of 80 cover all 200; 120 arrive a second time.
    expect(results.reduce((n, r) => n + r.inserted, 0)).toBe(200);
    expect(results.reduce((n, r) => n + r.unchanged, 0)).toBe(120);
    expect(await store.countMentions()).toBe(200);
  });

  it('when another running process holds the data dir, opening it fails with a one-line message naming it', async () => {
    await writeFile(path.join(dataDir, 'LOCK'), String(process.ppid));
    const err = await EmbeddedStore.open({ dataDir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreUnavailableError);
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toBe(
      `data dir ${dataDir} is in use by process ${process.ppid}; the embedded store allows one process at a time (stop it, or set MONGO_URL)`,
    );
  });

  it('a lock left behind by a process that has exited is taken over', async () => {
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    await writeFile(path.join(dataDir, 'LOCK'), String(gone));
    const store = await openStore();
    expect(await readFile(path.join(dataDir, 'LOCK'), 'utf8')).toBe(String(process.pid));
    await store.close();
    await expect(stat(path.join(dataDir, 'LOCK'))).rejects.toThrow();
  });

  it('the same data dir cannot be opened twice in one process until the first store is closed', async () => {
    const first = await openStore();
    await expect(EmbeddedStore.open({ dataDir })).rejects.toThrow(/already open in this process/);
    await first.close();
    await openStore();
  });

  it('a corrupt data file gives a one-line error naming the file', async () => {
    await writeFile(path.join(dataDir, 'mentions.db'), 'not json\n{also not json\n');
    const err = await EmbeddedStore.open({ dataDir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreUnavailableError);
    expect((err as Error).message).toMatch(/^cannot load .*mentions\.db \(.+\)$/);
    expect((err as Error).message).not.toContain('\n');
    // The lock was given back, so the user can fix the file and retry.
    await expect(stat(path.join(dataDir, 'LOCK'))).rejects.toThrow();
  });

  it('after close, calls fail with a clear message instead of writing to a released dir', async () => {
    const store = await openStore();
    await store.close();
    await expect(store.countMentions()).rejects.toThrow(`embedded store at ${dataDir} is closed`);
  });
});
