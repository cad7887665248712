import { describe, expect, it } from 'vitest';
import { buildRollups, rollupPipeline, themeKey, touchedBuckets } from '../../../src/store/rollups.js';

describe('rollup buckets', () => {
  it('a batch touches one bucket per brand × UTC day × source, whatever the local time zone', () => {
    const keys = touchedBuckets([
      { brand: 'acme', publishedAt: new Date('2024-03-01T23:59:59Z'), source: { name: 'rss' } },
      { brand: 'acme', publishedAt: new Date('2024-03-01T00:00:00Z'), source: { name: 'rss' } },
      { brand: 'acme', publishedAt: '2024-03-02T00:00:00Z', source: { name: 'rss' } },
      { brand: 'globex', publishedAt: new Date('2024-03-01T12:00:00Z'), source: { name: 'rss' } },
    ]);
    expect(keys).toEqual([
      { brand: 'acme', day: '2024-03-01', source: 'rss' },
      { brand: 'acme', day: '2024-03-02', source: 'rss' },
      { brand: 'globex', day: '2024-03-01', source: 'rss' },
    ]);
  });

  it('an invalid publishedAt is reported instead of producing a bucket "Invalid Date"', () => {
    expect(() => touchedBuckets([{ brand: 'acme', publishedAt: 'yesterday', source: { name: 'rss' } }])).toThrow(/invalid publishedAt/);
  });

  it('the pipeline selects per brand only the touched sources over the touched days', () => {
    const [first] = rollupPipeline([
      { brand: 'acme', day: '2024-03-05', source: 'rss' },
      { brand: 'acme', day: '2024-03-01', source: 'reddit' },
    ]);
    expect(first).toEqual({
      $match: {
        brand: 'acme',
        'source.name': { $in: ['rss', 'reddit'] },
        publishedAt: { $gte: new Date('2024-03-01T00:00:00Z'), $lt: new Date('2024-03-06T00:00:00Z') },
      },
    });
  });

  it('rows for buckets nobody asked about (caught by the wide $match) are not written', () => {
    const row = (day: string) => ({
      _id: { brand: 'acme', day, source: 'rss' },
      sourceKind: 'rss',
      total: 1, positive: 1, negative: 0, neutral: 0, scoreSum: 0.5, starsSum: 0, starsCount: 0, churn: 0, recommend: 0, engagement: 0, ratedPromoters: 0, ratedPassives: 0, textPromoters: 1, textDetractors: 0,
    });
    const docs = buildRollups([{ brand: 'acme', day: '2024-03-01', source: 'rss' }], {
      totals: [row('2024-03-01'), row('2024-03-02')],
      themes: [{ _id: { brand: 'acme', day: '2024-03-01', source: 'rss', theme: 'v1.2' }, total: 1, positive: 1, negative: 0, neutral: 0, scoreSum: 0.5, starsSum: 4, starsCount: 1, churn: 0 }],
    });
    expect(docs.map((d) => d._id)).toEqual(['acme:2024-03-01:rss']);
    expect(docs[0]?.themes).toEqual({ v1_2: { total: 1, positive: 1, negative: 0, neutral: 0, scoreSum: 0.5, starsSum: 4, starsCount: 1, churn: 0 } });
  });

  it('theme ids that MongoDB could not use as field names are made safe', () => {
    expect(themeKey('$price.total')).toBe('_price_total');
    expect(themeKey('customer-service')).toBe('customer-service');
  });
});
