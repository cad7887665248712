import Database from 'better-sqlite3';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmod, copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { refreshRollups } from '../../../src/store/rollups.js';
import { SqliteStore } from '../../../src/store/sqlite.js';
import type { Rollup } from '../../../src/store/store.js';
import { ROOT, runEarshot } from '../../helpers/cli.js';
import { makeMention } from './fixtures.js';

/** Several real processes on one SQLite data dir: readers while a writer ingests, writers taking turns, backup, locks. */
describe('SQLite store shared by processes', () => {
  let dir: string;
  let dataDir: string;
  const children: ChildProcess[] = [];

  /** Starts the ingest writer (a real process) for mentions w<from>…w<to-1>; resolves with its output when it exits. */
  const writer = (from: number, to: number, batch: number, { untilStopped = false } = {}) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test/integration/store/ingest-writer.ts'), dataDir, String(from), String(to), String(batch), ...(untilStopped ? ['until-stopped'] : [])], {
      cwd: ROOT,
      stdio: [untilStopped ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let out = '';
    let err = '';
    const lines: string[] = [];
    child.stdout!.on('data', (d: Buffer) => {
      out += d;
      lines.push(...d.toString().split('\n').filter(Boolean));
    });
    child.stderr!.on('data', (d: Buffer) => (err += d));
    const exited = new Promise<{ code: number | null; out: string; err: string }>((resolve) => child.on('close', (code) => resolve({ code, out, err })));
    const firstBatch = new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (lines.length > 0 || child.exitCode !== null) (clearInterval(poll), resolve());
      }, 20);
    });
    return { child, exited, firstBatch, lines, stop: () => child.stdin!.end() };
  };

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'earshot-sqlite-procs-'));
    dataDir = path.join(dir, 'data');
    await writeFile(
      path.join(dir, 'earshot.yaml'),
      'brands:\n  - id: acme\n    name: Acme\n    sources:\n      - { kind: reviews-jsonld, name: trustsite, url: "https://reviews.example/acme" }\n',
    );
  });
  afterEach(async () => {
    for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  });

  it('`earshot report` runs from another process while a worker process ingests into the same data dir', async () => {
    const w = writer(0, 1_000_000, 100, { untilStopped: true });
    await w.firstBatch;
    expect(w.child.exitCode).toBeNull();
    const env = { EARSHOT_DATA_DIR: dataDir, EARSHOT_CONFIG: path.join(dir, 'earshot.yaml') };
    const r = await runEarshot(['report', 'trend', '--brand', 'acme', '--from', '2024-03-01', '--to', '2024-03-28', '--format', 'json'], { env });
    const stillWriting = w.child.exitCode === null;
    w.stop();
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const volume = JSON.parse(r.stdout).total.volume as number;
    expect(volume).toBeGreaterThan(0);
    const done = await w.exited;
    expect(done.err).toBe('');
    expect(done.out).toMatch(/done\n$/);
    // The report saw a consistent state (whole batches) while the writer was still at work, and did not wait for it.
    expect(stillWriting).toBe(true);
    expect(volume % 100).toBe(0);
    expect(volume).toBeLessThan(w.lines.length * 100 + 100);
  }, 120_000);

  it('two writer processes take turns: every mention stored once, rollups right, the file intact', async () => {
    const a = writer(0, 1000, 100);
    const b = writer(500, 1500, 100);
    const [ra, rb] = await Promise.all([a.exited, b.exited]);
    expect([ra.code, rb.code, ra.err, rb.err]).toEqual([0, 0, '', '']);
    const inserted = (out: string) => [...out.matchAll(/inserted (\d+)/g)].reduce((n, m) => n + Number(m[1]), 0);
    expect(inserted(ra.out) + inserted(rb.out)).toBe(1500);

    const store = await SqliteStore.open({ dataDir });
    try {
      expect(await store.countMentions()).toBe(1500);
      const stored = await store.aggregate<Rollup>('rollups', [{ $sort: { _id: 1 } }]);
      expect(stored.reduce((n, r) => n + r.total, 0)).toBe(1500);
      // Recomputing every bucket from the mentions changes nothing: no writer left a stale bucket behind.
      await refreshRollups(store, stored.map(({ brand, day, source }) => ({ brand, day, source })));
      expect(await store.aggregate<Rollup>('rollups', [{ $sort: { _id: 1 } }])).toEqual(stored);
    } finally {
      await store.close();
    }
    const raw = new Database(path.join(dataDir, 'earshot.db'), { readonly: true });
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.close();
  }, 120_000);

  it('`earshot store backup FILE` writes a consistent copy while a writer process ingests', async () => {
    const w = writer(0, 1_000_000, 100, { untilStopped: true });
    await w.firstBatch;
    const file = path.join(dir, 'backup.db');
    const r = await runEarshot(['store', 'backup', file], { env: { EARSHOT_DATA_DIR: dataDir } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const n = Number(/\((\d+) mentions/.exec(r.stdout)?.[1]);
    expect(r.stdout).toMatch(new RegExp(`^backed up .*earshot\\.db to ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(\\d+ mentions, \\d+ ms\\)\\n$`));
    const stillWriting = w.child.exitCode === null;
    w.stop();
    await w.exited;
    expect(stillWriting).toBe(true);
    // The copy opens as a store of its own, intact, holding whole batches only, with rollups matching its mentions.
    const copyDir = path.join(dir, 'restored');
    await mkdir(copyDir);
    await copyFile(file, path.join(copyDir, 'earshot.db'));
    const copy = await SqliteStore.open({ dataDir: copyDir });
    try {
      expect(n).toBeGreaterThan(0);
      expect(await copy.countMentions()).toBe(n);
      expect(n % 100).toBe(0);
      // Ingest upserts a batch, then refreshes its rollups in a second transaction: a snapshot may fall between the two.
      const inRollups = (await copy.aggregate<Rollup>('rollups', [])).reduce((s, x) => s + x.total, 0);
      expect([n, n - 100]).toContain(inRollups);
    } finally {
      await copy.close();
    }
    const again = await runEarshot(['store', 'backup', file], { env: { EARSHOT_DATA_DIR: dataDir } });
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(`earshot: store backup: ${file} already exists (remove it or choose another name)\n`);
  }, 120_000);

  it('a writer that holds the lock past the busy timeout makes a write fail with one line; nothing is stored or lost', async () => {
    const store = await SqliteStore.open({ dataDir, busyTimeoutMs: 300 });
    await store.upsertMentions([makeMention({ externalId: 'kept' })]);
    const holder = spawn(
      process.execPath,
      ['-e', `const D=require('better-sqlite3');const d=new D(process.argv[1]);d.exec('BEGIN IMMEDIATE');console.log('locked');setTimeout(()=>{d.exec('COMMIT');d.close();},60000)`, path.join(dataDir, 'earshot.db')],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    children.push(holder);
    await new Promise<void>((resolve) => holder.stdout!.once('data', () => resolve()));
    try {
      const err = await store.upsertMentions([makeMention({ externalId: 'blocked' })]).then(() => null, (e: unknown) => e as Error);
      expect(err?.message).toMatch(/^cannot store mentions in .*earshot\.db: another process held the write lock longer than the busy timeout \(.+\); nothing of this write was stored, try again$/);
      // Readers are not blocked by the writer holding the lock.
      expect(await store.countMentions()).toBe(1);
    } finally {
      process.kill(holder.pid!, 'SIGKILL');
      await new Promise((r) => holder.once('close', r));
    }
    expect(await store.upsertMentions([makeMention({ externalId: 'blocked' })])).toMatchObject({ inserted: 1 });
    expect(await store.countMentions()).toBe(2);
    await store.close();
  }, 60_000);

  /** A process holding the write lock of `<dataDir>/earshot.db` (a new, empty file) for `ms`; resolves once it holds it. */
  const lockFreshFile = async (ms: number) => {
    await mkdir(dataDir, { recursive: true });
    const holder = spawn(
      process.execPath,
      ['-e', `const D=require('better-sqlite3');const d=new D(process.argv[1]);d.exec('BEGIN IMMEDIATE');console.log('locked');setTimeout(()=>{d.exec('COMMIT');d.close();},${ms})`, path.join(dataDir, 'earshot.db')],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    children.push(holder);
    await new Promise<void>((resolve) => holder.stdout!.once('data', () => resolve()));
    return holder;
  };

  it('a process opening a new data dir while another holds its write lock waits for it, as any write does', async () => {
    // Two processes started on one fresh data dir (a worker and the API): the one that does not create the schema
    // found the file locked while switching it to WAL, which SQLite refuses at once rather than wait, and exited.
    const holder = await lockFreshFile(700);
    const started = Date.now();
    const store = await SqliteStore.open({ dataDir, busyTimeoutMs: 5000 });
    try {
      expect(Date.now() - started).toBeGreaterThanOrEqual(400);
      await store.upsertMentions([makeMention({ externalId: 'after-wait' })]);
      expect(await store.countMentions()).toBe(1);
    } finally {
      await store.close();
      await new Promise((r) => (holder.exitCode === null ? holder.once('close', r) : r(null)));
    }
  }, 60_000);

  it('a new data dir locked past the busy timeout is refused with one line, and opens once the lock is gone', async () => {
    const holder = await lockFreshFile(60_000);
    const err = await SqliteStore.open({ dataDir, busyTimeoutMs: 300 }).then(() => null, (e: unknown) => e as Error);
    expect(err?.message).toMatch(/^cannot open .*earshot\.db: another process held the write lock longer than the busy timeout \(.+\); nothing of this write was stored, try again$/);
    process.kill(holder.pid!, 'SIGKILL');
    await new Promise((r) => holder.once('close', r));
    const store = await SqliteStore.open({ dataDir, busyTimeoutMs: 300 });
    await store.upsertMentions([makeMention({ externalId: 'later' })]);
    expect(await store.countMentions()).toBe(1);
    await store.close();
  }, 60_000);

  it('a database this user may only read is refused with one line naming the file, not a stack trace', async () => {
    const store = await SqliteStore.open({ dataDir });
    await store.upsertMentions([makeMention()]);
    await store.close();
    // root ignores file modes, so as root the CLI runs as `nobody` on files root owns; otherwise the modes do it.
    const asRoot = process.getuid?.() === 0;
    await chmod(dir, 0o755);
    await chmod(path.join(dir, 'earshot.yaml'), 0o644);
    await chmod(dataDir, asRoot ? 0o755 : 0o555);
    await chmod(path.join(dataDir, 'earshot.db'), asRoot ? 0o644 : 0o444);
    try {
      const r = spawnSync(
        process.execPath,
        ['--import', 'tsx', path.join(ROOT, 'src/cli/main.ts'), 'report', 'trend', '--brand', 'acme', '--from', '2024-03-01', '--to', '2024-03-28'],
        {
          cwd: ROOT,
          encoding: 'utf8',
          env: { ...process.env, MONGO_URL: '', REDIS_URL: '', EARSHOT_DATA_DIR: dataDir, EARSHOT_CONFIG: path.join(dir, 'earshot.yaml'), HOME: tmpdir() },
          ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
        },
      );
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(
        `earshot: cannot open ${path.join(dataDir, 'earshot.db')}: the database is read-only for this user (attempt to write a readonly database); check the permissions of the data dir and its files\n`,
      );
    } finally {
      await chmod(dataDir, 0o755);
    }
  }, 60_000);
});
