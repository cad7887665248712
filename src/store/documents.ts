import { StoreInputError } from './errors.js';

/**
 * Helpers that make a document look the same on both adapters: MongoDB would store `undefined` as
 * `null` and JSON would drop it, so both get a copy with undefined fields removed. Field names
 * that neither backend can store safely (leading `$`, containing `.`) are refused with the path.
 */

/** A deep copy of `doc` without undefined fields; Dates are copied, arrays keep their order. */
export function storable<T>(doc: T, label = 'document'): T {
  return copy(doc, label) as T;
}

function copy(value: unknown, path: string): unknown {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new StoreInputError(`${path}: invalid date`);
    return new Date(value.getTime());
  }
  if (Array.isArray(value)) return value.map((v, i) => (v === undefined ? null : copy(v, `${path}[${i}]`)));
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') {
      throw new StoreInputError(`${path}: a ${typeof value} cannot be stored`);
    }
    return value;
  }
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined) continue;
    if (key.startsWith('$') || key.includes('.')) {
      throw new StoreInputError(`${path}.${key}: field names must not start with "$" or contain "."`);
    }
    out[key] = copy(v, `${path}.${key}`);
  }
  return out;
}

/** Deep equality over stored documents: Dates by time, objects by keys (order-free, undefined = absent). */
export function sameContent(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((v, i) => sameContent(v, b[i]));
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const ka = Object.keys(ra).filter((k) => ra[k] !== undefined);
  const kb = Object.keys(rb).filter((k) => rb[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.hasOwn(rb, k) && sameContent(ra[k], rb[k]));
}

const COLLECTION = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

/**
 * Collection names become keys in the SQLite store and namespaces in MongoDB, so only
 * `[A-Za-z][A-Za-z0-9_-]*` (≤ 64 chars) is accepted: no path separators, dots or `system.` prefixes.
 */
export function assertCollectionName(name: string): void {
  if (!COLLECTION.test(name)) {
    throw new StoreInputError(`invalid collection name "${name}" (letters, digits, "-" and "_" only)`);
  }
}

/** Write stages would let a report pipeline modify data; reports are read-only on both adapters. */
export function assertReadOnlyPipeline(pipeline: Record<string, unknown>[]): void {
  if (!Array.isArray(pipeline)) throw new StoreInputError('pipeline must be an array of stages');
  pipeline.forEach((stage, i) => {
    if (stage === null || typeof stage !== 'object' || Array.isArray(stage)) {
      throw new StoreInputError(`pipeline[${i}]: a stage must be an object`);
    }
    const keys = Object.keys(stage);
    if (keys.length !== 1) throw new StoreInputError(`pipeline[${i}]: a stage must have exactly one operator`);
    if (keys[0] === '$out' || keys[0] === '$merge') {
      throw new StoreInputError(`pipeline[${i}]: ${keys[0]} is not allowed (pipelines are read-only)`);
    }
  });
}
