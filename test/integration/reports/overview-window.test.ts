import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderOverview } from '../../../src/cli/render-overview.js';
import { overview } from '../../../src/reports/overview.js';
import type { Store } from '../../../src/store/store.js';
import { storeLegs } from '../store/legs.js';
import { m, seed } from './fixtures.js';

/**
 * The overview (the demo's summary) sums daily rollups, so its window is whole days: the window it prints must be
 * the days it counted. It used to report `from`/`to` as instants while counting the whole last day (mentions dated
 * after `to` included) and dropping the first day's mentions unless `from` fell on midnight.
 */
for (const leg of storeLegs()) {
  describe(`the overview's window on the ${leg.name} store`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    beforeAll(async () => {
      const fresh = await leg.fresh();
      store = fresh.store;
      cleanup = fresh.cleanup;
      await seed(store, [
        m('acme', 'before', { day: '2024-02-17', label: 'negative', score: -0.5 }), // the day before the first day
        m('acme', 'first', { day: '2024-02-18', label: 'positive', score: 0.5 }), // the first day, at noon
        m('acme', 'mid', { day: '2024-03-01', label: 'positive', score: 0.5 }),
        m('acme', 'last', { day: '2024-03-16', label: 'negative', score: -0.5 }), // the last day, at noon
        m('acme', 'after', { day: '2024-03-17', label: 'negative', score: -0.5 }), // the day after
      ]);
    });
    afterAll(() => cleanup());

    it('counts the whole days it reports, from its first day to the day holding `to`, and nothing outside', async () => {
      // `to` in the morning of 2024-03-16: the window is the four weeks of days 2024-02-18 … 2024-03-16.
      const o = await overview(store, { brand: 'acme', to: new Date('2024-03-16T08:00:00Z'), weeks: 4 });
      expect(o.from.toISOString()).toBe('2024-02-18T00:00:00.000Z');
      expect(o.to.toISOString()).toBe('2024-03-17T00:00:00.000Z');
      expect(o.total.mentions).toBe(3);
      expect(o.total.netSentiment).toBeCloseTo(1 / 3);
      expect(o.weekly.reduce((n, w) => n + w.mentions, 0)).toBe(3);
      expect(renderOverview(o, 'Acme').split('\n')[0]).toContain('2024-02-18 → 2024-03-16');
    });

    it('gives the same answer for any `to` within one day', async () => {
      const early = await overview(store, { brand: 'acme', to: new Date('2024-03-16T00:00:00Z'), weeks: 4 });
      const late = await overview(store, { brand: 'acme', to: new Date('2024-03-16T23:59:59Z'), weeks: 4 });
      expect(late).toEqual(early);
      expect(early.total.mentions).toBe(3);
    });
  });
}
