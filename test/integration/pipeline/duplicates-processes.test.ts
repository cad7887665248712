import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { catalog } from '../../../pipelines/catalog.js';
import { silentLog } from '../../../pipelines/deps.js';
import { markSet } from '../../../pipelines/duplicates.js';
import { ingestBatch } from '../../../pipelines/ingest.js';
import type { Config } from '../../../src/config/schema.js';
import { InlineQueue } from '../../../src/queue/inline.js';
import { openStore } from '../../../src/store/index.js';
import { ROOT } from '../../helpers/cli.js';
import { corpus, observed } from './dup-corpus.js';
import { drained, HTTP_SOURCES, queueOf, scenario, startWorker } from '../../faults/worker-helpers.js';
import { mulberry32, shuffle } from '../../unit/pipelines/random.js';

const redisUrl = inject('redisUrl');

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

/** What one clean run of the whole corpus stores: the marks and rollups every other order must end with. */
async function cleanRun(all: ReturnType<typeof corpus>) {
  const clean = await freshDir();
  const store = await openStore({ dataDir: clean });
  try {
    await ingestBatch({ config: { brands: [], alerts: [], channels: {} } as unknown as Config, store, queue: new InlineQueue(catalog), log: silentLog, detectAfterIngest: false }, structuredClone(all));
    return await observed(store);
  } finally {
    await store.close();
  }
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
      const expected = await cleanRun(all);
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

describe.skipIf(!redisUrl)('two `earshot worker` processes on BullMQ, overlapping near-duplicates of one brand', () => {
  it('end with the duplicate marks and rollups of one clean run', async () => {
    const all = corpus(23);
    const expected = await cleanRun(all);
    // The worker needs a config to start; ingest reads none of it.
    const s = scenario(redisUrl!, 'http://127.0.0.1:9', [HTTP_SOURCES[0]!]);
    const q = queueOf(redisUrl!, s);
    const workers = [startWorker(s, ['--concurrency', '3']), startWorker(s, ['--concurrency', '3'])];
    try {
      await Promise.all(workers.map((w) => w.waitFor(/waiting for jobs/)));
      // The corpus twice (a re-crawl), each time in another order, in batches of 1–6: many small jobs at once.
      const rnd = mulberry32(23);
      for (const copy of [shuffle(all, rnd), shuffle(all, rnd)]) {
        for (let i = 0; i < copy.length; ) {
          const n = 1 + Math.floor(rnd() * 6);
          await q.enqueue('ingest', { mentions: copy.slice(i, i + n) });
          i += n;
        }
      }
      await drained(q);
    } finally {
      await q.close(1_000);
      for (const w of workers) w.child.kill('SIGTERM');
      await Promise.all(workers.map((w) => w.exited));

    }
    const store = await openStore({ dataDir: s.env.EARSHOT_DATA_DIR! });
    try {
      const got = await observed(store);
      expect(got.marks).toEqual(expected.marks);
      expect(got.rollups).toEqual(expected.rollups);
      expect(got.counted).toBe(expected.counted);
    } finally {
      await store.close();
      s.cleanup();
    }
  }, 120_000);
});
