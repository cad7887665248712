import type { Mention } from '../src/domain/mention.js';
import { refreshRollups, touchedBuckets } from '../src/store/rollups.js';
import type { UpsertResult } from '../src/store/store.js';
import type { PipelineDeps } from './deps.js';

/**
 * The ingest stage: upsert by `_id`, recompute every rollup bucket the batch touches (including a bucket a
 * re-analysed mention moved out of), then ask for alert detection once per brand and minute.
 */
export async function ingestBatch(deps: PipelineDeps, mentions: Mention[], now = new Date()): Promise<UpsertResult> {
  const before = await deps.store.findMentions(
    { _id: { $in: mentions.map((m) => m._id) } },
    { projection: { _id: 1, brand: 1, publishedAt: 1, source: 1 } },
  );
  const result = await deps.store.upsertMentions(mentions);
  await refreshRollups(deps.store, touchedBuckets([...before, ...mentions]));
  if (deps.detectAfterIngest === false) return result;
  const minute = now.toISOString().slice(0, 16);
  for (const brand of new Set(mentions.map((m) => m.brand))) {
    await deps.queue.enqueue('detect', { brand }, { jobId: `detect:${brand}:${minute}` });
  }
  return result;
}
