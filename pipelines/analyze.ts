import type { Mention } from '../src/domain/mention.js';
import type { RawItem } from '../src/domain/raw-item.js';
import { ANALYZER_VERSION, profileForSource } from '../src/nlp/index.js';
import { analyzerFor } from './analyzers.js';
import { PermanentError } from '../src/domain/errors.js';
import type { BatchRef } from './cursor-commit.js';
import type { PipelineDeps } from './deps.js';
import { externalIdOf, mentionIdOf } from './identity.js';
import { toStars } from './stars.js';

/** Turn one raw item into a scored mention. Pure apart from the analyzer cache. */
export function toMention(item: RawItem, brand: PipelineDeps['config']['brands'][number] | undefined): Mention {
  // The source's lexicon profile (reviews or social): its configured `nlpProfile`, else its kind's family.
  const source = brand?.sources.find((s) => s.name === item.source.name) ?? item.source;
  const analysis = analyzerFor(brand).analyze({
    profile: profileForSource(source),
    text: item.text,
    ...(item.title ? { title: item.title } : {}),
    ...(item.rating ? { rating: item.rating } : {}),
  });
  const stars = toStars(item.rating);
  return {
    _id: mentionIdOf(item),
    brand: item.brand,
    source: item.source,
    externalId: externalIdOf(item),
    url: item.url,
    author: item.author,
    ...(item.title ? { title: item.title } : {}),
    text: item.text,
    lang: analysis.lang,
    ...(item.rating && stars !== undefined ? { rating: item.rating, stars } : {}),
    publishedAt: item.publishedAt,
    collectedAt: item.collectedAt,
    ...(item.engagement ? { engagement: item.engagement } : {}),
    ...(item.reply ? { reply: item.reply } : {}),
    sentiment: analysis.sentiment,
    themes: analysis.themes,
    intents: analysis.intents,
    competitors: item.competitors,
    // Computed by the analyzer from its own pass over the words: the same value as fingerprint(`${title} ${text}`).
    fingerprint: analysis.fingerprint,
    ...(item.meta ? { meta: item.meta } : {}),
    analyzerVersion: ANALYZER_VERSION,
  };
}

/**
 * The analyze stage: score a batch and hand it to ingest as one job (duplicates are marked there, against the store,
 * under the brand's lock). A brand whose analyzer cannot be built (e.g. an unknown theme pack) fails the batch for
 * good: retrying cannot fix config.
 */
export async function analyzeBatch(deps: PipelineDeps, items: RawItem[], ref?: BatchRef): Promise<Mention[]> {
  const brands = new Map(deps.config.brands.map((b) => [b.id, b]));
  for (const id of new Set(items.map((i) => i.brand))) {
    try {
      analyzerFor(brands.get(id));
    } catch (err) {
      throw new PermanentError(`brand ${id}: ${(err as Error).message}`);
    }
  }
  const mentions = items.map((item) => toMention(item, brands.get(item.brand)));
  await deps.queue.enqueue('ingest', { mentions, ...(ref ? { run: ref } : {}) });
  return mentions;
}
