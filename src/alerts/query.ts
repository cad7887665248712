import type { AlertFilters } from '../domain/alert.js';
import { COUNTED, DATED, IS_DATED_EXPR } from '../domain/mention.js';
import type { Pipeline } from '../store/store.js';
import type { HourBucket } from './series.js';

/** The mentions a rule looks at: one brand, its filters, duplicates counted once, published in [from, to). */
export function ruleMatch(brand: string, filters: AlertFilters, from: Date, to: Date): Record<string, unknown> {
  return {
    brand,
    publishedAt: { $gte: from, $lt: to },
    ...(filters.source ? { 'source.name': filters.source } : {}),
    ...(filters.theme ? { 'themes.theme': filters.theme } : {}),
  };
}

const countIf = (cond: unknown) => ({ $sum: { $cond: [cond, 1, 0] } });
const stars = { $ifNull: ['$stars', 0] };

/**
 * Hourly buckets of a brand's mentions for the detector (runs on MongoDB and the embedded store). With a theme
 * filter, positive/negative are the theme's own labels (a mention can be happy overall and angry about delivery).
 */
export function hourlyPipeline(brand: string, filters: AlertFilters, from: Date, to: Date): Pipeline {
  const label = filters.theme ? '$themes.label' : '$sentiment.label';
  return [
    { $match: ruleMatch(brand, filters, from, to) },
    { $match: { ...COUNTED } },
    ...(filters.theme ? [{ $unwind: '$themes' }, { $match: { 'themes.theme': filters.theme } }] : []),
    {
      $group: {
        // An undated mention (dated at collection, see DATED) goes to a null bucket that `toBucket`'s callers drop:
        // the hour it was collected says nothing about when it was written, so it must not make a spike.
        _id: { $cond: [IS_DATED_EXPR, { $dateTrunc: { date: '$publishedAt', unit: 'hour' } }, null] },
        total: { $sum: 1 },
        positive: countIf({ $eq: [label, 'positive'] }),
        negative: countIf({ $eq: [label, 'negative'] }),
        neutral: countIf({ $eq: [label, 'neutral'] }),
        churn: countIf({ $in: ['churn', { $ifNull: ['$intents', []] }] }),
        starsSum: { $sum: stars },
        starsSq: { $sum: { $multiply: [stars, stars] } },
        starsCount: countIf({ $isNumber: '$stars' }),
      },
    },
    { $sort: { _id: 1 } },
  ];
}

/** A row of `hourlyPipeline` as a series bucket. */
export function toBucket(row: Record<string, unknown>): HourBucket {
  const n = (k: string) => (typeof row[k] === 'number' ? (row[k] as number) : 0);
  const id = row._id;
  return {
    t: id instanceof Date ? id.getTime() : new Date(String(id)).getTime(),
    total: n('total'),
    positive: n('positive'),
    negative: n('negative'),
    neutral: n('neutral'),
    churn: n('churn'),
    starsSum: n('starsSum'),
    starsSq: n('starsSq'),
    starsCount: n('starsCount'),
  };
}

/**
 * The mentions quoted in an alert: those in the window that match what fired (negative for a negative spike or a
 * drop, churn intent for churn), most engaged and lowest rated first.
 */
export function examplesPipeline(
  brand: string,
  filters: AlertFilters,
  kind: string,
  from: Date,
  to: Date,
  limit: number,
): Pipeline {
  const what: Record<string, unknown> =
    kind === 'churn_spike'
      ? { intents: 'churn' }
      : kind === 'volume_spike'
        ? filters.sentiment
          ? { 'sentiment.label': filters.sentiment }
          : {}
        : { 'sentiment.label': 'negative' };
  const engagement = (f: string) => ({ $ifNull: [`$engagement.${f}`, 0] });
  return [
    { $match: { ...ruleMatch(brand, filters, from, to), ...what } },
    { $match: { ...COUNTED, ...DATED } },
    {
      $addFields: {
        _eng: { $add: [engagement('likes'), engagement('shares'), engagement('comments'), engagement('upvotes')] },
        _stars: { $ifNull: ['$stars', 3] },
      },
    },
    // `_id` last: ties cut by `$limit` pick the same mentions on both stores.
    { $sort: kind === 'volume_spike' ? { _eng: -1, publishedAt: -1, _id: 1 } : { _stars: 1, 'sentiment.score': 1, _eng: -1, publishedAt: -1, _id: 1 } },
    { $limit: limit },
    { $project: { _id: 1, url: 1, source: 1, title: 1, text: 1, stars: 1, publishedAt: 1 } },
  ];
}
