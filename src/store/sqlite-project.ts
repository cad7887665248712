import { compile, decode, type Kind, Unsupported } from './sqlite-group.js';
import { decodeDoc } from './sqlite-codec.js';
import { isPlainObject } from './sqlite-pushdown.js';
import type { TableSpec } from './sqlite-tables.js';

/**
 * A `$project` right after the pushed `$match` (and its pushed `$sort`/`$limit`), run in SQL: each included field is
 * read from the document with `json_extract` (or from its column), each computed one by the expression compiler, so
 * neither the whole document is decoded nor mingo runs per document (about 35 µs each). Anything it cannot give
 * exactly (exclusions, dotted paths, `$$REMOVE`…) returns null and mingo runs the stage as before.
 */
export interface SqlProject {
  /** SQL result columns, over the table aliased `t`. */
  columns: string[];
  params: (string | number)[];
  /** Builds one output document from a row (in column order). */
  build(row: unknown[]): Record<string, unknown>;
}

type Put = (row: unknown[], out: Record<string, unknown>) => void;

export function sqlProject(project: unknown, spec: TableSpec): SqlProject | null {
  if (!isPlainObject(project) || Object.keys(project).length === 0) return null;
  try {
    const columns: string[] = [];
    const params: (string | number)[] = [];
    const puts: Put[] = [];
    const includeId = !('_id' in project) || project._id === 1 || project._id === true;
    if ('_id' in project && !includeId && project._id !== 0 && project._id !== false) return null;
    if (includeId) {
      const n = columns.push(`t.${spec.idCol}`) - 1;
      puts.push((row, out) => void (out._id = row[n]));
    }
    for (const [name, value] of Object.entries(project)) {
      if (name === '_id') continue;
      if (name.startsWith('$') || name.includes('.')) return null;
      if (value === 1 || value === true) {
        const column = spec.columns[name];
        if (column?.present) {
          const kind: Kind = column.type === 'date' ? 'date' : column.type === 'number' ? 'num' : 'str';
          const n = columns.push(`t.${column.col}`) - 1;
          puts.push((row, out) => void (out[name] = decode(row[n], kind)));
          continue;
        }
        if (!/^[A-Za-z0-9_]+$/.test(name)) return null;
        // The JSON type tells missing (NULL) from null; objects and arrays come back as JSON text (dates revived).
        const n = columns.push(`json_type(t.doc, ?)`, `json_extract(t.doc, ?)`) - 2;
        params.push(`$."${name}"`, `$."${name}"`);
        puts.push((row, out) => {
          const type = row[n] as string | null;
          if (type === null) return;
          const v = row[n + 1];
          out[name] = type === 'object' || type === 'array' ? decodeDoc(v as string) : type === 'true' ? true : type === 'false' ? false : v;
        });
        continue;
      }
      if (typeof value !== 'object' || value === null) return null;
      const e = compile(value, { spec });
      if (e.kind === 'json' || e.mayBeMissing) return null;
      const n = columns.push(e.sql) - 1;
      params.push(...e.params);
      puts.push((row, out) => void (out[name] = decode(row[n], e.kind)));
    }
    return {
      columns,
      params,
      build(row) {
        const out: Record<string, unknown> = {};
        for (const put of puts) put(row, out);
        return out;
      },
    };
  } catch (err) {
    if (err instanceof Unsupported) return null;
    throw err;
  }
}
