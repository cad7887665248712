import type { Mention } from '../domain/index.js';
import { assertCollectionName, sameContent } from './documents.js';
import { StoreInputError } from './errors.js';
import type { FindOptions, Pipeline } from './store.js';

/**
 * Cheap checks both adapters run on what callers hand them. Mentions are zod-validated where they
 * are built; here only what would silently corrupt the store is re-checked: a missing `_id` and
 * dates that arrived as strings (a job payload not parsed back), which would break every date query.
 */
export function checkMention(m: Mention, index: number): Mention {
  if (m === null || typeof m !== 'object') throw new StoreInputError(`mentions[${index}] is not an object`);
  if (typeof m._id !== 'string' || m._id.length === 0) throw new StoreInputError(`mentions[${index}] has no _id`);
  for (const field of ['publishedAt', 'collectedAt'] as const) {
    const value: unknown = m[field];
    if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
      throw new StoreInputError(`mention ${m._id}: ${field} must be a valid Date (parse the mention with the Mention schema)`);
    }
  }
  return m;
}

/** Keeps the last document per `_id`, in first-seen order: a batch naming an item twice stores it once. */
export function dedupeById<T extends { _id: string }>(docs: T[]): T[] {
  const byId = new Map<string, T>();
  for (const doc of docs) byId.set(doc._id, doc);
  return [...byId.values()];
}

/** How an upsert splits a batch against what is stored: new, changed (replace), identical (skip). */
export interface UpsertPlan<T> {
  inserts: T[];
  updates: T[];
  unchanged: number;
}

/**
 * Classifies `docs` against the stored versions of the same ids. A replaced document takes the
 * stored `collectedAt` (the first sighting is kept), then counts as unchanged if nothing else differs.
 */
export function planUpsert<T extends { _id: string; collectedAt?: unknown }>(docs: T[], stored: T[]): UpsertPlan<T> {
  const before = new Map(stored.map((d) => [d._id, d]));
  const plan: UpsertPlan<T> = { inserts: [], updates: [], unchanged: 0 };
  for (const doc of docs) {
    const prev = before.get(doc._id);
    if (!prev) {
      plan.inserts.push(doc);
      continue;
    }
    doc.collectedAt = prev.collectedAt;
    if (sameContent(prev, doc)) plan.unchanged++;
    else plan.updates.push(doc);
  }
  return plan;
}

export function checkFindOptions(options: FindOptions): void {
  for (const key of ['limit', 'skip'] as const) {
    const n = options[key];
    if (n !== undefined && (!Number.isInteger(n) || n < 0)) {
      throw new StoreInputError(`${key} must be a non-negative integer, got ${String(n)}`);
    }
  }
  for (const [field, dir] of Object.entries(options.sort ?? {})) {
    if (dir !== 1 && dir !== -1) throw new StoreInputError(`sort.${field} must be 1 or -1`);
  }
}

/** Names of the other collections a pipeline reads through `$lookup`, `$graphLookup` or `$unionWith`. */
export function lookupCollections(pipeline: Pipeline): string[] {
  const names = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    if (value === null || typeof value !== 'object' || value instanceof Date) return;
    for (const [key, v] of Object.entries(value)) {
      if ((key === '$lookup' || key === '$graphLookup') && isRecord(v) && typeof v.from === 'string') names.add(v.from);
      if (key === '$unionWith') {
        if (typeof v === 'string') names.add(v);
        else if (isRecord(v) && typeof v.coll === 'string') names.add(v.coll);
      }
      visit(v);
    }
  };
  visit(pipeline);
  for (const name of names) assertCollectionName(name);
  return [...names];
}

/** Document ids (and cursor keys) are non-empty strings. */
export function checkDocId(id: unknown): void {
  if (typeof id !== 'string' || id.length === 0) throw new StoreInputError('document _id must be a non-empty string');
}

export function stripId<T extends { _id: string }>(doc: T): Omit<T, '_id'> {
  const { _id, ...rest } = doc;
  void _id;
  return rest;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
