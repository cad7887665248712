import type { Filter } from './store.js';

/**
 * nedb understands only part of MongoDB's query language, and some operators it has mean something
 * else (`$nin`/`$ne` on arrays, `$exists` on empty arrays, `null` vs missing). The embedded store
 * therefore hands nedb a *weaker* filter made only of the parts nedb evaluates exactly as MongoDB
 * does, lets nedb use its indexes for those, and lets mingo apply the full filter to the rest.
 */
export interface Pushdown {
  /** A filter nedb can run; every document matching the original filter matches this one. */
  query: Filter;
  /** True when `query` is the whole original filter, so mingo need not re-check it. */
  exact: boolean;
}

/**
 * Fields that hold a scalar in every document of ours and carry an nedb index: several range
 * operators on them may go to nedb together (so it can use the index for both bounds). On any other
 * field a combined range is split into `$and` clauses, because on arrays MongoDB lets each bound be
 * met by a different element while nedb would require one element to meet both.
 */
const SCALAR_INDEXED = new Set(['_id', 'brand', 'publishedAt']);
const RANGE_OPS = new Set(['$gt', '$gte', '$lt', '$lte']);

export function nedbPushdown(filter: Filter): Pushdown {
  const query: Filter = {};
  const ands: Filter[] = [];
  let exact = true;

  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' || key === '$or') {
      if (!Array.isArray(value) || value.length === 0) {
        exact = false;
        continue;
      }
      const parts = value.map((clause) =>
        isPlainObject(clause) ? nedbPushdown(clause) : { query: {}, exact: false },
      );
      exact &&= parts.every((p) => p.exact);
      const constrained = parts.filter((p) => Object.keys(p.query).length > 0).map((p) => p.query);
      if (key === '$and') ands.push(...constrained);
      // An unconstrained branch makes the whole $or unconstrained.
      else if (constrained.length === parts.length) ands.push({ $or: constrained });
      else exact = false;
      continue;
    }
    if (key.startsWith('$')) {
      exact = false;
      continue;
    }
    if (isEqualityValue(value)) {
      query[key] = value;
      continue;
    }
    if (!isOperatorObject(value)) {
      exact = false;
      continue;
    }
    const pushable: [string, unknown][] = [];
    for (const [op, arg] of Object.entries(value)) {
      if (RANGE_OPS.has(op) && isRangeValue(arg)) pushable.push([op, arg]);
      else if (op === '$in' && Array.isArray(arg) && arg.every(isEqualityValue)) pushable.push([op, arg]);
      else exact = false;
    }
    if (pushable.length === 0) continue;
    if (pushable.length === 1 || SCALAR_INDEXED.has(key)) query[key] = Object.fromEntries(pushable);
    else for (const [op, arg] of pushable) ands.push({ [key]: { [op]: arg } });
  }

  if (ands.length === 1 && ands[0] && Object.keys(query).every((k) => !(k in ands[0]!))) {
    Object.assign(query, ands[0]);
  } else if (ands.length > 0) {
    query.$and = ands;
  }
  return { query, exact };
}

/** Values nedb and MongoDB compare for equality the same way (also element-wise on arrays). */
function isEqualityValue(value: unknown): boolean {
  if (typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  return value instanceof Date && !Number.isNaN(value.getTime());
}

/** Values nedb orders like MongoDB does: within strings, numbers or dates (booleans differ). */
function isRangeValue(value: unknown): boolean {
  return typeof value !== 'boolean' && isEqualityValue(value);
}

function isOperatorObject(value: unknown): value is Record<string, unknown> {
  if (!isPlainObject(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((k) => k.startsWith('$'));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
