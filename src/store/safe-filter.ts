import { UnsafeFilterError } from './errors.js';
import type { Filter } from './store.js';

/** Deepest nesting accepted in a user-supplied filter. */
const MAX_DEPTH = 8;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Throws `UnsafeFilterError` unless `filter` is a plain object whose keys, at every depth, neither
 * start with `$` (no `$where`, `$expr`, `$function` …) nor contain `.` (no reaching into other
 * fields), nor are prototype keys. Values may be strings, numbers, booleans, null, Dates, arrays and
 * plain objects obeying the same rule. Use it on anything that came from a request, CLI flag or
 * config before it goes near a Mongo filter (STYLE.md §7); server code adds operators afterwards.
 */
export function assertSafeFilter(filter: unknown): asserts filter is Filter {
  if (!isPlainObject(filter)) throw new UnsafeFilterError('filter must be an object');
  check(filter, 'filter', 0);
}

/** `assertSafeFilter`, returning the filter typed for the store. */
export function safeFilter(filter: unknown): Filter {
  assertSafeFilter(filter);
  return filter;
}

function check(value: unknown, path: string, depth: number): void {
  if (depth > MAX_DEPTH) throw new UnsafeFilterError(`${path}: filter nested deeper than ${MAX_DEPTH} levels`);
  if (value === null || value instanceof Date) return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => check(item, `${path}[${i}]`, depth + 1));
    return;
  }
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return;
    case 'number':
      if (!Number.isFinite(value)) throw new UnsafeFilterError(`${path}: numbers must be finite`);
      return;
    case 'object':
      break;
    default:
      throw new UnsafeFilterError(`${path}: a ${typeof value} is not allowed in a filter`);
  }
  if (!isPlainObject(value)) throw new UnsafeFilterError(`${path}: only plain objects are allowed in a filter`);
  for (const key of Object.keys(value)) {
    const where = `${path}.${key}`;
    if (key.startsWith('$')) {
      throw new UnsafeFilterError(`${where}: keys starting with "$" are not allowed in a filter ("${key}")`);
    }
    if (key.includes('.')) throw new UnsafeFilterError(`${where}: keys containing "." are not allowed in a filter`);
    if (FORBIDDEN_KEYS.has(key)) throw new UnsafeFilterError(`${where}: "${key}" is not allowed as a filter key`);
    check(value[key], where, depth + 1);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
