import { decodeDoc } from './sqlite-codec.js';
import { plainSegment } from './sqlite-group.js';
import { isPlainObject, type SqlWhere } from './sqlite-pushdown.js';
import type { TableSpec } from './sqlite-tables.js';

/**
 * `$unwind` of an array at a field path, a `$sort` on fields of its elements, then a `$limit`, right after the pushed
 * `$match`: the N first elements over every selected document, found in SQL (`json_each` over the documents' JSON,
 * one parse each), so only the documents of the N kept elements are decoded and mingo never sees the others. The
 * themes report's driver examples read two ids out of ~360 daily rollups this way (a rollup holds every theme's lists).
 *
 * Sort keys are ordered as MongoDB orders values of different types (missing and null, numbers, strings, booleans,
 * dates). A field on the path that is not an object holds nothing there, for MongoDB's `$unwind` as for SQL's path.
 * What SQL cannot unwind or order exactly — a value at the path that is not an array (MongoDB unwinds it as one
 * element), a sort key that is an object (not a date) or an array — sets the `odd` column of every row; the caller
 * then runs the stages in mingo as before.
 */
export interface SqlUnwindTop {
  /** Selects the kept rows in order: the document's id, the element's JSON and type, and `odd` (see above). */
  sql: string;
  params: Param[];
  /** The unwound field's path. */
  path: string[];
}

type Param = string | number;

const jsonPath = (segments: string[]) => `$${segments.map((s) => `."${s}"`).join('')}`;

/**
 * The type rank of the value at `path` in the element (`u.value` of type `u.type`), in MongoDB's sort order: 0
 * missing or null (also any field of an element that is not an object), 1 numbers, 2 strings, 3 booleans, 4 dates.
 * Objects and arrays are left to mingo (`check`).
 */
const rank = (path: string) =>
  `CASE WHEN u.type <> 'object' THEN 0 ELSE CASE json_type(u.value, '${path}') WHEN 'integer' THEN 1 WHEN 'real' THEN 1 WHEN 'text' THEN 2 ` +
  `WHEN 'true' THEN 3 WHEN 'false' THEN 3 WHEN 'object' THEN 4 ELSE 0 END END`;
/** The value to order by within a rank (a date's milliseconds). */
const value = (path: string) => `CASE WHEN u.type = 'object' THEN coalesce(json_extract(u.value, '${path}."$date"'), json_extract(u.value, '${path}')) END`;

export function sqlUnwindTop(stages: readonly Record<string, unknown>[], spec: TableSpec, where: SqlWhere): { top: SqlUnwindTop; stages: number } | null {
  const unwind = stages[0]?.$unwind;
  const name = typeof unwind === 'string' ? unwind : isPlainObject(unwind) && Object.keys(unwind).length === 1 ? unwind.path : undefined;
  if (typeof name !== 'string' || !name.startsWith('$')) return null;
  const path = name.slice(1).split('.');
  if (!path.every(plainSegment)) return null;
  const sort = stages[1]?.$sort;
  const limit = stages[2]?.$limit;
  if (!isPlainObject(sort) || Object.keys(sort).length === 0 || typeof limit !== 'number' || !Number.isInteger(limit) || limit <= 0) return null;
  const keys: Array<{ path: string; desc: boolean }> = [];
  for (const [field, dir] of Object.entries(sort)) {
    if (dir !== 1 && dir !== -1) return null;
    const rest = field.startsWith(`${name.slice(1)}.`) ? field.slice(name.length).split('.') : null;
    if (!rest || !rest.every(plainSegment)) return null;
    keys.push({ path: jsonPath(rest), desc: dir === -1 });
  }
  const at = jsonPath(path);
  const from = `(SELECT * FROM ${spec.table} WHERE ${spec.collection ? 'coll = ? AND ' : ''}${where.sql}) AS t`;
  const oddKey = keys.map((k) => `json_type(u.value, '${k.path}') = 'array' OR (json_type(u.value, '${k.path}') = 'object' AND json_type(u.value, '${k.path}."$date"') IS NULL)`).join(' OR ');
  // `json_each` iterates an object's members, or yields a scalar itself, with a key that is not an array index.
  const odd = `max(CASE WHEN typeof(u.key) <> 'integer' THEN 1 WHEN u.type = 'object' THEN ${oddKey} ELSE 0 END) OVER ()`;
  const order = keys.flatMap((k) => [`${rank(k.path)} ${k.desc ? 'DESC' : 'ASC'}`, `${value(k.path)} ${k.desc ? 'DESC' : 'ASC'}`]);
  // The document, then the element's place in its array: the same rows in the same order on every run.
  order.push(`t.${spec.idCol} ASC`, 'u.key ASC');
  return {
    stages: 3,
    top: {
      // A null at the path is one row of type null that is no array element: nothing to unwind, as in MongoDB.
      sql: `SELECT t.${spec.idCol}, u.value, u.type, ${odd} FROM ${from}, json_each(t.doc, ?) AS u WHERE typeof(u.key) = 'integer' OR u.type <> 'null' ORDER BY ${order.join(', ')} LIMIT ${limit}`,
      params: [...(spec.collection ? [spec.collection] : []), ...where.params, at],
      path,
    },
  };
}

/** One kept row as MongoDB's `$unwind` outputs it: the document with the element in place of the array. */
export function unwoundDoc(docText: string, row: unknown[], path: string[]): Record<string, unknown> {
  const doc = decodeDoc<Record<string, unknown>>(docText);
  const [json, type] = [row[1], row[2] as string];
  const element = type === 'object' || type === 'array' ? decodeDoc(json as string) : type === 'true' ? true : type === 'false' ? false : json;
  let parent = doc;
  for (const s of path.slice(0, -1)) parent = parent[s] as Record<string, unknown>;
  parent[path[path.length - 1]!] = element;
  return doc;
}
