/**
 * NPS classes from public data, as aggregation conditions on a mention (the advocacy report counts them over a range;
 * rollups count them per bucket, so a range's NPS is a sum of buckets).
 *
 * Rated: ≥ 4.5 stars promoter, ≥ 3.5 passive, else detractor (5 / 4 / 1–3 on a five-star scale; normalised ratings
 * like 8/10 = 4.2 fall in between). Text only: a `recommend` intent or clearly positive text (score ≥ 0.5) is a
 * promoter, negative text or a `churn` intent a detractor, anything else passive.
 */
export const hasIntent = (intent: string) => ({ $in: [intent, { $ifNull: ['$intents', []] }] });

const isRated = { $isNumber: '$stars' };
const textDetractor = { $or: [{ $eq: ['$sentiment.label', 'negative'] }, hasIntent('churn')] };
const textPromoter = { $or: [hasIntent('recommend'), { $and: [{ $eq: ['$sentiment.label', 'positive'] }, { $gte: ['$sentiment.score', 0.5] }] }] };

/**
 * What is counted per class; the other classes follow from them and from the mention and rated (`stars`) counts
 * (`npsCounts` in the advocacy report).
 */
export const NPS_COUNTERS = ['ratedPromoters', 'ratedPassives', 'textPromoters', 'textDetractors'] as const;
export type NpsCounters = Record<(typeof NPS_COUNTERS)[number], number>;

/** The condition each counter counts. */
export const NPS_CONDITIONS: Record<(typeof NPS_COUNTERS)[number], Record<string, unknown>> = {
  ratedPromoters: { $and: [isRated, { $gte: ['$stars', 4.5] }] },
  ratedPassives: { $and: [isRated, { $lt: ['$stars', 4.5] }, { $gte: ['$stars', 3.5] }] },
  textPromoters: { $cond: [isRated, false, { $cond: [textDetractor, false, textPromoter] }] },
  textDetractors: { $cond: [isRated, false, textDetractor] },
};
