import { describe, expect, it } from 'vitest';
import { AlertRule, Channel, durationMs } from '../../../src/domain/alert.js';
import { Goal } from '../../../src/domain/goal.js';
import { normalTail, poissonTail } from '../../../src/alerts/stats.js';

describe('tail probabilities', () => {
  it('poissonTail matches closed forms and tabulated values', () => {
    expect(poissonTail(0, 3)).toBe(1);
    expect(poissonTail(1, 1)).toBeCloseTo(1 - Math.exp(-1), 10);
    expect(poissonTail(15, 5)).toBeCloseTo(0.000226, 6); // 1 − CDF(14; 5)
    expect(poissonTail(3, 10)).toBeCloseTo(1 - Math.exp(-10) * (1 + 10 + 50), 10);
    expect(poissonTail(1200, 1000)).toBeLessThan(1e-9);
    expect(poissonTail(1, 0)).toBe(0);
  });

  it('normalTail gives the familiar one-sided p-values', () => {
    expect(normalTail(0)).toBeCloseTo(0.5, 6);
    expect(normalTail(1.96)).toBeCloseTo(0.025, 4);
    expect(normalTail(-1.645)).toBeCloseTo(0.95, 3);
  });
});

describe('alert config schemas', () => {
  it('fills defaults a user would expect and reads durations', () => {
    const r = AlertRule.parse({ name: 'nw-neg', kind: 'negative_spike', brand: 'northwind' });
    expect(r).toMatchObject({ window: '24h', baseline: '28d', sensitivity: 'medium', minCount: 5, cooldown: '6h', channels: [] });
    expect(durationMs('90m')).toBe(5_400_000);
    expect(durationMs('2w')).toBe(14 * 86_400_000);
  });

  it('rejects a bad duration, a typo in a field name, and a baseline shorter than twice the window', () => {
    expect(AlertRule.safeParse({ name: 'a', kind: 'negative_spike', brand: 'b', window: '1 day' }).error?.issues[0]?.message).toMatch(/duration like 30m/);
    expect(AlertRule.safeParse({ name: 'a', kind: 'negative_spike', brand: 'b', cooldow: '1h' }).success).toBe(false);
    expect(AlertRule.safeParse({ name: 'a', kind: 'negative_spike', brand: 'b', window: '7d', baseline: '10d' }).error?.issues[0]?.message).toMatch(
      /at least twice the window/,
    );
  });

  it('checks channels by type: webhook secrets are long enough, email needs recipients', () => {
    expect(Channel.safeParse({ type: 'webhook', url: 'http://127.0.0.1:9/hook', secret: 'short' }).success).toBe(false);
    expect(Channel.safeParse({ type: 'email', host: 'smtp.example', from: 'a@b.c', to: [] }).success).toBe(false);
    expect(Channel.parse({ type: 'slack', webhookUrl: 'https://hooks.slack.com/services/x' })).toMatchObject({ timeoutMs: 10_000 });
    expect(Channel.safeParse({ type: 'pager', url: 'http://x' }).success).toBe(false);
  });

  it('a goal needs exactly one bound, and theme-only metrics need a theme', () => {
    expect(Goal.safeParse({ metric: 'net_sentiment', min: 0.4 }).success).toBe(true);
    expect(Goal.safeParse({ metric: 'net_sentiment', min: 0.4, max: 0.9 }).success).toBe(false);
    expect(Goal.safeParse({ metric: 'share', min: 0.2 }).success).toBe(false);
    expect(Goal.safeParse({ metric: 'stars', theme: 'delivery', min: 4 }).success).toBe(false);
  });
});
