import { aggregate } from 'mingo';
import type { Options } from 'mingo/types';
import type { Pipeline } from './store.js';

/**
 * mingo's default entry point registers every operator it has (pipeline: $match $group $sort
 * $project $addFields $set $unwind $limit $skip $facet $bucket $lookup $count …; expressions:
 * $dateToString $dateTrunc $cond $ifNull $in $isNumber …; accumulators: $sum $avg $first $push …),
 * so report pipelines need no further setup. Script operators ($where, $function, $accumulator)
 * are disabled: MongoDB refuses them in our pipelines too, and they would run user-supplied code.
 */
const BASE_OPTIONS: Partial<Options> = { scriptEnabled: false, useStrictMode: true };

/** Runs `pipeline` over `docs` the way MongoDB would; `resolve` supplies `$lookup`/`$unionWith` collections. */
export function runPipeline(
  docs: Record<string, unknown>[],
  pipeline: Pipeline,
  resolve?: (collection: string) => Record<string, unknown>[],
): Record<string, unknown>[] {
  const options: Partial<Options> = resolve ? { ...BASE_OPTIONS, collectionResolver: resolve } : BASE_OPTIONS;
  return aggregate(docs, pipeline, options) as Record<string, unknown>[];
}
