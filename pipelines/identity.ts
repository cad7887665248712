import type { RawItem } from '../src/domain/raw-item.js';
import { contentId, mentionId } from '../src/store/ids.js';

/** The source's id, or a hash of url + text for sources without ids. */
export function externalIdOf(item: Pick<RawItem, 'externalId' | 'url' | 'text'>): string {
  return item.externalId ?? `h${contentId(item.text, item.url)}`;
}

/**
 * A mention's stable `_id`: `brand:` + source kind + the source's id (e.g. `northwind:appstore:1234`).
 * The same post crawled again always lands on the same `_id`; a post naming two configured brands is one mention per brand.
 */
export function mentionIdOf(item: Pick<RawItem, 'brand' | 'source' | 'externalId' | 'url' | 'text'>): string {
  return `${item.brand}:${mentionId(item.source.kind, externalIdOf(item))}`;
}
