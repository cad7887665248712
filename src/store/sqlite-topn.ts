import { compile, decode, type Expr, type Kind, type Scope, Unsupported } from './sqlite-group.js';
import { isPlainObject, type SqlWhere } from './sqlite-pushdown.js';
import type { TableSpec } from './sqlite-tables.js';

/**
 * Runs `$addFields` (or `$set`) stages, then a `$sort` on their fields or indexed columns, then a `$limit` — the
 * first `limit` documents by a computed key — in SQL, right after the pushed `$match`: SQL computes the keys from
 * the columns (an index alone when it covers them), sorts, and only the `limit` documents it keeps are read and
 * decoded. Their computed fields are set on them as MongoDB's `$addFields` would. Anything the expression compiler
 * cannot give exactly returns null, and mingo runs the stages as before.
 */
export interface SqlTopN {
  /** Selects the kept documents' ids, then each computed field, in sort order. */
  sql: string;
  params: (string | number)[];
  /** The computed fields, in select order after the id. */
  added: Array<{ name: string; kind: Kind }>;
}

const SORTABLE = new Set<Kind>(['num', 'str', 'date']);

export function sqlTopN(stages: readonly Record<string, unknown>[], spec: TableSpec, where: SqlWhere): { topN: SqlTopN; stages: number } | null {
  try {
    const added = new Map<string, Expr>();
    const scope: Scope = { spec, added };
    let i = 0;
    for (; ; i++) {
      const fields = stages[i]?.$addFields ?? stages[i]?.$set;
      if (fields === undefined) break;
      if (!isPlainObject(fields)) return null;
      for (const [name, value] of Object.entries(fields)) {
        if (name === '_id' || name.startsWith('$') || name.includes('.') || spec.columns[name] || spec.sides[name]) return null;
        const e = compile(value, scope);
        // A plain field that may be missing would be added as null where MongoDB adds nothing.
        if (e.mayBeMissing || e.kind === 'json') return null;
        added.set(name, e);
      }
    }
    const sort = stages[i]?.$sort;
    const limit = stages[i + 1]?.$limit;
    if (!isPlainObject(sort) || Object.keys(sort).length === 0 || typeof limit !== 'number' || !Number.isInteger(limit) || limit <= 0) return null;
    const names = [...added.keys()];
    const select = [`t.${spec.idCol}`, ...names.map((n, k) => `${added.get(n)!.sql} AS f${k}`)];
    const params: (string | number)[] = names.flatMap((n) => added.get(n)!.params);
    params.push(...(spec.collection ? [spec.collection] : []), ...where.params);
    const order: string[] = [];
    for (const [path, dir] of Object.entries(sort)) {
      if (dir !== 1 && dir !== -1) return null;
      const k = names.indexOf(path);
      const e = k >= 0 ? { sql: `f${k}`, params: [], kind: added.get(path)!.kind } : compile(`$${path}`, scope);
      if (!SORTABLE.has(e.kind)) return null;
      order.push(`${e.sql} ${dir === -1 ? 'DESC' : 'ASC'}`);
      params.push(...e.params);
    }
    // `_id` last, as `#select` does: a page cut by LIMIT is the same on every run.
    order.push(`t.${spec.idCol} ASC`);
    const from = `(SELECT * FROM ${spec.table} WHERE ${spec.collection ? 'coll = ? AND ' : ''}${where.sql}) AS t`;
    return {
      stages: i + 2,
      topN: { sql: `SELECT ${select.join(', ')} FROM ${from} ORDER BY ${order.join(', ')} LIMIT ${limit}`, params, added: names.map((name) => ({ name, kind: added.get(name)!.kind })) },
    };
  } catch (err) {
    if (err instanceof Unsupported) return null;
    throw err;
  }
}

/** Sets the computed fields of one selected row (id first) on its decoded document. */
export function withAdded(doc: Record<string, unknown>, row: unknown[], added: SqlTopN['added']): Record<string, unknown> {
  added.forEach((a, k) => {
    doc[a.name] = decode(row[k + 1], a.kind);
  });
  return doc;
}
