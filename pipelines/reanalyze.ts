import type { Mention } from '../src/domain/mention.js';
import type { RawItem } from '../src/domain/raw-item.js';
import { ANALYZER_VERSION } from '../src/nlp/index.js';
import { toMention } from './analyze.js';
import { BATCH_SIZE } from './catalog.js';
import type { PipelineDeps } from './deps.js';
import { ingestBatch } from './ingest.js';

/** The raw item a stored mention was made from (everything the crawler gave, nothing the analyzer added). */
export function rawOf(m: Mention): RawItem {
  return {
    brand: m.brand,
    source: m.source,
    externalId: m.externalId,
    url: m.url,
    author: m.author,
    ...(m.title ? { title: m.title } : {}),
    text: m.text,
    ...(m.rating ? { rating: m.rating } : {}),
    publishedAt: m.publishedAt,
    collectedAt: m.collectedAt,
    ...(m.engagement ? { engagement: m.engagement } : {}),
    competitors: m.competitors,
    ...(m.meta ? { meta: m.meta } : {}),
  };
}

/**
 * Queue re-scoring of a brand's stored mentions: those from an older analyzer, or all with `all`.
 * Returns how many were queued. Idempotent: the mentions keep their `_id`s and rollups are recomputed.
 */
export async function queueReanalysis(deps: PipelineDeps, brand: string, opts: { all?: boolean } = {}): Promise<number> {
  const filter = opts.all ? { brand } : { brand, analyzerVersion: { $ne: ANALYZER_VERSION } };
  const ids = (await deps.store.findMentions(filter, { projection: { _id: 1 }, sort: { _id: 1 } })).map((m) => m._id);
  for (let i = 0; i < ids.length; i += BATCH_SIZE) {
    await deps.queue.enqueue('reanalyze', { brand, ids: ids.slice(i, i + BATCH_SIZE) });
  }
  return ids.length;
}

/** The reanalyze job: re-score a batch in place and store it through the ingest stage (rollups refreshed). */
export async function reanalyzeBatch(deps: PipelineDeps, payload: { brand: string; ids: string[] }): Promise<number> {
  // A mention whose raw text retention pruned cannot be re-scored from it: it keeps the scores it has.
  const stored = (await deps.store.findMentions({ _id: { $in: payload.ids } })).filter((m) => !m.rawTextPrunedAt);
  if (stored.length === 0) return 0;
  const brand = deps.config.brands.find((b) => b.id === payload.brand);
  const fresh = stored.map((m) => ({ ...toMention(rawOf(m), brand), collectedAt: m.collectedAt }));
  // Ingest marks duplicates against the store (under the brand's lock) as it stores them.
  for (let i = 0; i < fresh.length; i += BATCH_SIZE) await ingestBatch(deps, fresh.slice(i, i + BATCH_SIZE));
  return stored.length;
}
