import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { catalog } from '../../../pipelines/catalog.js';
import { silentLog } from '../../../pipelines/deps.js';
import { markSet } from '../../../pipelines/duplicates.js';
import { ingestBatch } from '../../../pipelines/ingest.js';
import type { Config } from '../../../src/config/schema.js';
import { InlineQueue } from '../../../src/queue/inline.js';
import { openStore } from '../../../src/store/index.js';
import { ROOT } from '../../helpers/cli.js';
import { corpus, observed } from './dup-corpus.js';

const dirs: string[] = [];
async function freshDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'earshot-dup-procs-'));
  dirs.push(dir);
  return dir;
}
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

/** A real ingest process (dup-writer.ts) on the shared data dir; resolves with its exit code and output. */
function writer(dataDir: string, seed: number, from: number, to: number, order: number, startAt: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test/integration/pipeline/dup-writer.ts'), dataDir, String(seed), String(from), String(to), String(order), String(startAt)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  return new Promise<{ code: number | null; out: string }>((resolve) => child.on('close', (code) => resolve({ code, out })));
}

/**
 * Two worker processes ingest overlapping, near-identical mentions of one brand at the same time (what two BullMQ
 * workers do with two sources that repost each other). Each marks duplicates against what it reads; without a lock
 * across processes, each can judge its batch against a store that misses the other's batch in flight, and a copy
 * stays unmarked (counted twice) or points at a mention that is not the original.
 */
describe('two ingest processes on one store, overlapping near-duplicates of one brand', () => {
  it('end with the duplicate marks and rollups of one clean run', async () => {
    for (const seed of (process.env.DUP_SEEDS ?? '21,22').split(',').map(Number)) {
      const all = corpus(seed);
      const clean = await freshDir();
      const cleanStore = await openStore({ dataDir: clean });
      await ingestBatch({ config: { brands: [], alerts: [], channels: {} } as unknown as Config, store: cleanStore, queue: new InlineQueue(catalog), log: silentLog, detectAfterIngest: false }, structuredClone(all));
      const expected = await observed(cleanStore);
      await cleanStore.close();
      const whole = Object.fromEntries(markSet(structuredClone(all)).map((m) => [m._id, m.duplicateOf ?? null]));
      expect(expected.marks).toEqual(Object.fromEntries(Object.keys(whole).sort().map((id) => [id, whole[id]])));

      const shared = await freshDir();
      // Both start together (after their imports), each with two thirds of the corpus in its own order.
      const startAt = Date.now() + 4_000;
      const n = all.length;
      const [a, b] = await Promise.all([writer(shared, seed, 0, Math.ceil((2 * n) / 3), seed * 10 + 1, startAt), writer(shared, seed, Math.floor(n / 3), n, seed * 10 + 2, startAt)]);
      expect(a.code, a.out).toBe(0);
      expect(b.code, b.out).toBe(0);
      const store = await openStore({ dataDir: shared });
      try {
        const got = await observed(store);
        expect(got.marks).toEqual(expected.marks);
        expect(got.rollups).toEqual(expected.rollups);
        expect(got.counted).toBe(expected.counted);
      } finally {
        await store.close();
      }
    }
  }, 90_000);
});
