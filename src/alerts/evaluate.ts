import { type AlertRule, durationMs, type Sensitivity, type Severity } from '../domain/alert.js';
import { HourlySeries, type Measure } from './series.js';
import { normalTail, poissonTail } from './stats.js';

const WEEK_MS = 7 * 86_400_000;

/** Tail probability below which a window is unusual. */
export const ALPHA: Record<Sensitivity, number> = { low: 0.001, medium: 0.01, high: 0.05 };
/** Count rules: the window must also hold at least this multiple of what was expected. */
export const MIN_RATIO: Record<Sensitivity, number> = { low: 2, medium: 1.5, high: 1.25 };
/** sentiment_drop: smallest fall in net sentiment (on the -1..1 scale) that counts. */
export const MIN_NET_DROP: Record<Sensitivity, number> = { low: 0.3, medium: 0.2, high: 0.1 };
/** rating_drop: smallest fall in average stars that counts. */
export const MIN_STARS_DROP: Record<Sensitivity, number> = { low: 0.8, medium: 0.5, high: 0.3 };

/** The parts of a rule the math needs. */
export type RuleMath = Pick<AlertRule, 'kind' | 'window' | 'baseline' | 'sensitivity' | 'minCount' | 'seasonality' | 'filters'>;

/** The outcome of testing one window. */
export interface Evaluation {
  fires: boolean;
  window: { from: number; to: number };
  baseline: { from: number; to: number };
  observed: number;
  expected: number;
  unit: 'mentions' | 'net_sentiment' | 'stars';
  /** Mentions (or rated mentions) in the window. */
  sample: number;
  pValue: number;
  severity: Severity;
  /** Why it fires or not, one line. */
  reason: string;
}

/** The measure a count rule counts. */
export function countMeasure(rule: Pick<RuleMath, 'kind' | 'filters'>): Measure {
  switch (rule.kind) {
    case 'negative_spike':
      return 'negative';
    case 'churn_spike':
      return 'churn';
    default:
      return rule.filters.sentiment ?? 'total';
  }
}

/** How far back the data must reach to evaluate `rule` at `to` (ms). */
export function lookbackMs(rule: Pick<RuleMath, 'window' | 'baseline'>): number {
  return durationMs(rule.window) + durationMs(rule.baseline);
}

/**
 * Tests the window ending at `at` (ms, hour-aligned for exact sums) against the baseline before it.
 *
 * Count rules (`negative_spike`, `churn_spike`, `volume_spike`): the expected count is the baseline's rate scaled to
 * the window, or with weekly seasonality the mean of the same window in each earlier baseline week (a Saturday is
 * compared with Saturdays). It fires when the Poisson tail P(X ≥ observed) is below the sensitivity's alpha, the
 * count is at least `minCount` and at least `MIN_RATIO` × expected. The expected rate is floored at one event
 * per baseline, so a brand-new quiet source does not make every mention a spike.
 *
 * Drop rules compare the window's net sentiment (or average stars) with the baseline's: a one-sided z-test with the
 * baseline's per-mention variance, plus a minimum drop and `minCount` mentions on both sides.
 */
export function evaluate(rule: RuleMath, series: HourlySeries, at: number): Evaluation {
  const w = durationMs(rule.window);
  const b = durationMs(rule.baseline);
  const window = { from: at - w, to: at };
  const baseline = { from: at - w - b, to: at - w };
  const base = { window, baseline };
  if (rule.kind === 'sentiment_drop') return { ...base, ...netDrop(rule, series, window, baseline) };
  if (rule.kind === 'rating_drop') return { ...base, ...starsDrop(rule, series, window, baseline) };
  return { ...base, ...countSpike(rule, series, window, baseline, w, b) };
}

type Range = { from: number; to: number };
type Verdict = Omit<Evaluation, 'window' | 'baseline'>;

