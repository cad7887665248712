/**
 * What the per-brand ingest lease (a store write to take it, one to give it back) costs next to the ingest it guards:
 * the same 30 batches of 100 mentions ingested with the lease (as `ingestBatch` does) against the lease's own
 * round trips alone, on the embedded store. Prints both and the ratio. Run: npx tsx bench/ingest-lease.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withBrandLease } from '../pipelines/brand-lock.js';
import { catalog } from '../pipelines/catalog.js';
import { silentLog } from '../pipelines/deps.js';
import { ingestBatch } from '../pipelines/ingest.js';
import type { Config } from '../src/config/schema.js';
import { InlineQueue } from '../src/queue/inline.js';
import { SqliteStore } from '../src/store/sqlite.js';
import { manyMentions } from '../test/integration/store/fixtures.js';

const BATCHES = 30;
const dir = mkdtempSync(join(tmpdir(), 'earshot-bench-lease-'));
const store = await SqliteStore.open({ dataDir: dir });
const deps = { config: { brands: [], alerts: [], channels: {} } as unknown as Config, store, queue: new InlineQueue(catalog), log: silentLog, detectAfterIngest: false };
const mentions = manyMentions(BATCHES * 100);
let t = performance.now();
for (let b = 0; b < BATCHES; b++) await ingestBatch(deps, mentions.slice(b * 100, (b + 1) * 100));
const ingestMs = performance.now() - t;
t = performance.now();
for (let b = 0; b < BATCHES; b++) await withBrandLease(store, 'acme', async () => undefined);
const leaseMs = performance.now() - t;
await store.close();
rmSync(dir, { recursive: true, force: true });
console.log(`ingest (lease included): ${(ingestMs / BATCHES).toFixed(1)} ms per batch of 100`);
console.log(`lease alone (take + give back): ${(leaseMs / BATCHES).toFixed(2)} ms per batch`);
console.log(`lease / ingest: ${((100 * leaseMs) / ingestMs).toFixed(1)} %`);
