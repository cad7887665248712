import type { Mention } from '../src/domain/mention.js';
import { refreshBucketsOf } from '../src/store/rollups.js';
import type { UpsertResult } from '../src/store/store.js';
import { withBrandLease } from './brand-lock.js';
import { type BatchRef, recordBatchStored } from './cursor-commit.js';
import type { PipelineDeps } from './deps.js';
import { markDirty } from './detect-dirty.js';
import { type Candidate, markAroundUpsert } from './duplicates.js';

/**
 * The ingest stage, per brand and one batch of a brand at a time across every process on the store (a lease): mark near-duplicates against the
 * store, upsert by `_id`, re-mark stored mentions whose original changed, recompute every rollup bucket touched
 * (including a bucket a re-analysed mention moved out of), then record the batch as stored (which may commit its
 * crawl's cursor) and ask for alert detection.
 */
export async function ingestBatch(deps: PipelineDeps, mentions: Mention[], ref?: BatchRef): Promise<UpsertResult> {
  const total: UpsertResult = { inserted: 0, updated: 0, unchanged: 0 };
  const brands = [...new Set(mentions.map((m) => m.brand))].sort();
  for (const brand of brands) {
    const batch = mentions.filter((m) => m.brand === brand);
    await withBrandLease(deps.store, brand, async () => {
      const before = (await deps.store.findMentions(
        { _id: { $in: batch.map((m) => m._id) } },
        { projection: { _id: 1, brand: 1, publishedAt: 1, source: 1, fingerprint: 1, dupKeys: 1, duplicateOf: 1, notAboutUs: 1 } },
      )) as Array<Mention & Candidate>;
      // A user's "not about us" outlives a re-crawl or re-analysis, which rebuild the mention from the source.
      const notAboutUs = new Map(before.flatMap((b) => (b.notAboutUs ? [[b._id, b.notAboutUs] as const] : [])));
      for (const m of batch) {
        const at = notAboutUs.get(m._id);
        if (at) m.notAboutUs = at;
      }
      const judged = await markAroundUpsert(deps.store, brand, batch, before, async (b) => {
        const r = await deps.store.upsertMentions(b);
        total.inserted += r.inserted;
        total.updated += r.updated;
        total.unchanged += r.unchanged;
      });
      // Buckets of every mention whose mark was judged, changed now or not (see markAroundUpsert).
      const neighbours = judged.filter((c): c is Candidate & Pick<Mention, 'source'> => c.source !== undefined);
      await refreshBucketsOf(deps.store, [...before, ...batch, ...neighbours], deps.config.timezone);
    });
  }
  if (ref) await recordBatchStored(deps, ref);
  if (deps.detectAfterIngest !== false) {
    for (const brand of brands) {
      await markDirty(deps.store, brand);
      await deps.queue.enqueue('detect', { brand, afterIngest: true });
    }
  }
  return total;
}
