import { isPlainObject, type SqlWhere } from './sqlite-pushdown.js';
import { type Column, hasElement, type TableSpec } from './sqlite-tables.js';

/**
 * Runs a `$group` that directly follows the pushed `$match` in SQL (`GROUP BY`), for the expressions whose MongoDB
 * meaning SQL can give exactly: field paths (indexed columns, or `json_extract` on the document), constants, `$sum`,
 * `$max`/`$min` of a column, `$cond`, comparisons with a constant, `$in` of a constant in an array field, `$ifNull`,
 * `$isNumber`, `$add`, `$subtract`, `$multiply`, `$divide` by a constant, `$exp`, `$log10`, `$max`/`$min` of two
 * numbers and `$dateTrunc` (UTC, no `binSize`) of a date column. The same compiler serves `sqlite-topn.ts` and
 * `sqlite-project.ts`. Anything else returns null and mingo runs the
 * stage on the decoded documents, as before. Reading a few JSON fields in SQL spares decoding every document and
 * mingo's per-document overhead (the trend over ~720 rollups, the alert series over thousands of mentions).
 */
export interface SqlGroup {
  sql: string;
  params: SqlParam[];
  /** Turns one SQL row (in column order) into the `$group` output document. */
  toDoc(row: unknown[]): Record<string, unknown>;
}

type SqlParam = string | number;
/** What a compiled expression yields: a number, a string, a boolean (0/1), a date (ms) — each or NULL — or raw JSON. */
export type Kind = 'num' | 'str' | 'bool' | 'date' | 'json' | 'null';

export interface Expr {
  sql: string;
  params: SqlParam[];
  kind: Kind;
  /** The JSON path (`$."a"."b"`) of a field read from JSON; set when `kind` is `json`. */
  path?: string;
  /** The SQL JSON text `path` is read from (`t.doc`, or `je.value` for an unwound object entry). */
  src?: string;
  /** A plain field that may be missing from a document (not just null). */
  mayBeMissing?: boolean;
}

/** What field paths refer to at the `$group`: the table's row, or what a `$project` and `$unwind` made of it. */
export interface Scope {
  spec: TableSpec;
  /** Fields a `$project` computed (only these, and `_id`, exist after it). */
  fields?: Map<string, Expr>;
  /** The `$unwind`-ed `$objectToArray` field: `<entry>.k` is an entry's key, `<entry>.v.…` reads its value. */
  entry?: string;
  /** Fields an `$addFields` computed, on top of the document's own. */
  added?: Map<string, Expr>;
  /** The `$unwind`-ed array of objects: `<element>.x` reads field x of the row's element. */
  element?: string;
}

