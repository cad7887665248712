/**
 * A separate ingest process for the cross-process duplicate test: ingests mentions `from`…`to - 1` of the shuffled
 * duplicates corpus `seed` (shuffled again with `order`) into the store in `dataDir` through the real ingest stage,
 * in random small batches, starting at the wall-clock time `startAt` (ms) so two writers overlap.
 * Run: node --import tsx dup-writer.ts DATA_DIR SEED FROM TO ORDER START_AT
 */
import { catalog } from '../../../pipelines/catalog.js';
import { silentLog } from '../../../pipelines/deps.js';
import { ingestBatch } from '../../../pipelines/ingest.js';
import type { Config } from '../../../src/config/schema.js';
import { InlineQueue } from '../../../src/queue/inline.js';
import { openStore } from '../../../src/store/index.js';
import { mulberry32, shuffle } from '../../unit/pipelines/random.js';
import { corpus } from './dup-corpus.js';

const [dataDir, seed, from, to, order, startAt] = process.argv.slice(2).map((a, i) => (i === 0 ? a : Number(a))) as [string, number, number, number, number, number];
const store = await openStore({ dataDir });
const deps = { config: { brands: [], alerts: [], channels: {} } as unknown as Config, store, queue: new InlineQueue(catalog), log: silentLog, detectAfterIngest: false };
const mine = shuffle(shuffle(corpus(seed), mulberry32(seed)).slice(from, to), mulberry32(order));
const rnd = mulberry32(order + 1);
await new Promise((r) => setTimeout(r, Math.max(0, startAt - Date.now())));
let batches = 0;
for (let i = 0; i < mine.length; ) {
  const n = 1 + Math.floor(rnd() * 6);
  await ingestBatch(deps, mine.slice(i, i + n));
  i += n;
  batches++;
}
await store.close();
process.stdout.write(`done ${batches} batches\n`);
