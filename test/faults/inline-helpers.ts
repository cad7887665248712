import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/store.js';
import { overview } from '../../src/reports/overview.js';
import { type CliResult, ROOT } from '../helpers/cli.js';

/** A fresh data dir for one scenario. */
export function dataDir(tag: string): string {
  return mkdtempSync(join(tmpdir(), `earshot-fault-${tag}-`));
}

/**
 * The demo config without its browser-rendered source (so a scenario is seconds, not tens of seconds), written to
 * a temp file. `${DEMO_URL}`, `${ALERT_URL}`, `${ALERT_SECRET}` stay for earshot to fill from the environment.
 */
export function faultConfig(): string {
  const doc = parse(readFileSync(join(ROOT, 'config/demo.yaml'), 'utf8'), { merge: true }) as {
    brands: Array<{ sources: Array<{ render?: string }> }>;
  } & Record<string, unknown>;
  for (const b of doc.brands) b.sources = b.sources.filter((s) => s.render !== 'browser');
  for (const k of Object.keys(doc)) if (k.startsWith('x-')) delete doc[k];
  const file = join(mkdtempSync(join(tmpdir(), 'earshot-fault-config-')), 'earshot.yaml');
  writeFileSync(file, stringify(doc));
  return file;
}

export interface Running {
  child: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  /** Resolves once stderr matches (or the process ends: then rejects). */
  waitFor(pattern: RegExp): Promise<void>;
  done: Promise<CliResult>;
}

/** Starts the real `earshot` CLI as a child process (inline queue, embedded store). */
export function startEarshot(args: string[], env: NodeJS.ProcessEnv): Running {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, MONGO_URL: '', REDIS_URL: '', EARSHOT_DEBUG: '', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const waiters: Array<{ pattern: RegExp; resolve: () => void; reject: (e: Error) => void }> = [];
  const check = () => {
    for (const w of [...waiters]) {
      if (w.pattern.test(err)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  };
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => {
    err += d;
    check();
  });
  child.stdin.end();
  const done = new Promise<CliResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      for (const w of waiters.splice(0)) w.reject(new Error(`earshot exited (${code}) before ${w.pattern}: ${err.slice(-500)}`));
      resolve({ code, stdout: out, stderr: err });
    });
  });
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    waitFor: (pattern) =>
      new Promise<void>((resolve, reject) => {
        waiters.push({ pattern, resolve, reject });
        check();
      }),
    done,
  };
}

/** kill -9, and wait until it is gone. */
export async function kill9(r: Running): Promise<void> {
  r.child.kill('SIGKILL');
  await r.done;
}

/** Everything a user would compare after a crash and a rerun: what is stored, what is a copy, what reports say. */
export interface Snapshot {
  mentions: number;
  /** `_id` → `duplicateOf` (null for originals), sorted by `_id`. */
  marks: Record<string, string | null>;
  /** The overview report of every brand, on a fixed window. */
  reports: unknown[];
}

/** The overview window's end: fixed, so snapshots taken at different moments compare. */
const REPORT_TO = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() + 1));

export async function snapshot(dir: string, brands: string[], keep: (id: string) => boolean = () => true): Promise<Snapshot> {
  const store: Store = await openStore({ dataDir: dir });
  try {
    const all = await store.findMentions({}, { projection: { _id: 1, duplicateOf: 1 }, sort: { _id: 1 } });
    const kept = all.filter((m) => keep(m._id));
    const reports = [];
    for (const brand of brands) reports.push(await overview(store, { brand, to: REPORT_TO }));
    return { mentions: kept.length, marks: Object.fromEntries(kept.map((m) => [m._id, m.duplicateOf ?? null])), reports: round(reports) };
  } finally {
    await store.close();
  }
}

/** Float sums differ in the last bits with the order documents come back in; reports print 2 decimals. */
function round<T>(x: T): T {
  return JSON.parse(JSON.stringify(x), (_k, v) => (typeof v === 'number' ? Math.round(v * 1e9) / 1e9 : v)) as T;
}

/** A loopback URL nothing listens on (a receiver that is down). */
export async function deadUrl(): Promise<string> {
  const srv = createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const { port } = srv.address() as AddressInfo;
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return `http://127.0.0.1:${port}/hook`;
}

/** A receiver that accepts the request and never answers; counts what arrived. */
export async function hangingReceiver() {
  const seen: string[] = [];
  const open = new Set<import('node:http').ServerResponse>();
  const server = createServer((req, res) => {
    seen.push(String(req.headers['x-earshot-delivery']));
    open.add(res);
    req.resume();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        for (const r of open) r.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
