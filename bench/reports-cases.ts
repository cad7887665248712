import { Brand } from '../src/domain/brand.js';
import { runReport } from '../src/reports/index.js';
import { resolveRange } from '../src/reports/params.js';
import { driverExamplesPipeline, ThemesParams } from '../src/reports/themes.js';
import { TrendParams, trendThemePipeline } from '../src/reports/trend.js';
import type { Pipeline, Store } from '../src/store/store.js';

/** What the reports benchmark measures: the brands, the 90-day range, the report cases and the raw-mentions peer. */

export const BRANDS = ['bench0', 'bench1', 'bench2', 'bench3', 'bench4'];
export const END = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()));
export const RANGE = { from: new Date(END.getTime() - 89 * 86_400_000).toISOString().slice(0, 10), to: END.toISOString().slice(0, 10) };

export const brand = Brand.parse({
  id: 'bench0',
  name: 'Bench Zero',
  competitors: [
    { id: 'bench1', name: 'Bench One' },
    { id: 'bench2', name: 'Bench Two' },
  ],
  goals: [
    { metric: 'net_sentiment', min: 0.4 },
    { metric: 'net_sentiment', theme: 'delivery', min: 0.2 },
    { metric: 'stars', min: 4.3 },
  ],
});

export const CASES: Array<{ label: string; kind: string; params: Record<string, unknown> }> = [
  { label: 'trend (week, rollups)', kind: 'trend', params: { interval: 'week' } },
  { label: 'trend (day, by source)', kind: 'trend', params: { interval: 'day', by: 'source' } },
  { label: 'trend --theme delivery (rollups)', kind: 'trend', params: { theme: 'delivery' } },
  { label: 'themes (+ drivers)', kind: 'themes', params: {} },
  { label: 'advocacy', kind: 'advocacy', params: {} },
  { label: 'sov', kind: 'sov', params: {} },
  { label: 'gaps', kind: 'gaps', params: { interval: 'month' } },
  { label: 'emerging (last 7 d vs 28 d)', kind: 'emerging', params: {} },
];

export const PEER = 'peer: weekly trend from raw mentions';
/** Raw-mention peers of the reports that read derived data besides the plain rollups: case label → peer label. */
export const PEERS: Record<string, string> = {
  'trend (week, rollups)': PEER,
  'trend --theme delivery (rollups)': 'peer: trend --theme delivery from raw mentions',
  'themes (+ drivers)': 'peer: driver examples from raw mentions (down + up)',
};

/** The weekly trend straight from mentions: what the rollups save us. */
export function trendFromMentionsPipeline(): Pipeline {
  const from = new Date(`${RANGE.from}T00:00:00Z`);
  const to = new Date(END.getTime() + 86_400_000);
  const countIf = (c: unknown) => ({ $sum: { $cond: [c, 1, 0] } });
  return [
    { $match: { brand: 'bench0', publishedAt: { $gte: from, $lt: to } } },
    { $match: { duplicateOf: null } },
    {
      $group: {
        _id: { $dateTrunc: { date: '$publishedAt', unit: 'week', startOfWeek: 'monday' } },
        total: { $sum: 1 },
        positive: countIf({ $eq: ['$sentiment.label', 'positive'] }),
        negative: countIf({ $eq: ['$sentiment.label', 'negative'] }),
        scoreSum: { $sum: '$sentiment.score' },
        starsSum: { $sum: { $ifNull: ['$stars', 0] } },
        starsCount: countIf({ $isNumber: '$stars' }),
        churn: countIf({ $in: ['churn', { $ifNull: ['$intents', []] }] }),
      },
    },
    { $sort: { _id: 1 } },
  ];
}

async function time(fn: () => Promise<unknown>, runs = 3): Promise<number> {
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    await fn();
    t.push(performance.now() - s);
  }
  return t.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

/** Median of 3 runs of every case, then of the peer, in ms. */
export async function measure(store: Store): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const c of CASES) {
    // emerging reads its own window (the last 7 days before --to) rather than the 90-day range.
    const params: Record<string, unknown> = c.kind === 'emerging' ? { to: RANGE.to } : { ...RANGE, ...c.params };
    out.set(c.label, await time(() => runReport(c.kind, { store, brand, now: new Date(END.getTime() + 86_400_000) }, params)));
  }
  out.set(PEER, await time(() => store.aggregate('mentions', trendFromMentionsPipeline())));
  // The same numbers the derived data gives, from mentions: trend --theme (per-theme counters in rollups) and the
  // driver examples (the rollups' tops) — what those reports cost without them.
  const now = new Date(END.getTime() + 86_400_000);
  const tp = TrendParams.parse({ brand: 'bench0', ...RANGE, theme: 'delivery' });
  const range = resolveRange(tp.from, tp.to, 90, now);
  out.set(PEERS['trend --theme delivery (rollups)']!, await time(() => store.aggregate('mentions', trendThemePipeline(tp, range, 'delivery'))));
  const thp = ThemesParams.parse({ brand: 'bench0', ...RANGE });
  const themes = ['delivery', 'price', 'support'];
  out.set(
    PEERS['themes (+ drivers)']!,
    await time(() => Promise.all([store.aggregate('mentions', driverExamplesPipeline(thp, range, themes, 'negative')), store.aggregate('mentions', driverExamplesPipeline(thp, range, themes, 'positive'))])),
  );
  return out;
}
