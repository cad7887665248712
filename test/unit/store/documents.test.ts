import { describe, expect, it } from 'vitest';
import { assertCollectionName, assertReadOnlyPipeline, sameContent, storable } from '../../../src/store/documents.js';
import { StoreInputError } from '../../../src/store/errors.js';

describe('documents as both stores keep them', () => {
  it('undefined fields are dropped (MongoDB would store null), dates are copied, not shared', () => {
    const at = new Date('2024-01-01T00:00:00Z');
    const out = storable({ a: undefined, b: { c: undefined, at }, list: [1, undefined] });
    expect(out).toEqual({ b: { at }, list: [1, null] });
    expect('a' in out).toBe(false);
    expect(out.b.at).not.toBe(at);
  });

  it('a field name with a dot or a leading $ is refused with its path (neither backend can query it)', () => {
    expect(() => storable({ meta: { 'app.version': '1.2' } }, 'mention x')).toThrow(StoreInputError);
    expect(() => storable({ meta: { 'app.version': '1.2' } }, 'mention x')).toThrow(/^mention x\.meta\.app\.version: field names/);
    expect(() => storable({ $set: 1 })).toThrow(/field names must not start with "\$"/);
    expect(() => storable({ at: new Date('nope') })).toThrow(/invalid date/);
  });

  it('sameContent compares dates by time and ignores key order and undefined fields', () => {
    expect(sameContent({ a: 1, at: new Date(5), x: undefined }, { at: new Date(5), a: 1 })).toBe(true);
    expect(sameContent({ at: new Date(5) }, { at: new Date(6) })).toBe(false);
    expect(sameContent({ list: [1, 2] }, { list: [2, 1] })).toBe(false);
    expect(sameContent({ at: new Date(5) }, { at: '1970-01-01T00:00:00.005Z' })).toBe(false);
  });

  it('collection names that could escape the data dir or hit MongoDB system namespaces are refused', () => {
    for (const bad of ['../x', 'a/b', 'system.users', '', '.hidden', 'x'.repeat(65)]) {
      expect(() => assertCollectionName(bad)).toThrow(/invalid collection name/);
    }
    expect(() => assertCollectionName('scheduleRuns')).not.toThrow();
  });

  it('write stages are refused so a report cannot modify data', () => {
    expect(() => assertReadOnlyPipeline([{ $merge: { into: 'x' } }])).toThrow(/\$merge is not allowed/);
    expect(() => assertReadOnlyPipeline([{ $match: {}, $limit: 1 }])).toThrow(/exactly one operator/);
  });
});