function countSpike(rule: RuleMath, s: HourlySeries, window: Range, baseline: Range, w: number, b: number): Verdict {
  const measure = countMeasure(rule);
  const observed = s.sum(measure, window.from, window.to);
  const weeks = Math.floor(b / WEEK_MS);
  const seasonal = rule.seasonality === 'weekly' || (rule.seasonality === 'auto' && weeks >= 2 && w <= WEEK_MS);
  let expected: number;
  if (seasonal && weeks >= 1) {
    let sum = 0;
    for (let i = 1; i <= weeks; i++) sum += s.sum(measure, window.from - i * WEEK_MS, window.to - i * WEEK_MS);
    expected = sum / weeks;
  } else {
    expected = (s.sum(measure, baseline.from, baseline.to) * w) / b;
  }
  const lambda = Math.max(expected, w / b);
  const pValue = poissonTail(observed, lambda);
  const ratio = observed / lambda;
  const alpha = ALPHA[rule.sensitivity];
  const what = measure === 'total' ? 'mentions' : `${measure} mentions`;
  let reason: string;
  if (observed < rule.minCount) reason = `${observed} ${what}, fewer than minCount ${rule.minCount}`;
  else if (ratio < MIN_RATIO[rule.sensitivity]) reason = `${observed} ${what} is ${ratio.toFixed(2)}× the expected ${expected.toFixed(1)}`;
  else if (pValue >= alpha) reason = `${observed} ${what} vs ${expected.toFixed(1)} expected is within normal variation (p=${fmtP(pValue)})`;
  else reason = `${observed} ${what} vs ${expected.toFixed(1)} expected (${ratio.toFixed(1)}×, p=${fmtP(pValue)})`;
  const fires = observed >= rule.minCount && ratio >= MIN_RATIO[rule.sensitivity] && pValue < alpha;
  const severity: Severity = pValue < 1e-6 && ratio >= 3 ? 'high' : pValue < 1e-4 && ratio >= 2 ? 'medium' : 'low';
  return { fires, observed, expected, unit: 'mentions', sample: s.sum('total', window.from, window.to), pValue, severity, reason };
}

function netDrop(rule: RuleMath, s: HourlySeries, window: Range, baseline: Range): Verdict {
  const n = s.sum('total', window.from, window.to);
  const nb = s.sum('total', baseline.from, baseline.to);
  const net = (r: Range, total: number) => (total ? (s.sum('positive', r.from, r.to) - s.sum('negative', r.from, r.to)) / total : 0);
  const observed = net(window, n);
  const expected = net(baseline, nb);
  const polar = nb ? (s.sum('positive', baseline.from, baseline.to) + s.sum('negative', baseline.from, baseline.to)) / nb : 0;
  // Each mention scores +1/0/-1; floor the variance so a perfectly uniform baseline does not make any dip "certain".
  const variance = Math.max(0.1, polar - expected * expected);
  return dropVerdict(rule, { observed, expected, n, nb, variance, minDrop: MIN_NET_DROP[rule.sensitivity], unit: 'net_sentiment', label: 'net sentiment' });
}

function starsDrop(rule: RuleMath, s: HourlySeries, window: Range, baseline: Range): Verdict {
  const n = s.sum('starsCount', window.from, window.to);
  const nb = s.sum('starsCount', baseline.from, baseline.to);
  const observed = n ? s.sum('starsSum', window.from, window.to) / n : 0;
  const expected = nb ? s.sum('starsSum', baseline.from, baseline.to) / nb : 0;
  const variance = Math.max(0.25, nb ? s.sum('starsSq', baseline.from, baseline.to) / nb - expected * expected : 0);
  return dropVerdict(rule, { observed, expected, n, nb, variance, minDrop: MIN_STARS_DROP[rule.sensitivity], unit: 'stars', label: 'average stars' });
}

function dropVerdict(
  rule: RuleMath,
  v: { observed: number; expected: number; n: number; nb: number; variance: number; minDrop: number; unit: 'net_sentiment' | 'stars'; label: string },
): Verdict {
  const drop = v.expected - v.observed;
  const se = Math.sqrt(v.variance / Math.max(v.n, 1) + v.variance / Math.max(v.nb, 1));
  const z = drop / se;
  const pValue = v.n && v.nb ? normalTail(z) : 1;
  const alpha = ALPHA[rule.sensitivity];
  const enough = v.n >= rule.minCount && v.nb >= rule.minCount;
  const fires = enough && drop >= v.minDrop && pValue < alpha;
  const numbers = `${v.label} ${v.observed.toFixed(2)} vs ${v.expected.toFixed(2)} in the baseline`;
  const reason = !enough
    ? `${v.n} mentions in the window and ${v.nb} in the baseline, fewer than minCount ${rule.minCount}`
    : drop < v.minDrop
      ? `${numbers}: a drop of ${drop.toFixed(2)} is under ${v.minDrop}`
      : `${numbers} (drop ${drop.toFixed(2)}, p=${fmtP(pValue)})`;
  const severity: Severity = drop >= 2 * v.minDrop && pValue < 1e-4 ? 'high' : drop >= 1.5 * v.minDrop && pValue < 1e-3 ? 'medium' : 'low';
  return { fires, observed: v.observed, expected: v.expected, unit: v.unit, sample: v.n, pValue, severity, reason };
}

function fmtP(p: number): string {
  return p < 1e-4 ? p.toExponential(1) : p.toFixed(4);
}
