import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKey } from '../../../src/api/keys.js';
import { prng } from '../../../src/demo/lib/prng.js';
import type { Mention } from '../../../src/domain/mention.js';
import { SqliteStore } from '../../../src/store/sqlite.js';
import { ROOT } from '../../helpers/cli.js';
import { m } from '../reports/fixtures.js';

const BIG = 80_000;
const SMALL = 2_000;
const MB = 1024 * 1024;

/** Peak resident memory of a process so far (VmHWM, Linux). */
const peakRss = (pid: number) => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;

/** Streams an answer through, counting lines and bytes, holding none of it. */
async function drain(res: Response): Promise<{ lines: number; bytes: number }> {
  let lines = 0;
  let bytes = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    for (const b of chunk) if (b === 10) lines++;
  }
  return { lines, bytes };
}

describe('export of a large range', () => {
  it(`streams ${BIG.toLocaleString('en')} mentions (over 140 MB, more than its heap may hold) from a real earshot serve with its memory flat`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'earshot-export-mem-'));
    const dataDir = join(dir, 'data');
    const store = await SqliteStore.open({ dataDir });
    const rand = prng('export-memory');
    const words = 'coffee latte queue barista refund order cold warm slow friendly table price app staff morning'.split(' ');
    const text = () => Array.from({ length: 250 }, () => words[Math.floor(rand() * words.length)]).join(' ');
    for (const [brand, n] of [['small', SMALL], ['big', BIG]] as const) {
      let batch: Mention[] = [];
      for (let i = 0; i < n; i++) {
        const day = new Date(Date.UTC(2025, 0, 1) + (i % 300) * 86_400_000).toISOString().slice(0, 10);
        batch.push(m(brand, `e${i}`, { day, label: 'neutral', score: 0, text: text() }));
        if (batch.length === 5000) {
          await store.upsertMentions(batch);
          batch = [];
        }
      }
      await store.upsertMentions(batch);
    }
    const { key } = await createKey(store, { name: 'export', scope: 'read' });
    await store.close();
    const config = join(dir, 'earshot.yaml');
    writeFileSync(config, `brands:\n  - { id: small, name: Small, sources: [{ kind: reddit, name: reddit }] }\n  - { id: big, name: Big, sources: [{ kind: reddit, name: reddit }] }\n`);
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'serve', '--port', '0', '--no-schedules', '--config', config], {
      cwd: ROOT,
      // A heap cap below the export's size: an export held in memory would end the server (out of memory).
      env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=128`, EARSHOT_DATA_DIR: dataDir, MONGO_URL: '', REDIS_URL: '', EARSHOT_LOG_LEVEL: 'warn' },
    });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.stdout.resume();
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    try {
      for (let i = 0; i < 600 && !/listening on/.test(err); i++) await new Promise((r) => setTimeout(r, 100));
      const base = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(err)?.[1];
      expect(base, err).toBeDefined();
      const get = (brand: string, format: string) => fetch(`${base}/api/v1/mentions/export?brand=${brand}&format=${format}`, { headers: { authorization: `Bearer ${key}` } });

      // Warm up: the first export loads the code paths; its peak is the baseline.
      const small = await drain(await get('small', 'jsonl'));
      expect(small.lines).toBe(SMALL);
      const baseline = peakRss(child.pid!);

      const jsonl = await drain(await get('big', 'jsonl'));
      expect(jsonl.lines).toBe(BIG); // every mention, once
      expect(jsonl.bytes).toBeGreaterThan(140 * MB); // more than the server's whole heap may hold
      const csv = await drain(await get('big', 'csv'));
      expect(csv.lines).toBe(BIG + 1); // and the header
      const grown = peakRss(child.pid!) - baseline;
      // Held in memory, the export would not fit the 128 MB heap; a page at a time keeps the peak where it was.
      expect(grown, `peak RSS grew ${(grown / MB).toFixed(1)} MB over a ${(jsonl.bytes / MB).toFixed(0)} MB export`).toBeLessThan(50 * MB);
      expect(child.exitCode).toBeNull();
    } finally {
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
