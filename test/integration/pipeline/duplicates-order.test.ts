import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../../pipelines/catalog.js';
import { silentLog } from '../../../pipelines/deps.js';
import { markSet } from '../../../pipelines/duplicates.js';
import { ingestBatch } from '../../../pipelines/ingest.js';
import type { Config } from '../../../src/config/schema.js';
import type { Mention } from '../../../src/domain/mention.js';
import { InlineQueue } from '../../../src/queue/inline.js';
import { openStore } from '../../../src/store/index.js';
import type { Store } from '../../../src/store/store.js';
import { makeMention } from '../store/fixtures.js';
import { mulberry32, shuffle } from '../../unit/pipelines/random.js';
import { corpus, observed } from './dup-corpus.js';

// Ingest reads no config (rules are the detect stage's, off here).
const config = { brands: [], alerts: [], channels: {} } as unknown as Config;

const copy = (ms: Mention[]) => ms.map((m) => structuredClone(m));

async function withStore<T>(fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore({ dataDir: mkdtempSync(join(tmpdir(), 'earshot-dups-')) });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** Ingests `mentions` in random order, random batch sizes, `parallel` batches at once, then reads what a report sees. */
async function ingestShuffled(store: Store, mentions: Mention[], rnd: () => number, parallel: number) {
  const deps = { config, store, queue: new InlineQueue(catalog), log: silentLog, detectAfterIngest: false };
  const order = shuffle(copy(mentions), rnd);
  const batches: Mention[][] = [];
  for (let i = 0; i < order.length; ) {
    const n = 1 + Math.floor(rnd() * 40);
    batches.push(order.slice(i, i + n));
    i += n;
  }
  for (let i = 0; i < batches.length; i += parallel) await Promise.all(batches.slice(i, i + parallel).map((b) => ingestBatch(deps, b)));
}

describe('duplicateOf and the numbers reports read depend on the stored set alone', () => {
  it('random permutations, batch splits and concurrent batches give the marks of the whole set, and the same rollups', async () => {
    for (const seed of [7, 8, 9]) {
      const mentions = corpus(seed);
      const expected = Object.fromEntries(
        markSet(copy(mentions))
          .sort((a, b) => (a._id < b._id ? -1 : 1))
          .map((m) => [m._id, m.duplicateOf ?? null]),
      );
      expect(Object.values(expected).filter(Boolean).length, 'the corpus has copies').toBeGreaterThan(20);
      const results = [];
      for (let trial = 0; trial < 3; trial++) {
        const rnd = mulberry32(seed * 100 + trial);
        results.push(await withStore(async (store) => {
          await ingestShuffled(store, mentions, rnd, 1 + trial);
          return observed(store);
        }));
      }
      for (const r of results) {
        expect(r.marks).toEqual(expected);
        expect(r.rollups).toEqual(results[0]!.rollups);
        expect(r.counted).toBe(Object.values(expected).filter((v) => v === null).length);
      }
    }
  });

  it('crawling everything again (crawl --full), in another order, changes no mark and no number', async () => {
    const mentions = corpus(11);
    await withStore(async (store) => {
      await ingestShuffled(store, mentions, mulberry32(1), 1);
      const first = await observed(store);
      await ingestShuffled(store, mentions, mulberry32(2), 3);
      await ingestShuffled(store, mentions, mulberry32(3), 2);
      expect(await observed(store)).toEqual(first);
    });
  });

  it('an earlier copy arriving later takes the original\'s place: the marks move to it', async () => {
    const base = corpus(12);
    const late = makeMention({
      externalId: 'late-original',
      text: 'An earlier copy of a review, crawled only now from another site.',
      fingerprint: base[0]!.fingerprint!,
      publishedAt: new Date(Date.UTC(2024, 1, 1)),
    });
    await withStore(async (store) => {
      await ingestShuffled(store, base, mulberry32(5), 1);
      await ingestShuffled(store, [late], mulberry32(6), 1);
      const marks = (await observed(store)).marks;
      const expected = Object.fromEntries(
        markSet(copy([...base, late]))
          .sort((a, b) => (a._id < b._id ? -1 : 1))
          .map((m) => [m._id, m.duplicateOf ?? null]),
      );
      expect(marks).toEqual(expected);
      expect(marks[base[0]!._id]).toBe(late._id);
    });
  });
});
