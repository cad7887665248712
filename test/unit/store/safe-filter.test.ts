import { describe, expect, it } from 'vitest';
import { UnsafeFilterError } from '../../../src/store/errors.js';
import { assertSafeFilter, safeFilter } from '../../../src/store/safe-filter.js';

describe('assertSafeFilter on user-supplied filters', () => {
  it('accepts plain field equality with strings, numbers, booleans, null, dates and arrays', () => {
    const filter = { brand: 'acme', stars: 5, scored: true, duplicateOf: null, at: new Date(0), tags: ['a', 'b'], source: { name: 'x' } };
    expect(safeFilter(filter)).toBe(filter);
  });

  it.each([
    ['a $where script', { $where: 'sleep(1000)' }, /filter\.\$where: keys starting with "\$"/],
    ['an operator hidden in a value', { brand: { $ne: null } }, /filter\.brand\.\$ne/],
    ['an operator inside an array element', { brand: [{ $gt: '' }] }, /filter\.brand\[0\]\.\$gt/],
    ['a dotted key reaching into another field', { 'author.handle': 'x' }, /keys containing "\." are not allowed/],
    ['an $expr at the top', { $expr: { $eq: [1, 1] } }, /\$expr/],
    ['a prototype key from JSON', JSON.parse('{"__proto__": {"polluted": true}}'), /"__proto__" is not allowed/],
  ])('rejects %s', (_name, filter, message) => {
    expect(() => assertSafeFilter(filter)).toThrow(UnsafeFilterError);
    expect(() => assertSafeFilter(filter)).toThrow(message);
  });

  it('rejects things that are not plain data: functions, regexes, non-finite numbers, non-objects', () => {
    expect(() => assertSafeFilter({ f: () => 1 })).toThrow(/a function is not allowed/);
    expect(() => assertSafeFilter({ r: /x/ })).toThrow(/only plain objects/);
    expect(() => assertSafeFilter({ n: Number.NaN })).toThrow(/finite/);
    expect(() => assertSafeFilter('brand=acme')).toThrow(/filter must be an object/);
    expect(() => assertSafeFilter(['a'])).toThrow(/filter must be an object/);
  });

  it('rejects absurdly deep nesting instead of recursing without bound', () => {
    let deep: Record<string, unknown> = { v: 1 };
    for (let i = 0; i < 50; i++) deep = { a: deep };
    expect(() => assertSafeFilter(deep)).toThrow(/nested deeper than 8 levels/);
  });
});
