import { CronExpressionParser } from 'cron-parser';
import { describe, expect, it } from 'vitest';
import { isPlainCron, isValidCron } from '../../../src/domain/cron.js';

const parserAccepts = (e: string) => {
  try {
    CronExpressionParser.parse(e);
    return e.trim().split(/\s+/).length >= 5;
  } catch {
    return false;
  }
};

/** Field values to combine: valid, out of range, reversed ranges, zero steps, lists, names, specials. */
const PARTS = ['*', '0', '5', '59', '60', '*/15', '*/0', '1-5', '5-1', '1-5/2', '0,30', '1,,2', '31', '2', '12', '13', '7', '8', 'MON', 'L', '?', '1/5', '00', '24', '30'];

describe('config checks everyday cron expressions without loading cron-parser', () => {
  it('accepts on its own only what cron-parser accepts, and agrees with it on every sampled expression', () => {
    let plain = 0;
    let seed = 42;
    const pick = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return PARTS[seed % PARTS.length]!;
    };
    for (let i = 0; i < 20_000; i++) {
      const expr = Array.from({ length: i % 4 === 0 ? 6 : 5 }, pick).join(' ');
      if (isPlainCron(expr)) {
        plain++;
        expect(parserAccepts(expr), expr).toBe(true);
      }
      expect(isValidCron(expr), expr).toBe(parserAccepts(expr));
    }
    expect(plain).toBeGreaterThan(100);
  });

  it('answers the everyday forms itself and leaves names, specials and Feb 30 to cron-parser', () => {
    for (const e of ['0 */6 * * *', '*/15 * * * *', '30 8 * * 1-5', '0 0 1 * *', '0 9 * 1 *', '0 0 * * * *']) expect(isPlainCron(e), e).toBe(true);
    for (const e of ['0 8 * * MON', '0 0 L * *', '0 0 30 2 *', '0 0 31 4 *']) expect(isPlainCron(e), e).toBe(false);
    expect(isValidCron('0 8 * * MON')).toBe(true);
    expect(isValidCron('0 0 30 2 *')).toBe(false);
    expect(isValidCron('0 24 * * *')).toBe(false);
    expect(isValidCron('*/0 * * * *')).toBe(false);
    expect(isValidCron('0 * * *')).toBe(false);
  });
});
