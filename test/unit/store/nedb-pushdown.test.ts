import { describe, expect, it } from 'vitest';
import { nedbPushdown } from '../../../src/store/nedb-pushdown.js';

const d1 = new Date('2024-03-01T00:00:00Z');
const d2 = new Date('2024-03-02T00:00:00Z');

describe('what the embedded store hands to nedb', () => {
  it('plain equality, $in and a date range on an indexed field go to nedb whole (index-friendly)', () => {
    const filter = { brand: 'acme', 'source.name': { $in: ['a', 'b'] }, publishedAt: { $gte: d1, $lt: d2 } };
    expect(nedbPushdown(filter)).toEqual({ query: filter, exact: true });
  });

  it('a two-sided range on a field that may hold an array is split, so each bound may match a different element', () => {
    expect(nedbPushdown({ 'themes.score': { $gt: 0.4, $lt: 0 } })).toEqual({
      query: { $and: [{ 'themes.score': { $gt: 0.4 } }, { 'themes.score': { $lt: 0 } }] },
      exact: true,
    });
  });

  it.each([
    ['$nin', { intents: { $nin: ['churn'] } }],
    ['$ne', { brand: { $ne: 'acme' } }],
    ['$exists', { stars: { $exists: false } }],
    ['null', { duplicateOf: null }],
    ['$eq', { brand: { $eq: 'acme' } }],
    ['$expr', { $expr: { $gt: ['$a', 1] } }],
    ['$regex', { text: { $regex: 'x' } }],
    ['a boolean range', { scored: { $gt: false } }],
    ['a subdocument match', { source: { kind: 'rss', name: 'n' } }],
  ])('%s is left to mingo (nedb differs from MongoDB or lacks it)', (_name, filter) => {
    expect(nedbPushdown(filter)).toEqual({ query: {}, exact: false });
  });

  it('the pushable part of a mixed filter still narrows the candidates', () => {
    expect(nedbPushdown({ brand: 'acme', duplicateOf: null, stars: { $gte: 4, $exists: true } })).toEqual({
      query: { brand: 'acme', stars: { $gte: 4 } },
      exact: false,
    });
  });

  it('an $or with a branch nedb cannot evaluate is dropped entirely (dropping one branch would lose matches)', () => {
    expect(nedbPushdown({ brand: 'acme', $or: [{ stars: 5 }, { duplicateOf: null }] })).toEqual({
      query: { brand: 'acme' },
      exact: false,
    });
    expect(nedbPushdown({ $or: [{ stars: 5 }, { brand: 'x' }] })).toEqual({
      query: { $or: [{ stars: 5 }, { brand: 'x' }] },
      exact: true,
    });
  });
});
