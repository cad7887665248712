import type { Filter, Sort } from './store.js';
import { type Column, hasElement, type TableSpec } from './sqlite-tables.js';

/**
 * Turns the parts of a MongoDB filter that touch indexed columns or side tables into a SQL
 * `WHERE` clause. The clause is never narrower than the filter: every document the filter matches,
 * it matches too. When it is the whole filter (`exact`), mingo need not re-check the documents.
 */
export interface SqlWhere {
  /** A SQL boolean expression over the table's columns (`1` when nothing could be pushed). */
  sql: string;
  params: (string | number)[];
  exact: boolean;
}

const RANGE: Record<string, string> = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' };

export function sqlWhere(filter: Filter, spec: TableSpec): SqlWhere {
  const parts: string[] = [];
  const params: (string | number)[] = [];
  let exact = true;

  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' || key === '$or') {
      if (!Array.isArray(value) || value.length === 0) {
        exact = false;
        continue;
      }
      const subs = value.map((clause) => (isPlainObject(clause) ? sqlWhere(clause, spec) : { sql: '1', params: [], exact: false }));
      exact &&= subs.every((s) => s.exact);
      if (key === '$and') {
        for (const s of subs) if (s.sql !== '1') (parts.push(s.sql), params.push(...s.params));
      } else if (subs.every((s) => s.sql !== '1')) {
        parts.push(`(${subs.map((s) => s.sql).join(' OR ')})`);
        for (const s of subs) params.push(...s.params);
      } else {
        exact = false; // one unconstrained branch leaves the whole $or unconstrained
      }
      continue;
    }
    const column = spec.columns[key];
    const side = spec.sides[key];
    if (key.startsWith('$') || (!column && !side)) {
      exact = false;
      continue;
    }
    const conds = isOperatorObject(value) ? Object.entries(value) : [['$eq', value] as [string, unknown]];
    for (const [op, arg] of conds) {
      const pushed = column ? columnCondition(column, op, arg) : sideCondition(spec.sides[key]!.table, op, arg);
      if (!pushed) {
        exact = false;
        continue;
      }
      parts.push(pushed.sql);
      params.push(...pushed.params);
    }
  }
  return { sql: parts.length === 0 ? '1' : parts.map((p) => `(${p})`).join(' AND '), params, exact };
}

/** `ORDER BY` for a sort made only of indexed columns (SQLite and MongoDB both put NULL/missing first ascending), else null. */
export function sqlOrder(sort: Sort, spec: TableSpec): string | null {
  const keys = Object.entries(sort);
  if (keys.length === 0) return null;
  const cols: string[] = [];
  for (const [field, dir] of keys) {
    const column = spec.columns[field];
    if (!column || column.type === 'strings') return null;
    cols.push(`${column.col} ${dir === -1 ? 'DESC' : 'ASC'}`);
  }
  return cols.join(', ');
}

type Pushed = { sql: string; params: (string | number)[] } | null;

function columnCondition(column: Column, op: string, arg: unknown): Pushed {
  const c = column.col;
  if (column.type === 'strings') {
    // `{intents: 'churn'}` matches an array holding it; `$in` any of several. A missing field matches neither.
    const values = op === '$eq' ? [arg] : op === '$in' && Array.isArray(arg) ? arg : null;
    const parts = values?.map((v) => hasElement(c, v));
    if (!parts || parts.some((p) => p === null)) return null;
    if (parts.length === 0) return { sql: '0', params: [] };
    return { sql: parts.map((p) => p!.sql).join(' OR '), params: parts.flatMap((p) => p!.params) };
  }
  if (op === '$eq') {
    if (arg === null) return { sql: `${c} IS NULL`, params: [] };
    const v = sqlValue(column, arg);
    return v === undefined ? null : { sql: `${c} = ?`, params: [v] };
  }
  // A column is NULL exactly when the field is missing or null, so `$ne: null` is `IS NOT NULL`, exactly.
  if (op === '$ne' && arg === null) return { sql: `${c} IS NOT NULL`, params: [] };
  if (op === '$in') {
    if (!Array.isArray(arg)) return null;
    const values: (string | number)[] = [];
    let withNull = false;
    for (const a of arg) {
      if (a === null) withNull = true;
      else {
        const v = sqlValue(column, a);
        if (v === undefined) return null;
        values.push(v);
      }
    }
    const ors = [];
    if (values.length > 0) ors.push(`${c} IN (${values.map(() => '?').join(', ')})`);
    if (withNull) ors.push(`${c} IS NULL`);
    return { sql: ors.length === 0 ? '0' : ors.join(' OR '), params: values };
  }
  if (op === '$nin') {
    // Missing (NULL) is not in any list without null; values of another type never equal the column's.
    if (!Array.isArray(arg)) return null;
    const values = arg.map((a) => (a === null ? null : sqlValue(column, a))).filter((v) => v !== undefined);
    const list = values.filter((v): v is string | number => v !== null);
    // One JSON array parameter, however many values (a brand's closed workflow items can be thousands).
    const notIn = list.length ? `${c} NOT IN (SELECT value FROM json_each(?))` : '1';
    const sql = values.includes(null) ? `${c} IS NOT NULL AND ${notIn}` : `${c} IS NULL OR ${notIn}`;
    return { sql, params: list.length ? [JSON.stringify(list)] : [] };
  }
  const cmp = RANGE[op];
  if (cmp) {
    const v = sqlValue(column, arg);
    return v === undefined ? null : { sql: `${c} ${cmp} ?`, params: [v] };
  }
  return null;
}

function sideCondition(table: string, op: string, arg: unknown): Pushed {
  const values = op === '$eq' ? [arg] : op === '$in' && Array.isArray(arg) ? arg : null;
  if (!values || !values.every((v) => typeof v === 'string')) return null;
  if (values.length === 0) return { sql: '0', params: [] };
  return { sql: `rid IN (SELECT mid FROM ${table} WHERE value IN (${values.map(() => '?').join(', ')}))`, params: values as string[] };
}

/** The SQL value a filter value compares as, when it has the column's type; undefined when it does not. */
function sqlValue(column: Column, value: unknown): string | number | undefined {
  if (column.type === 'date') return value instanceof Date && !Number.isNaN(value.getTime()) ? value.getTime() : undefined;
  if (column.type === 'number') return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  return typeof value === 'string' ? value : undefined;
}

function isOperatorObject(value: unknown): value is Record<string, unknown> {
  if (!isPlainObject(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((k) => k.startsWith('$'));
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
