import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Brand } from '../../../src/domain/brand.js';
import { formatReport, runReport } from '../../../src/reports/index.js';
import type { AdvocacyResult } from '../../../src/reports/advocacy.js';
import type { EmergingResult } from '../../../src/reports/emerging.js';
import type { GapsResult } from '../../../src/reports/gaps.js';
import type { SovResult } from '../../../src/reports/sov.js';
import type { ThemesResult } from '../../../src/reports/themes.js';
import type { TrendResult } from '../../../src/reports/trend.js';
import type { Store } from '../../../src/store/store.js';
import { storeLegs } from '../store/legs.js';
import { emergingFixture } from './emerging-fixture.js';
import { acmeBrand, acmeFixture, NOW, RANGE, seed } from './fixtures.js';

for (const leg of storeLegs()) {
  describe(`reports on the ${leg.name} store (hand-built fixture, known answers)`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    beforeAll(async () => {
      const fresh = await leg.fresh();
      store = fresh.store;
      cleanup = fresh.cleanup;
      await seed(store, acmeFixture());
    });
    afterAll(() => cleanup());
    const run = async <T>(kind: string, params: Record<string, unknown> = {}) =>
      (await runReport(kind, { store, brand: acmeBrand, now: NOW }, { ...RANGE, ...params })).result as T;

    it('trend: weekly volume, sentiment split, net sentiment, stars and churn share, with the duplicate counted once', async () => {
      const r = await run<TrendResult>('trend', { interval: 'week' });
      expect(r.read).toBe('rollups');
      expect(r.rows.map((x) => [x.period, x.volume, x.positive, x.neutral, x.negative, x.netSentiment, x.avgStars, x.churnShare])).toEqual([
        ['2024-03-04', 3, 1, 1, 1, 0, 3, 0.333],
        ['2024-03-11', 2, 1, 0, 1, 0, 3, 0],
      ]);
      expect(r.rows[0]!.avgScore).toBeCloseTo(0.2 / 3, 3);
      expect(r.total).toMatchObject({ volume: 5, netSentiment: 0, avgStars: 3, churnShare: 0.2 });
      expect(r.previousTotal).toMatchObject({ volume: 2, netSentiment: 1, avgStars: 4.5 });
      expect(r.change).toEqual({ volume: 1.5, netSentiment: -1, avgStars: -1.5, churnShare: 0.2 });
    });

    it('trend: by day fills empty days with zeros; by source splits each week; one source filters', async () => {
      const daily = await run<TrendResult>('trend', { interval: 'day' });
      expect(daily.rows).toHaveLength(14);
      expect(daily.rows.find((x) => x.period === '2024-03-07')!.volume).toBe(0);
      const bySource = await run<TrendResult>('trend', { by: 'source' });
      expect(bySource.breakdown.map((x) => [x.period, x.key, x.volume])).toEqual([
        ['2024-03-04', 'trustsite', 2],
        ['2024-03-04', 'reddit', 1],
        ['2024-03-11', 'trustsite', 2],
      ]);
      const reddit = await run<TrendResult>('trend', { source: 'reddit' });
      expect(reddit.total.volume).toBe(1);
    });

    it('trend --theme reads the theme\'s rollup counters: its own labels, with stars and churn of those mentions', async () => {
      const r = await run<TrendResult>('trend', { theme: 'delivery' });
      expect(r.read).toBe('rollups');
      expect(r.total).toMatchObject({ volume: 3, positive: 2, negative: 1, netSentiment: 0.333, avgStars: 3.667 });
      expect(r.previousTotal.volume).toBe(1);
    });

    it('themes: volume, share, sentiment, change, and drivers with example mentions', async () => {
      const r = await run<ThemesResult>('themes');
      expect(r.mentions).toBe(5);
      const delivery = r.themes.find((t) => t.theme === 'delivery')!;
      expect(delivery).toMatchObject({ volume: 3, share: 0.6, positive: 2, negative: 1, netSentiment: 0.333, previousVolume: 1, volumeChange: 2, netSentimentChange: -0.667, impact: 0.2 });
      expect(r.themes.find((t) => t.theme === 'support')).toMatchObject({ volume: 1, share: 0.2, netSentiment: -1, impact: -0.2 });
      const down = r.drivers.filter((d) => d.direction === 'down');
      const up = r.drivers.filter((d) => d.direction === 'up');
      expect(down.map((d) => d.theme)).toEqual(['support']);
      expect(down[0]!.examples.map((e) => e.url)).toEqual(['https://reviews.example/acme/m2']);
      expect(up.map((d) => d.theme)).toEqual(['delivery']);
      expect(up[0]!.examples.map((e) => e.url)).toEqual(['https://reviews.example/acme/m1', 'https://reviews.example/acme/m4']);
    });

    it('advocacy: NPS from stars and text, advocates, shareable moments, recovery queue and churn risk', async () => {
      const r = await run<AdvocacyResult>('advocacy');
      expect(r.nps).toEqual({ score: -20, promoters: 1, passives: 2, detractors: 2, total: 5, rated: 4, textOnly: 1 });
      expect(r.advocates).toHaveLength(1);
      expect(r.advocates[0]).toMatchObject({ author: 'ann', mentions: 2, recommends: 2, reach: 1000, profile: 'https://reviews.example/u/ann' });
      expect(r.moments.map((x) => [x._id, x.engagement])).toEqual([
        ['acme:reviews-jsonld:m1', 55],
        ['acme:reviews-jsonld:m4', 4],
      ]);
      // m5 is less severe than m2 but eight days fresher: it is answered first.
      expect(r.recovery.map((x) => x._id)).toEqual(['acme:reviews-jsonld:m5', 'acme:reviews-jsonld:m2']);
      expect(r.recovery[0]!.priority).toBeCloseTo(0.999, 3);
      expect(r.recovery[1]!.priority).toBeCloseTo(0.796, 3);
      expect(r.churn.total).toBe(1);
      expect(r.churn.byCompetitor).toEqual([{ competitor: 'bluebird', mentions: 1 }]);
      // only=nps: the same score and churn total, without reading the lists.
      const scoreOnly = await run<AdvocacyResult>('advocacy', { only: 'nps' });
      expect(scoreOnly.nps).toEqual(r.nps);
      expect(scoreOnly.churn.total).toBe(1);
      expect([scoreOnly.advocates, scoreOnly.moments, scoreOnly.recovery]).toEqual([[], [], []]);
    });

    it('sov: volume share and net sentiment vs competitors, themes won and lost, a note for an uncrawled competitor', async () => {
      const r = await run<SovResult>('sov');
      expect(r.parties.map((x) => [x.id, x.volume, x.share, x.netSentiment])).toEqual([
        ['acme', 5, 0.625, 0],
        ['bluebird', 3, 0.375, 0.333],
        ['kettle', 0, 0, null],
      ]);
      expect(r.parties[1]).toMatchObject({ namedInBrandMentions: 1, churnTowards: 1 });
      expect(r.duels.map((d) => [d.theme, d.winner, d.gap])).toEqual([
        ['delivery', 'acme', 1.333],
        ['support', 'bluebird', -2],
      ]);
      expect(r.notes[0]).toMatch(/no mentions stored for Kettle & Co/);
    });

    it('gaps: each goal against the range, the previous period and its trend', async () => {
      const r = await run<GapsResult>('gaps', { interval: 'week' });
      expect(r.goals.map((g) => [g.goal, g.current, g.gap, g.met, g.previous, g.trend])).toEqual([
        ['net sentiment ≥ 0.4', 0, -0.4, false, 1, 'worsening'],
        ['delivery share of mentions ≥ 0.5', 0.6, 0.1, true, 0.5, 'improving'],
        ['average stars ≥ 4.3', 3, -1.3, false, 4.5, 'worsening'],
        ['support negative share ≤ 0.1', 1, -0.9, false, null, 'n/a'],
      ]);
      expect(r.goals[1]!.series).toEqual([
        { period: '2024-03-04', value: 0.333 },
        { period: '2024-03-11', value: 1 },
      ]);
    });

    it('gaps for a brand without goals says how to add them, in one line', async () => {
      const bare = Brand.parse({ id: 'acme', name: 'Acme' });
      await expect(runReport('gaps', { store, brand: bare, now: NOW }, RANGE)).rejects.toThrow(/^brand "acme" has no goals in config \(add e\.g\./);
    });

    it('CSV carries every section and row; JSON the whole result', async () => {
      const out = await runReport('advocacy', { store, brand: acmeBrand, now: NOW }, RANGE);
      const csv = formatReport('advocacy', 'Acme', out, 'csv');
      const lines = csv.trimEnd().split('\r\n');
      expect(lines[0]!.startsWith('section,score,promoters')).toBe(true);
      expect(lines.filter((l) => l.startsWith('recovery,'))).toHaveLength(2);
      expect(csv).toContain('"Support ignored me, switching to Bluebird."');
      const json = JSON.parse(formatReport('advocacy', 'Acme', out, 'json'));
      expect(json.report).toBe('advocacy');
      expect(json.recovery[0].url).toBe('https://reviews.example/acme/m5');
    });
  });

  describe(`the recovery queue on the ${leg.name} store`, () => {
    it('marks a complaint the business answered publicly (the source shows its reply), and keeps it in the queue', async () => {
      const fresh = await leg.fresh();
      try {
        const reply = { text: 'Sorry Bob, we refunded you.', at: new Date('2024-03-06T09:00:00Z') };
        await seed(fresh.store, acmeFixture().map((x) => (x._id === 'acme:reviews-jsonld:m2' ? { ...x, reply } : x)));
        const out = await runReport('advocacy', { store: fresh.store, brand: acmeBrand, now: NOW }, RANGE);
        const r = out.result as AdvocacyResult;
        expect(r.recovery.map((x) => [x._id, x.reply])).toEqual([
          ['acme:reviews-jsonld:m5', undefined],
          ['acme:reviews-jsonld:m2', reply],
        ]);
        const lines = formatReport('advocacy', 'Acme', out, 'csv').split('\r\n');
        const replied = lines[0]!.split(',').indexOf('replied');
        expect(replied).toBeGreaterThan(0);
        expect(lines.filter((l) => l.startsWith('recovery,')).map((l) => l.split(',')[replied])).toEqual(['false', 'true']);
      } finally {
        await fresh.cleanup();
      }
    });
  });

  describe(`emerging on the ${leg.name} store`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    beforeAll(async () => {
      const fresh = await leg.fresh();
      store = fresh.store;
      cleanup = fresh.cleanup;
      await seed(store, emergingFixture());
    });
    afterAll(() => cleanup());
    const run = async (params: Record<string, unknown>) =>
      (await runReport('emerging', { store, brand: acmeBrand, now: NOW }, { from: '2024-03-11', to: '2024-03-17', ...params })).result as EmergingResult;

    it('finds the new complaint phrase in negative mentions, not the usual ones, the brand name or duplicates', async () => {
      const r = await run({});
      expect(r.recentMentions).toBe(9);
      expect(r.baselineMentions).toBe(12);
      expect(r.terms.map((t) => t.term)).toEqual(['charged twice']);
      expect(r.terms[0]).toMatchObject({ recent: 7, baseline: 0, isNew: true });
      expect(r.terms.some((t) => /delivery|acme|espresso/.test(t.term))).toBe(false);
    });

    it('with --sentiment all, rising praise shows up too', async () => {
      const r = await run({ sentiment: 'all' });
      expect(r.terms.map((t) => t.term)).toEqual(['charged twice', 'seasonal menu']);
    });
  });
}
