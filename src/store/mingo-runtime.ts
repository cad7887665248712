import { createRequire } from 'node:module';
import type * as Mingo from 'mingo';
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

/**
 * mingo is loaded on the first pipeline that needs it, not when the store opens: it is ~300 files and, cold, the
 * largest part of a short command's start-up, while a report that SQL answers whole (trend, sov on rollups) never
 * runs it. Its CommonJS build is what `import 'mingo'` loads under Node too, so `require` loads the same module.
 */
let aggregateWithMingo: typeof Mingo.aggregate | undefined;
function mingoAggregate(): typeof Mingo.aggregate {
  aggregateWithMingo ??= (createRequire(import.meta.url)('mingo') as typeof Mingo).aggregate;
  return aggregateWithMingo;
}

/** Runs `pipeline` over `docs` the way MongoDB would; `resolve` supplies `$lookup`/`$unionWith` collections. */
export function runPipeline(
  docs: Record<string, unknown>[],
  pipeline: Pipeline,
  resolve?: (collection: string) => Record<string, unknown>[],
): Record<string, unknown>[] {
  const options: Partial<Options> = resolve ? { ...BASE_OPTIONS, collectionResolver: resolve } : BASE_OPTIONS;
  return mingoAggregate()(docs, pipeline, options) as Record<string, unknown>[];
}

/**
 * `$project` of `docs` by `projection`. A plain inclusion of top-level fields (`{publishedAt: 1}`, the common case
 * of a lookup) is done here, as MongoDB does it: the listed fields a document has, and `_id` unless `_id: 0`.
 * Anything else (dotted paths, exclusions, expressions) runs in mingo.
 */
export function project(docs: Record<string, unknown>[], projection: Record<string, unknown>): Record<string, unknown>[] {
  const keys = Object.keys(projection);
  const plain = keys.every((k) => !k.includes('.') && !k.startsWith('$') && (projection[k] === 1 || projection[k] === true || (k === '_id' && (projection[k] === 0 || projection[k] === false))));
  if (!plain) return runPipeline(docs, [{ $project: projection }]);
  const fields = keys.filter((k) => k !== '_id');
  const withId = projection._id === undefined || projection._id === 1 || projection._id === true;
  return docs.map((d) => {
    const out: Record<string, unknown> = {};
    if (withId && '_id' in d) out._id = d._id;
    for (const f of fields) if (d[f] !== undefined) out[f] = d[f];
    return out;
  });
}
