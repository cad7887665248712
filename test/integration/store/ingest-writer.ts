/**
 * A separate writer process for the concurrency tests: ingests mentions `w<from>`…`w<to - 1>` of brand acme into
 * the SQLite store in `dataDir` through the real ingest stage (upsert + rollup refresh), in batches, printing one
 * line per batch. With `until-stopped` it stops early, between batches, when its stdin closes (so a test can keep it
 * busy as long as it needs). Run: node --import tsx ingest-writer.ts DATA_DIR FROM TO BATCH [until-stopped]
 */
import { ingestBatch } from '../../../pipelines/ingest.js';
import type { PipelineDeps } from '../../../pipelines/deps.js';
import { SqliteStore } from '../../../src/store/sqlite.js';
import { makeComplaint, makeMention } from './fixtures.js';

const [dataDir, from, to, batch, mode] = process.argv.slice(2);
let stop = false;
if (mode === 'until-stopped') process.stdin.on('end', () => (stop = true)).resume();
const store = await SqliteStore.open({ dataDir: dataDir! });
const deps = { store, config: { timezone: 'UTC', brands: [], alerts: [], channels: {} }, detectAfterIngest: false, log: { info() {}, warn() {} } } as unknown as PipelineDeps;
for (let start = Number(from); start < Number(to) && !stop; start += Number(batch)) {
  const mentions = [];
  for (let i = start; i < Math.min(start + Number(batch), Number(to)); i++) {
    const base = {
      externalId: `w${i}`,
      publishedAt: new Date(Date.UTC(2024, 2, 1 + (i % 28), i % 24)),
      source: i % 2 === 0 ? { kind: 'reviews-jsonld' as const, name: 'trustsite' } : { kind: 'reddit' as const, name: 'reddit' },
    };
    mentions.push(i % 3 === 0 ? makeComplaint(base) : makeMention(base));
  }
  const r = await ingestBatch(deps, mentions);
  process.stdout.write(`batch ${start} inserted ${r.inserted} unchanged ${r.unchanged}\n`);
  // A worker between jobs: leaves the CPU to others for a moment (and lets the stdin 'end' event in).
  await new Promise((resolve) => setTimeout(resolve, mode === 'until-stopped' ? 25 : 0));
}
await store.close();
process.stdin.destroy();
process.stdout.write('done\n');
