import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportPool } from '../../../src/api/report-pool.js';
import { Brand } from '../../../src/domain/brand.js';
import { ParamError } from '../../../src/domain/errors.js';
import { REPORT_KINDS, runReport } from '../../../src/reports/index.js';
import { openStore } from '../../../src/store/index.js';
import type { Store } from '../../../src/store/store.js';
import { acmeFixture, m, NOW, seed } from '../reports/fixtures.js';

/** Reports computed on report threads (`earshot serve --report-threads`) answer exactly as on the server's thread. */
let dataDir: string;
let store: Store;
let pool: ReportPool;
const acme = Brand.parse({ id: 'acme', name: 'Acme', competitors: [{ id: 'bluebird', name: 'Bluebird' }], goals: [{ metric: 'net_sentiment', min: 0.4 }], sources: [{ kind: 'reviews-jsonld', name: 'trustsite', url: 'https://reviews.example/acme' }, { kind: 'reddit', name: 'reddit' }] });
const RANGE = { from: '2024-03-04', to: '2024-03-17' };

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'earshot-pool-'));
  store = await openStore({ dataDir });
  await seed(store, acmeFixture());
  pool = await ReportPool.start({ dataDir, threads: 2 });
});
afterAll(async () => {
  await pool?.close();
  await store?.close();
});

describe('report threads', () => {
  it('give every report the same answer as the server thread, several at once', async () => {
    const kinds = REPORT_KINDS;
    const threaded = await Promise.all(kinds.map((k) => pool.run(k, acme, { ...RANGE }, NOW)));
    for (const [i, kind] of kinds.entries()) {
      const local = await runReport(kind, { store, brand: acme, now: NOW }, { ...RANGE });
      expect(threaded[i], kind).toEqual(local);
    }
    expect(threaded.length).toBeGreaterThan(pool.size); // more reports than threads: they queue and all finish
  });

  it('see what another connection stored since', async () => {
    const before = (await pool.run('trend', acme, { ...RANGE }, NOW)).result as { total: { volume: number } };
    await seed(store, [m('acme', 'fresh1', { day: '2024-03-16', label: 'positive', score: 0.5 })]);
    const after = (await pool.run('trend', acme, { ...RANGE }, NOW)).result as { total: { volume: number } };
    expect(after.total.volume).toBe(before.total.volume + 1);
  });

  it('hand back a bad parameter as the same error, naming the parameter', async () => {
    const err = await pool.run('trend', acme, { ...RANGE, source: 'nosuch' }, NOW).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ParamError);
    expect((err as ParamError).param).toBe('source');
    await expect(pool.run('nosuch', acme, {}, NOW)).rejects.toThrow(/unknown report "nosuch"/);
  });

  it('refuse work once closed instead of hanging', async () => {
    const spare = await ReportPool.start({ dataDir, threads: 1 });
    await spare.close();
    await expect(spare.run('trend', acme, { ...RANGE }, NOW)).rejects.toThrow(/closed/);
  });
});
