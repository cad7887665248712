import { describe, expect, it } from 'vitest';
import { backtest } from '../../../src/alerts/backtest.js';
import { inCooldown } from '../../../src/alerts/cooldown.js';
import { evaluate } from '../../../src/alerts/evaluate.js';
import { DAY_MS, endOfDay, poisson, prng, rule, seriesOf, T0 } from './synthetic.js';

describe('negative_spike on synthetic series', () => {
  it('when negatives arrive at a flat Poisson rate for 90 days, a low-sensitivity rule never fires', () => {
    const rand = prng(42);
    const { series } = seriesOf(90, () => ({ negative: poisson(10, rand), positive: poisson(30, rand) }));
    const result = backtest(rule({ sensitivity: 'low' }), series, T0 + 30 * DAY_MS, endOfDay(89));
    expect(result.evaluated).toBeGreaterThan(1400);
    expect(result.firings).toEqual([]);
  });

  it('when a real burst lands on a quiet brand, it fires with the observed and expected counts and high severity', () => {
    const { series } = seriesOf(40, (d) => ({ negative: d === 39 ? 30 : 5, positive: 20 }));
    const e = evaluate(rule(), series, endOfDay(39));
    expect(e.fires).toBe(true);
    expect(e.observed).toBe(30);
    expect(e.expected).toBeCloseTo(5, 5);
    expect(e.severity).toBe('high');
    expect(e.pValue).toBeLessThan(1e-6);
    expect(e.reason).toMatch(/30 negative mentions vs 5\.0 expected/);
  });

  it('when a day merely doubles a busy normal, the ratio and tail test agree it is a spike; +20% is not', () => {
    const doubled = seriesOf(40, (d) => ({ negative: d === 39 ? 100 : 50 }));
    expect(evaluate(rule(), doubled.series, endOfDay(39)).fires).toBe(true);
    const bumped = seriesOf(40, (d) => ({ negative: d === 39 ? 60 : 50 }));
    const e = evaluate(rule(), bumped.series, endOfDay(39));
    expect(e.fires).toBe(false);
    expect(e.reason).toMatch(/1\.20× the expected/);
  });

  it('when 2 negatives follow weeks of none, it does not fire (minCount), though the tail probability is tiny', () => {
    const { series } = seriesOf(40, (d) => ({ negative: d === 39 ? 2 : 0, positive: 3 }));
    const e = evaluate(rule(), series, endOfDay(39));
    expect(e.pValue).toBeLessThan(0.01);
    expect(e.fires).toBe(false);
    expect(e.reason).toMatch(/fewer than minCount 5/);
  });

  it('when weekends are always busier, weekly seasonality keeps Saturdays quiet that a flat baseline would flag', () => {
    // T0 is a Monday: days 5 and 6 of each week are the weekend.
    const weekly = (d: number) => ({ negative: d % 7 >= 5 ? 24 : 6, positive: 20 });
    const { series } = seriesOf(40, weekly);
    const saturday = 33; // 33 % 7 === 5
    const flat = evaluate(rule({ seasonality: 'none' }), series, endOfDay(saturday));
    const seasonal = evaluate(rule({ seasonality: 'weekly' }), series, endOfDay(saturday));
    expect(flat.fires).toBe(true);
    expect(seasonal.fires).toBe(false);
    expect(seasonal.expected).toBeCloseTo(24, 5);
    // …and a real spike on a Saturday still fires against Saturdays.
    const spiky = seriesOf(40, (d) => (d === saturday ? { negative: 70, positive: 20 } : weekly(d)));
    expect(evaluate(rule({ seasonality: 'weekly' }), spiky.series, endOfDay(saturday)).fires).toBe(true);
  });

  it('when a spike lasts three days, the cooldown lets one alert out per cooldown period', () => {
    const { series } = seriesOf(45, (d) => ({ negative: d >= 40 && d <= 42 ? 40 : 4, positive: 20 }));
    const daily = backtest(rule({ cooldown: '1d' }), series, T0 + 35 * DAY_MS, endOfDay(44));
    const weekly = backtest(rule({ cooldown: '7d' }), series, T0 + 35 * DAY_MS, endOfDay(44));
    expect(weekly.firings).toHaveLength(1);
    expect(daily.firings.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < daily.firings.length; i++) {
      expect(daily.firings[i]!.at - daily.firings[i - 1]!.at).toBeGreaterThanOrEqual(DAY_MS);
    }
    expect(weekly.suppressed).toBeGreaterThan(0);
    expect(new Date(weekly.firings[0]!.at).toISOString().slice(0, 10)).toBe('2024-02-10');
  });
});

describe('other rule kinds', () => {
  it('churn_spike counts churn intents, not negatives', () => {
    const { series } = seriesOf(40, (d) => ({ negative: 20, churn: d === 39 ? 15 : 1 }));
    expect(evaluate(rule({ kind: 'churn_spike' }), series, endOfDay(39)).fires).toBe(true);
    expect(evaluate(rule({ kind: 'negative_spike' }), series, endOfDay(39)).fires).toBe(false);
  });

  it('volume_spike with sentiment positive catches a positive moment taking off', () => {
    const { series } = seriesOf(40, (d) => ({ positive: d === 39 ? 120 : 20, negative: 5 }));
    const e = evaluate(rule({ kind: 'volume_spike', filters: { sentiment: 'positive' } }), series, endOfDay(39));
    expect(e.fires).toBe(true);
    expect(e.observed).toBe(120);
  });

  it('sentiment_drop fires when net sentiment falls hard on enough mentions, not on a small dip', () => {
    const base = { positive: 14, negative: 2, neutral: 4 }; // net 0.6
    const crash = seriesOf(40, (d) => (d === 39 ? { positive: 4, negative: 12, neutral: 4 } : base));
    const e = evaluate(rule({ kind: 'sentiment_drop' }), crash.series, endOfDay(39));
    expect(e.fires).toBe(true);
    expect(e.unit).toBe('net_sentiment');
    expect(e.observed).toBeCloseTo(-0.4, 5);
    expect(e.expected).toBeCloseTo(0.6, 5);
    const dip = seriesOf(40, (d) => (d === 39 ? { positive: 12, negative: 3, neutral: 5 } : base));
    expect(evaluate(rule({ kind: 'sentiment_drop' }), dip.series, endOfDay(39)).fires).toBe(false);
  });

  it('rating_drop fires when average stars fall, and not with too few rated mentions', () => {
    const good = [5, 5, 4, 5, 4, 5, 4, 5];
    const bad = [1, 2, 1, 3, 2, 1];
    const { series } = seriesOf(40, (d) => ({ positive: 8, stars: d === 39 ? bad : good }));
    const e = evaluate(rule({ kind: 'rating_drop' }), series, endOfDay(39));
    expect(e.fires).toBe(true);
    expect(e.observed).toBeCloseTo(10 / 6, 5);
    expect(e.expected).toBeCloseTo(4.625, 5);
    const few = seriesOf(40, (d) => ({ positive: 8, stars: d === 39 ? [1, 1] : good }));
    expect(evaluate(rule({ kind: 'rating_drop' }), few.series, endOfDay(39)).fires).toBe(false);
  });
});

describe('inCooldown', () => {
  it('holds for the cooldown after the last firing and not before any firing', () => {
    const t = Date.UTC(2024, 5, 1, 12);
    expect(inCooldown(undefined, t, '6h')).toBe(false);
    expect(inCooldown(t, t + 5 * 3_600_000, '6h')).toBe(true);
    expect(inCooldown(t, t + 6 * 3_600_000, '6h')).toBe(false);
  });
});