const DAY = 86_400_000;
const NUMERIC = "('integer', 'real')";
/** A field name that can be quoted in a JSON path (`$."a"."b"`). */
const SAFE_SEGMENT = /^[^".\\$[\]*\u0000-\u001f]+$/;
/** A field name that can be quoted in a JSON path and names the same field there as in MongoDB (digits index arrays there). */
export const plainSegment = (p: string): boolean => SAFE_SEGMENT.test(p) && !/^\d+$/.test(p);
const CMP: Record<string, string> = { $lt: '<', $lte: '<=', $gt: '>', $gte: '>=', $eq: '=', $ne: '<>' };

export class Unsupported extends Error {}
/** Kinds whose SQL values are MongoDB's values, NULL standing for null or missing. */
const SORTABLE_KINDS = new Set<Kind>(['num', 'str', 'date']);
const no = (): never => {
  throw new Unsupported();
};

/**
 * Compiles the stages after the pushed `$match` — an optional `$project` (field inclusions, expressions, one
 * `$objectToArray`), `$unwind` of that array, a `$match` on the entry key; or an `$unwind` of an array of strings
 * after a `$project`, or of objects followed by a `$match` on an element field — then a `$group`, and what directly
 * follows it (`groupTail`), into one SQL query over the rows `where` selects. Returns it and how many stages it
 * covers, or null when any part is not supported.
 */
export function sqlGroup(stages: readonly Record<string, unknown>[], spec: TableSpec, where: SqlWhere): { group: SqlGroup; stages: number } | null {
  try {
    const scope: Scope = { spec };
    const from: string[] = [`(SELECT * FROM ${spec.table} WHERE ${spec.collection ? 'coll = ? AND ' : ''}${where.sql}) AS t`];
    const fromParams: SqlParam[] = [...(spec.collection ? [spec.collection] : []), ...where.params];
    const conds: string[] = [];
    const condParams: SqlParam[] = [];
    let i = 0;
    let entrySource: Expr | undefined;
    const unwound = stages[0]?.$unwind;
    if (unwound !== undefined) {
      // `$unwind` of an array of objects (the store refuses anything else there), then a `$match` of one element
      // field with a string: one row per matching element; elements of another shape cannot match it on either side.
      const name = typeof unwound === 'string' && unwound.startsWith('$') ? unwound.slice(1) : '';
      const match = stages[1]?.$match;
      const entries = isPlainObject(match) ? Object.entries(match) : [];
      const [key, want] = entries[0] ?? [];
      if (!spec.objectArrays?.includes(name) || entries.length !== 1 || typeof want !== 'string' || !key!.startsWith(`${name}.`)) return null;
      const path = jsonField('ju.value', key!.slice(name.length + 1).split('.')).path!;
      from.push(`JOIN json_each(t.doc, ?) AS ju ON ju.type = 'object'`);
      fromParams.push(`$."${name}"`);
      // The element's field equals the string, or (an array) holds it, as MongoDB's match on a field does.
      conds.push(`json_type(ju.value, ?) IN ('text', 'array') AND EXISTS (SELECT 1 FROM json_each(ju.value, ?) AS jv WHERE jv.type = 'text' AND jv.value = ?)`);
      condParams.push(path, path, want);
      scope.element = name;
      i = 2;
    }
    const project = unwound === undefined ? stages[i]?.$project : undefined;
    if (project !== undefined) {
      if (!isPlainObject(project)) return null;
      const fields = new Map<string, Expr>();
      let arrayField: string | undefined;
      for (const [name, value] of Object.entries(project)) {
        if (name.startsWith('$') || name.includes('.')) return null;
        if (name === '_id') {
          if (value === 0 || value === false) continue;
          return null;
        }
        if (value === 1 || value === true) fields.set(name, field(name, scope));
        else if (isPlainObject(value) && Object.keys(value).length === 1 && typeof value.$objectToArray === 'string' && !arrayField) {
          arrayField = name;
          entrySource = field(value.$objectToArray.slice(1), scope);
          if (!value.$objectToArray.startsWith('$') || entrySource.kind !== 'json') return null;
        } else if (typeof value === 'number' || typeof value === 'boolean') return null;
        else fields.set(name, compile(value, scope));
      }
      scope.fields = fields;
      i++;
      const unwind = stages[i]?.$unwind;
      if (arrayField) {
        if (unwind !== `$${arrayField}`) return null;
        i++;
        scope.entry = arrayField;
        // `$objectToArray` of a missing or null field is null, which `$unwind` drops, like an empty object.
        from.push(`json_each(t.doc, ?) AS je`);
        fromParams.push(entrySource!.path!);
        conds.push(`json_type(t.doc, ?) = 'object'`);
        condParams.push(entrySource!.path!);
        const match = stages[i]?.$match;
        if (match !== undefined) {
          const entries = isPlainObject(match) ? Object.entries(match) : [];
          if (entries.length !== 1 || entries[0]![0] !== `${arrayField}.k`) return null;
          const want = entries[0]![1];
          const keys = typeof want === 'string' ? [want] : isPlainObject(want) && Object.keys(want).length === 1 && Array.isArray(want.$in) ? want.$in : null;
          if (!keys || !keys.every((k): k is string => typeof k === 'string')) return null;
          conds.push(keys.length ? `je.key IN (${keys.map(() => '?').join(', ')})` : '0');
          condParams.push(...keys);
          i++;
        }
      } else if (unwind !== undefined) {
        // `$unwind` of an included array of strings (the store refuses any other value there): one row per element.
        const path = typeof unwind === 'string' ? unwind : isPlainObject(unwind) && Object.keys(unwind).every((k) => k === 'path' || k === 'preserveNullAndEmptyArrays') ? unwind.path : undefined;
        const name = typeof path === 'string' && path.startsWith('$') ? path.slice(1) : '';
        const keep = isPlainObject(unwind) && unwind.preserveNullAndEmptyArrays === true;
        if (!spec.stringArrays?.includes(name) || project[name] !== 1 || !fields.has(name)) return null;
        const source = fields.get(name)!;
        // A missing, null or empty array gives no element: dropped, or (kept) one row where the field is null or missing.
        from.push(`${keep ? 'LEFT JOIN' : 'JOIN'} json_each(t.doc, ?) AS ju ON ju.type = 'text'`);
        fromParams.push(source.path!);
        fields.set(name, { sql: 'ju.value', params: [], kind: 'str', mayBeMissing: keep });
        i++;
      }
    }
    const group = stages[i]?.$group;
    if (!isPlainObject(group) || !('_id' in group)) return null;
    const params: SqlParam[] = [];
    const select: string[] = [];
    const decoders: Array<(row: unknown[], out: Record<string, unknown>) => void> = [];
    const keyCols: string[] = [];
    let col = 0;
    /** Output field (`_id.kind`, `mentions`) → its SQL column and kind, for the stages after the group. */
    const outputs = new Map<string, { col: string; kind: Kind }>();
    const addKey = (expr: unknown, put: (doc: Record<string, unknown>, v: unknown) => void, outName: string) => {
      const e = key(expr, scope);
      const n = col++;
      outputs.set(outName, { col: `k${n}`, kind: e.kind });
      select.push(`${e.sql} AS k${n}`);
      params.push(...e.params);
      keyCols.push(`k${n}`);
      decoders.push((row, out) => put(out, decode(row[n], e.kind)));
    };
    const id = group._id;
    if (isPlainObject(id) && !Object.keys(id).some((k) => k.startsWith('$'))) {
      const names = Object.keys(id);
      if (names.length === 0 || names.some((n) => n.includes('.'))) return null;
      decoders.push((_row, out) => void (out._id = {}));
      for (const name of names) addKey(id[name], (out, v) => void ((out._id as Record<string, unknown>)[name] = v), `_id.${name}`);
    } else if (id === null) {
      decoders.push((_row, out) => void (out._id = null));
    } else addKey(id, (out, v) => void (out._id = v), '_id');
    for (const [name, acc] of Object.entries(group)) {
      if (name === '_id') continue;
      if (name.startsWith('$') || name.includes('.') || !isPlainObject(acc) || Object.keys(acc).length !== 1) return null;
      if ('$max' in acc || '$min' in acc) {
        // Nulls and missing values are skipped by both; over none of them the result is null. Only values of one
        // SQL type (a column), so SQL's order is MongoDB's.
        const op = '$max' in acc ? 'max' : 'min';
        const e = compile(acc[`$${op}`], scope);
        if (e.kind !== 'num' && e.kind !== 'str' && e.kind !== 'date') return null;
        const n = col++;
        select.push(`${op}(${e.sql}) AS a${n}`);
        outputs.set(name, { col: `a${n}`, kind: e.kind });
        params.push(...e.params);
        decoders.push((row, out) => void (out[name] = decode(row[n], e.kind)));
        continue;
      }
      if (!('$sum' in acc)) return null;
      const e = sumOf(acc.$sum, scope);
      const n = col++;
      select.push(`${e.sql} AS a${n}`);
      params.push(...e.params);
      outputs.set(name, { col: `a${n}`, kind: 'num' });
      decoders.push((row, out) => void (out[name] = typeof row[n] === 'number' ? row[n] : 0));
    }
    let sql = `SELECT ${select.join(', ')} FROM ${from.map((f, k) => (k === 0 ? f : f.includes('JOIN ') ? ` ${f}` : `, ${f}`)).join('')}${conds.length ? ` WHERE ${conds.join(' AND ')}` : ''}`;
    // A `$group` with `_id: null` over no rows yields no document, where SQL's aggregate yields one row.
    sql += keyCols.length ? ` GROUP BY ${keyCols.join(', ')}` : ' HAVING count(*) > 0';
    const after = keyCols.length ? groupTail(stages.slice(i + 1), outputs) : { sql: '', params: [], stages: 0 };
    sql += after.sql;
    return {
      stages: i + 1 + after.stages,
      group: {
        sql,
        params: [...params, ...fromParams, ...condParams, ...after.params],
        toDoc(row) {
          const out: Record<string, unknown> = {};
          for (const d of decoders) d(row, out);
          return out;
        },
      },
    };
  } catch (err) {
    if (err instanceof Unsupported) return null;
    throw err;
  }
}

/**
 * What directly follows a `$group` and SQL can do on its output: a `$match` of its fields against constants
 * (`HAVING`), then a `$sort` on them (`ORDER BY`) and a `$limit`. Sums are never null; a `$max` over only nulls is
 * NULL, which compares and sorts below every value, as null does in MongoDB.
 */
function groupTail(stages: readonly Record<string, unknown>[], outputs: Map<string, { col: string; kind: Kind }>): { sql: string; params: SqlParam[]; stages: number } {
  let sql = '';
  const params: SqlParam[] = [];
  let i = 0;
  const match = stages[i]?.$match;
  if (isPlainObject(match)) {
    const conds: string[] = [];
    const condParams: SqlParam[] = [];
    for (const [name, want] of Object.entries(match)) {
      const out = outputs.get(name);
      const ops = isPlainObject(want) ? Object.entries(want) : null;
      if (!out || !ops || ops.length === 0) return { sql: '', params: [], stages: 0 };
      for (const [op, arg] of ops) {
        if (op === '$type' && arg === 'string' && out.kind === 'str') conds.push(`${out.col} IS NOT NULL`);
        else if (RANGE_OPS[op] && out.kind === 'num' && typeof arg === 'number' && Number.isFinite(arg)) {
          conds.push(`${out.col} ${RANGE_OPS[op]} ?`);
          condParams.push(arg);
        } else return { sql: '', params: [], stages: 0 };
      }
    }
    sql += ` HAVING ${conds.join(' AND ')}`;
    params.push(...condParams);
    i++;
  }
  const sort = stages[i]?.$sort;
  if (!isPlainObject(sort)) return { sql, params, stages: i };
  const order: string[] = [];
  for (const [name, dir] of Object.entries(sort)) {
    const out = outputs.get(name);
    if (!out || !SORTABLE_KINDS.has(out.kind) || (dir !== 1 && dir !== -1)) return { sql, params, stages: i };
    order.push(`${out.col} ${dir === -1 ? 'DESC' : 'ASC'}`);
  }
  sql += ` ORDER BY ${order.join(', ')}`;
  i++;
  const limit = stages[i]?.$limit;
  if (typeof limit === 'number' && Number.isInteger(limit) && limit > 0) {
    sql += ` LIMIT ${limit}`;
    i++;
  }
  return { sql, params, stages: i };
}

const RANGE_OPS: Record<string, string> = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' };

export function decode(v: unknown, kind: Kind): unknown {
  if (v === null || v === undefined) return null;
  if (kind === 'date') return new Date(Number(v));
  if (kind === 'bool') return v === 1;
  return v;
}

/** A group key: it must never be "missing" (which MongoDB keeps apart from null in `_id` documents). */
function key(expr: unknown, scope: Scope): Expr {
  const e = compile(expr, scope);
  if (e.kind === 'json' || e.mayBeMissing) no();
  return e;
}

/** `$sum` of an expression: numbers add up, anything else (missing, null, strings, arrays) is ignored. */
function sumOf(expr: unknown, scope: Scope): Expr {
  if (typeof expr === 'number' && Number.isFinite(expr)) return { sql: `count(*) * ?`, params: [expr], kind: 'num' };
  const e = numeric(compile(expr, scope));
  return { sql: `total(${e.sql})`, params: e.params, kind: 'num' };
}

/** The expression as a SQL number, NULL where MongoDB's value would not be a number. */
function numeric(e: Expr): Expr {
  if (e.kind === 'num') return e;
  if (e.kind === 'json') return { sql: `CASE WHEN json_type(${e.src}, ?) IN ${NUMERIC} THEN ${e.sql} END`, params: [e.path!, ...e.params], kind: 'num' };
  if (e.kind === 'null') return { sql: 'NULL', params: [], kind: 'num' };
  return no();
}

function field(path: string, scope: Scope): Expr {
  if (path.startsWith('$')) return no(); // $$variables
  const parts = path.split('.');
  if (scope.added?.has(parts[0]!)) return parts.length === 1 ? scope.added.get(path)! : no();
  if (scope.element && parts[0] === scope.element) return parts.length > 1 ? jsonField('ju.value', parts.slice(1)) : no();
  if (scope.entry && parts[0] === scope.entry) {
    if (parts.length === 2 && parts[1] === 'k') return { sql: 'je.key', params: [], kind: 'str' };
    if (parts.length > 2 && parts[1] === 'v') return jsonField('je.value', parts.slice(2));
    return no();
  }
  if (scope.fields && path !== '_id') {
    const e = parts.length === 1 ? scope.fields.get(path) : undefined;
    return e ?? no();
  }
  const column = scope.spec.columns[path];
  // A `strings` column holds JSON text, not the array: read the array from the document instead.
  if (column && column.type !== 'strings') return columnExpr(column);
  return jsonField('t.doc', parts);
}

function jsonField(src: string, parts: string[]): Expr {
  if (!parts.every(plainSegment)) return no();
  const path = `$${parts.map((p) => `."${p}"`).join('')}`;
  return { sql: `json_extract(${src}, ?)`, params: [path], kind: 'json', path, src };
}

function columnExpr(column: Column): Expr {
  return { sql: `t.${column.col}`, params: [], kind: column.type === 'date' ? 'date' : column.type === 'number' ? 'num' : 'str', mayBeMissing: !column.present };
}

function constant(v: unknown): Expr {
  if (v === null) return { sql: 'NULL', params: [], kind: 'null' };
  if (typeof v === 'number' && Number.isFinite(v)) return { sql: '?', params: [v], kind: 'num' };
  if (typeof v === 'string') return { sql: '?', params: [v], kind: 'str' };
  if (typeof v === 'boolean') return { sql: v ? '1' : '0', params: [], kind: 'bool' };
  if (v instanceof Date && !Number.isNaN(v.getTime())) return { sql: '?', params: [v.getTime()], kind: 'date' };
  return no();
}

export function compile(expr: unknown, scope: Scope): Expr {
  if (typeof expr === 'string' && expr.startsWith('$')) return field(expr.slice(1), scope);
  if (!isPlainObject(expr)) return constant(expr);
  const ops = Object.keys(expr);
  if (ops.length !== 1 || !ops[0]!.startsWith('$')) return no();
  const op = ops[0]!;
  const arg = expr[op];
  const args = Array.isArray(arg) ? arg : [arg];
  switch (op) {
    case '$literal':
      return constant(arg);
    case '$cond': {
      const [c, t, f] = Array.isArray(arg) ? arg : isPlainObject(arg) ? [arg.if, arg.then, arg.else] : no();
      const cond = compile(c, scope);
      if (cond.kind !== 'bool') return no();
      const a = compile(t, scope);
      const b = compile(f, scope);
      const kind = a.kind === b.kind ? a.kind : a.kind === 'null' ? b.kind : b.kind === 'null' ? a.kind : no();
      if (kind === 'json') return no();
      return { sql: `(CASE WHEN ${cond.sql} THEN ${a.sql} ELSE ${b.sql} END)`, params: [...cond.params, ...a.params, ...b.params], kind, mayBeMissing: !!(a.mayBeMissing || b.mayBeMissing) };
    }
    case '$eq':
    case '$ne':
    case '$lt':
    case '$lte':
    case '$gt':
    case '$gte':
      return comparison(op, args, scope);
    case '$in': {
      // {$in: [constant, '$array']} or {$in: [constant, {$ifNull: ['$array', []]}]}
      const [needle, hay] = args as [unknown, unknown];
      if (typeof needle !== 'string' && typeof needle !== 'number') return no();
      // Only the `$ifNull` form: a missing array is an error for `$in` in MongoDB.
      const ifNull = isPlainObject(hay) ? hay.$ifNull : undefined;
      if (!Array.isArray(ifNull) || ifNull.length !== 2 || !Array.isArray(ifNull[1]) || ifNull[1].length !== 0) return no();
      const array = ifNull[0];
      const listColumn = typeof array === 'string' && array.startsWith('$') && !scope.fields && !scope.added?.has(array.slice(1)) ? scope.spec.columns[array.slice(1)] : undefined;
      if (listColumn?.type === 'strings') {
        const found = hasElement(`t.${listColumn.col}`, needle);
        if (found) return { ...found, kind: 'bool' };
      }
      const side = typeof array === 'string' && array.startsWith('$') && !scope.fields && !scope.added?.has(array.slice(1)) ? scope.spec.sides[array.slice(1)] : undefined;
      if (side && !side.elementField && typeof needle === 'string') {
        // The side table holds the array's distinct strings: a string is in the array exactly when it has a row.
        return { sql: `EXISTS (SELECT 1 FROM ${side.table} WHERE value = ? AND mid = t.rid)`, params: [needle], kind: 'bool' };
      }
      const e = compile(array, scope);
      if (e.kind !== 'json') return no();
      const type = typeof needle === 'string' ? "= 'text'" : `IN ${NUMERIC}`;
      return {
        sql: `coalesce(json_type(${e.src}, ?) = 'array' AND EXISTS (SELECT 1 FROM json_each(${e.src}, ?) WHERE type ${type} AND value = ?), 0)`,
        params: [e.path!, e.path!, needle],
        kind: 'bool',
      };
    }
    case '$and':
    case '$or': {
      if (!Array.isArray(arg) || arg.length === 0) return no();
      const parts = arg.map((a) => compile(a, scope));
      if (!parts.every((p) => p.kind === 'bool')) return no();
      return { sql: `(${parts.map((p) => p.sql).join(op === '$and' ? ' AND ' : ' OR ')})`, params: parts.flatMap((p) => p.params), kind: 'bool' };
    }
    case '$isNumber': {
      const e = compile(args[0], scope);
      if (e.kind === 'num') return { sql: `(${e.sql} IS NOT NULL)`, params: e.params, kind: 'bool' };
      if (e.kind === 'json') return { sql: `coalesce(json_type(${e.src}, ?) IN ${NUMERIC}, 0)`, params: [e.path!], kind: 'bool' };
      return no();
    }
    case '$ifNull': {
      if (args.length > 2) {
        // The first of several that is not null or missing, else the last: columns and constants of one type.
        const parts = args.map((a) => compile(a, scope));
        const kinds = new Set(parts.map((p) => p.kind).filter((k) => k !== 'null'));
        const [kind] = [...kinds];
        if (kinds.size !== 1 || !SORTABLE_KINDS.has(kind!)) return no();
        return { sql: `coalesce(${parts.map((p) => p.sql).join(', ')})`, params: parts.flatMap((p) => p.params), kind: kind!, mayBeMissing: !!parts[parts.length - 1]!.mayBeMissing };
      }
      if (args.length !== 2) return no();
      const e = compile(args[0], scope);
      const d = compile(args[1], scope);
      if (SORTABLE_KINDS.has(e.kind) && (d.kind === e.kind || d.kind === 'null')) {
        return { sql: `coalesce(${e.sql}, ${d.sql})`, params: [...e.params, ...d.params], kind: e.kind, mayBeMissing: !!d.mayBeMissing };
      }
      if (d.kind !== 'num' || e.kind === 'json') {
        // A numeric default for a JSON field: numbers pass, null/missing take the default, anything else is no number.
        if (e.kind !== 'json' || d.kind !== 'num') return no();
        return {
          sql: `(CASE WHEN json_type(${e.src}, ?) IN ${NUMERIC} THEN ${e.sql} WHEN json_type(${e.src}, ?) IS NULL OR json_type(${e.src}, ?) = 'null' THEN ${d.sql} END)`,
          params: [e.path!, ...e.params, e.path!, e.path!, ...d.params],
          kind: 'num',
        };
      }
      if (e.kind !== 'num') return no();
      return { sql: `coalesce(${e.sql}, ${d.sql})`, params: [...e.params, ...d.params], kind: 'num' };
    }
    case '$add':
    case '$multiply': {
      if (!Array.isArray(arg) || arg.length === 0) return no();
      const parts = arg.map((a) => compile(a, scope));
      if (!parts.every((p) => p.kind === 'num')) return no();
      return { sql: `(${parts.map((p) => p.sql).join(op === '$add' ? ' + ' : ' * ')})`, params: parts.flatMap((p) => p.params), kind: 'num' };
    }
    case '$subtract': {
      if (!Array.isArray(arg) || arg.length !== 2) return no();
      const [a, b] = arg.map((x) => compile(x, scope)) as [Expr, Expr];
      // number − number, or date − date (milliseconds); NULL (null or missing) gives null, as in MongoDB.
      if (!((a.kind === 'num' && b.kind === 'num') || (a.kind === 'date' && b.kind === 'date'))) return no();
      return { sql: `(${a.sql} - ${b.sql})`, params: [...a.params, ...b.params], kind: 'num' };
    }
    case '$divide': {
      if (!Array.isArray(arg) || arg.length !== 2) return no();
      const [a, b] = arg.map((x) => compile(x, scope)) as [Expr, Expr];
      // Only by a non-zero constant (MongoDB fails on zero); SQLite would divide integers as integers.
      if (a.kind !== 'num' || b.sql !== '?' || b.kind !== 'num' || b.params[0] === 0) return no();
      return { sql: `(${a.sql} * 1.0 / ${b.sql})`, params: [...a.params, ...b.params], kind: 'num' };
    }
    case '$exp':
    case '$log10': {
      const e = compile(args.length === 1 ? args[0] : no(), scope);
      if (e.kind !== 'num') return no();
      // A logarithm of zero or less fails in MongoDB; SQLite gives NULL. Null in, null out on both.
      return { sql: `${op.slice(1)}(${e.sql})`, params: e.params, kind: 'num' };
    }
    case '$max':
    case '$min': {
      // The expression form over numbers: nulls and missing values are skipped (all null gives null).
      if (!Array.isArray(arg) || arg.length !== 2) return no();
      const [a, b] = arg.map((x) => compile(x, scope)) as [Expr, Expr];
      if (a.kind !== 'num' || b.kind !== 'num') return no();
      const f = op.slice(1);
      return { sql: `coalesce(${f}(${a.sql}, ${b.sql}), ${a.sql}, ${b.sql})`, params: [...a.params, ...b.params, ...a.params, ...b.params], kind: 'num' };
    }
    case '$dateTrunc':
      return dateTrunc(arg, scope);
    default:
      return no();
  }
}

/**
 * A comparison of a field with a constant. MongoDB compares across types in BSON order (null and missing sort below
 * numbers, strings and dates), so a NULL column compares below the constant.
 */
function comparison(op: string, args: unknown[], scope: Scope): Expr {
  if (args.length !== 2) return no();
  let [a, b] = args.map((x) => compile(x, scope)) as [Expr, Expr];
  let o = op;
  const isConst = (e: Expr) => e.sql === '?' || e.kind === 'null';
  if (isConst(a) && !isConst(b)) {
    [a, b] = [b, a];
    o = { $lt: '$gt', $lte: '$gte', $gt: '$lt', $gte: '$lte' }[op] ?? op;
  }
  if (!isConst(b) || isConst(a)) return no();
  if (b.kind === 'null') {
    if (o !== '$eq' && o !== '$ne') return no();
    if (a.kind === 'json') return { sql: `coalesce(json_type(${a.src}, ?) ${o === '$eq' ? 'IS NULL OR' : 'IS NOT NULL AND'} json_type(${a.src}, ?) ${o === '$eq' ? '=' : '<>'} 'null', 0)`, params: [a.path!, a.path!], kind: 'bool' };
    return { sql: `(${a.sql} IS ${o === '$eq' ? '' : 'NOT '}NULL)`, params: a.params, kind: 'bool' };
  }
  if (a.kind === 'json' && b.kind === 'num' && o !== '$eq' && o !== '$ne') {
    // BSON order: null and missing below numbers, every other type (strings, objects, arrays, booleans) above.
    const below = o === '$lt' || o === '$lte' ? 1 : 0;
    return {
      sql: `(CASE WHEN json_type(${a.src}, ?) IN ${NUMERIC} THEN ${a.sql} ${CMP[o]} ? WHEN json_type(${a.src}, ?) IS NULL OR json_type(${a.src}, ?) = 'null' THEN ${below} ELSE ${1 - below} END)`,
      params: [a.path!, ...a.params, ...b.params, a.path!, a.path!],
      kind: 'bool',
    };
  }
  if (a.kind === 'json') {
    if (o !== '$eq' && o !== '$ne') return no();
    const type = b.kind === 'str' ? "= 'text'" : b.kind === 'num' ? `IN ${NUMERIC}` : no();
    // SQL's NULL (a missing field) must read as false here, or NOT would leave it NULL too.
    const eq = `coalesce(json_type(${a.src}, ?) ${type} AND ${a.sql} = ?, 0)`;
    return { sql: o === '$eq' ? eq : `(NOT ${eq})`, params: [a.path!, ...a.params, ...b.params], kind: 'bool' };
  }
  if (a.kind !== b.kind || a.kind === 'bool') return no();
  // NULL (missing) sorts below any value of the column's type.
  const ifNull = o === '$lt' || o === '$lte' || o === '$ne' ? '1' : '0';
  return { sql: `(CASE WHEN ${a.sql} IS NULL THEN ${ifNull} ELSE ${a.sql} ${CMP[o]} ? END)`, params: [...a.params, ...a.params, ...b.params], kind: 'bool' };
}

/** `$dateTrunc` of a date column to hour, day, week (Monday or Sunday start) or month, UTC. */
function dateTrunc(arg: unknown, scope: Scope): Expr {
  if (!isPlainObject(arg)) return no();
  const { date, unit, startOfWeek, ...rest } = arg;
  if (Object.keys(rest).length > 0) return no();
  const e = compile(date, scope);
  if (e.kind !== 'date' || e.params.length > 0) return no();
  const c = e.sql;
  const floorTo = (x: string, step: number, shift = 0) => `(${x} - (((${x} + ${shift}) % ${step}) + ${step}) % ${step})`;
  if (unit === 'hour') return { sql: floorTo(c, 3_600_000), params: [], kind: 'date' };
  if (unit === 'day') return { sql: floorTo(c, DAY), params: [], kind: 'date' };
  if (unit === 'week') {
    // 1970-01-01 was a Thursday: Monday weeks start 3 days before a multiple of 7 days, Sunday weeks 4.
    const sow = typeof startOfWeek === 'string' ? startOfWeek.toLowerCase() : 'sunday';
    const shift = sow === 'monday' || sow === 'mon' ? 3 * DAY : sow === 'sunday' || sow === 'sun' ? 4 * DAY : no();
    return { sql: floorTo(floorTo(c, DAY), 7 * DAY, shift), params: [], kind: 'date' };
  }
  if (startOfWeek !== undefined) return no();
  if (unit === 'month') return { sql: `(unixepoch(strftime('%Y-%m-01', ${c} / 1000.0, 'unixepoch')) * 1000)`, params: [], kind: 'date' };
  return no();
}
