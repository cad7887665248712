import { SqliteStore } from '../src/store/sqlite.js';
import { advocacyPipelines, advocateDetailsPipeline, AdvocacyParams, npsFromRollupsPipeline, churnByCompetitorFromRollupsPipeline } from '../src/reports/advocacy.js';
import { resolveRange } from '../src/reports/params.js';
import { runReport } from '../src/reports/index.js';
import { brand } from './reports-cases.js';
const store = await SqliteStore.open({ dataDir: '/work/bench1m' });
async function t(label: string, fn: () => Promise<unknown>) {
  const xs: number[] = [];
  for (let i = 0; i < 7; i++) { const s = performance.now(); await fn(); xs.push(performance.now() - s); }
  xs.sort((a, b) => a - b);
  console.log(label.padEnd(30), xs[1]!.toFixed(1), xs[3]!.toFixed(1), 'ms');
}
const ap = AdvocacyParams.parse({ brand: 'bench0', from: '2026-09-08', to: '2026-12-06' });
const range = resolveRange(ap.from, ap.to, 90, new Date(), 'UTC');
const pl = advocacyPipelines(ap, range, range.to, []);
for (const [k, v] of Object.entries(pl)) if (k !== 'churnByCompetitor') await t('adv ' + k, () => store.aggregate('mentions', v));
await t('adv nps (rollups)', () => store.aggregate('rollups', npsFromRollupsPipeline(ap, range)));
await t('adv churnByComp (rollups)', () => store.aggregate('rollups', churnByCompetitorFromRollupsPipeline(ap, range)));
const adv = await store.aggregate<any>('mentions', pl.advocates);
await t('adv details', () => store.aggregate('mentions', advocateDetailsPipeline(ap, adv)));
await t('workflow closed', () => store.findDocs('workflow', { brand: 'bench0', status: { $in: ['resolved', 'ignored'] } }, { projection: { _id: 1 } }));
await t('ADVOCACY total', () => runReport('advocacy', { store, brand, timezone: 'UTC' } as any, { brand: 'bench0', from: '2026-09-08', to: '2026-12-06' }));
await t('THEMES total', () => runReport('themes', { store, brand, timezone: 'UTC' } as any, { brand: 'bench0', from: '2026-09-08', to: '2026-12-06' }));
