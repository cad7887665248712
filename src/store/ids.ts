import { createHash } from 'node:crypto';
import type { RollupKey } from './store.js';

const KIND = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** External ids kept readable in `_id`: short, printable ASCII, no whitespace. */
const READABLE = /^[\x21-\x7e]{1,96}$/;

function sha1(text: string): string {
  return createHash('sha1').update(text, 'utf8').digest('hex');
}

/**
 * The stable `_id` of a mention: `kind:externalId` when the source's id is short printable ASCII
 * (`appstore:1234567`), else `kind#` + 24 hex chars of its SHA-1. The same item re-crawled always
 * gets the same id, so upserts never duplicate it. The two forms cannot collide (`:` vs `#`).
 */
export function mentionId(kind: string, externalId: string): string {
  if (!KIND.test(kind)) throw new Error(`mentionId: invalid source kind "${kind}"`);
  if (externalId.length === 0) throw new Error('mentionId: externalId is empty');
  return READABLE.test(externalId) ? `${kind}:${externalId}` : `${kind}#${sha1(externalId).slice(0, 24)}`;
}

/**
 * A content hash standing in for the external id of items whose source gives none: 32 hex chars
 * of SHA-1 over the URL and the whitespace-collapsed text, so cosmetic whitespace changes between
 * crawls do not create a new mention.
 */
export function contentId(text: string, url: string): string {
  const normText = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  return sha1(`${url.trim()}\n${normText}`).slice(0, 32);
}

/** The `_id` of a rollup bucket: `brand:YYYY-MM-DD:source` (brand and day never contain `:`). */
export function rollupId(key: RollupKey): string {
  return `${key.brand}:${key.day}:${key.source}`;
}
