import { mkdtemp, rm } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withBrandLease } from '../../../pipelines/brand-lock.js';
import { SqliteStore } from '../../../src/store/sqlite.js';

let dataDir: string;
let store: SqliteStore;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'earshot-lease-'));
  store = await SqliteStore.open({ dataDir });
});
afterEach(async () => {
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the per-brand ingest lease across processes', () => {
  it('when the holder was killed (its pid is gone on this host), the next ingest takes the lease at once', async () => {
    await store.claimLease('ingest:acme', `${hostname()}/2147480000/dead`, 60_000);
    const t0 = Date.now();
    expect(await withBrandLease(store, 'acme', async () => 'ran')).toBe('ran');
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(await store.findDocs('leases')).toEqual([]); // given back
  });

  it('while a live process of another host holds it, ingest waits and then fails (the job is retried), never runs alongside', async () => {
    await store.claimLease('ingest:acme', 'other-host/1/abcd', 60_000);
    let ran = false;
    await expect(withBrandLease(store, 'acme', async () => (ran = true), { waitMs: 300 })).rejects.toThrow(/another process has held the ingest lock ingest:acme/);
    expect(ran).toBe(false);
    // Another brand is not blocked.
    expect(await withBrandLease(store, 'globex', async () => 'ran')).toBe('ran');
  });

  it('a lease left by a holder on another host expires after its lifetime', async () => {
    await store.claimLease('ingest:acme', 'other-host/1/abcd', 200);
    expect(await withBrandLease(store, 'acme', async () => 'ran', { waitMs: 5_000 })).toBe('ran');
  });
});
