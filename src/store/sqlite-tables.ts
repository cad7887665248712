import { StoreInputError } from './errors.js';

/**
 * How documents sit in SQLite: each as JSON text (`doc`), plus copies of the fields that queries
 * filter and sort on in indexed columns, and array fields (themes, dupKeys) in side tables. The
 * pushdown (`sqlite-pushdown.ts`) turns the parts of a MongoDB filter on those fields into SQL.
 */

/** `strings`: an array of strings, kept as its JSON text (`["churn","recommend"]`), matched by `hasElement`. */
export type ColumnType = 'string' | 'number' | 'date' | 'strings';

export interface Column {
  /** SQL column name. */
  col: string;
  type: ColumnType;
  /** Every stored document has this field (never missing), so SQL may group on it as MongoDB would. */
  present?: boolean;
}

export interface SideTable {
  /** SQL table holding (mid, value): one row per array element. */
  table: string;
  /** The field of each array element holding the value (`theme` of `themes`), or none for arrays of strings. */
  elementField?: string;
}

export interface TableSpec {
  /** SQL table name. */
  table: string;
  /** Column holding the document's `_id`. */
  idCol: string;
  /** Dotted field path → column. A field that is missing or null is NULL. */
  columns: Record<string, Column>;
  /** Dotted field path of array elements → side table (`themes.theme`, `dupKeys`). */
  sides: Record<string, SideTable>;
  /** For the shared `docs` table: the collection name every query is scoped to. */
  collection?: string;
  /** Top-level fields that are arrays of strings when present and not null (a document with anything else is refused). */
  stringArrays?: string[];
  /** Top-level fields that are arrays of objects when present and not null (a document with anything else is refused). */
  objectArrays?: string[];
  /**
   * Documents are written as SQLite's binary JSON (JSONB), which its JSON functions read without parsing text: for
   * tables whose documents queries read field by field in SQL (rollups: each report reads every bucket's counters).
   * Rows written as text before stay readable (the functions take both); whole documents are read back with `json()`.
   */
  binaryDocs?: boolean;
}

/** The SQL that reads a whole stored document of `spec` as JSON text (`prefix`: a table alias and dot). */
export function docText(spec: TableSpec, prefix = ''): string {
  return spec.binaryDocs ? `json(${prefix}doc)` : `${prefix}doc`;
}

export const MENTIONS: TableSpec = {
  table: 'mentions',
  idCol: 'id',
  columns: {
    _id: { col: 'id', type: 'string', present: true },
    brand: { col: 'brand', type: 'string', present: true },
    publishedAt: { col: 'published_at', type: 'date', present: true },
    'source.name': { col: 'source_name', type: 'string', present: true },
    'source.kind': { col: 'source_kind', type: 'string', present: true },
    'sentiment.label': { col: 'label', type: 'string' },
    duplicateOf: { col: 'duplicate_of', type: 'string' },
    stars: { col: 'stars', type: 'number' },
    notAboutUs: { col: 'not_about_us', type: 'date' },
    // What the advocacy lists sort and group on (schema 2): with the columns above they make up the covering index
    // `mentions_brand_published_lists`, so those lists read no document but the few they show.
    'sentiment.score': { col: 'score', type: 'number' },
    'author.followers': { col: 'followers', type: 'number' },
    'author.handle': { col: 'handle', type: 'string' },
    'author.name': { col: 'author_name', type: 'string' },
    'engagement.likes': { col: 'likes', type: 'number' },
    'engagement.shares': { col: 'shares', type: 'number' },
    'engagement.comments': { col: 'comments', type: 'number' },
    'engagement.upvotes': { col: 'upvotes', type: 'number' },
    intents: { col: 'intents', type: 'strings' },
  },
  sides: {
    'themes.theme': { table: 'mention_themes', elementField: 'theme' },
    dupKeys: { table: 'mention_dupkeys' },
  },
  stringArrays: ['competitors'],
  objectArrays: ['themes'],
};

export const ROLLUPS: TableSpec = {
  table: 'rollups',
  idCol: 'id',
  columns: {
    _id: { col: 'id', type: 'string' },
    brand: { col: 'brand', type: 'string', present: true },
    date: { col: 'date', type: 'date', present: true },
    source: { col: 'source', type: 'string', present: true },
  },
  sides: {},
  binaryDocs: true,
};

/** Every other collection (crawl runs, cursors, alerts, schedule runs…): small, filtered by mingo. */
export function docsSpec(collection: string): TableSpec {
  return { table: 'docs', idCol: 'id', columns: { _id: { col: 'id', type: 'string' } }, sides: {}, collection };
}

export const SCHEMA_VERSION = 2;
/** `PRAGMA application_id` of an earshot store ("EARS"), so another app's SQLite file is recognised as such. */
export const APPLICATION_ID = 0x45415253;

/**
 * A mention's range (brand, publishedAt) with every column a report list filters, sorts or groups on: such a query
 * reads this index alone (about 100 bytes an entry), not the rows with their documents (about 700). It replaces the
 * plain (brand, published_at) index of schema 1, a prefix of it (with both, SQLite's planner took the narrow one for
 * queries that then read every row of the range to test intents or handles: 80 ms instead of 10).
 */
const LISTS_INDEX =
  'CREATE INDEX IF NOT EXISTS mentions_brand_published_lists ON mentions (brand, published_at, duplicate_of, not_about_us, label, source_name, source_kind, stars, score, followers, likes, shares, comments, upvotes, handle, author_name, intents, id);';

export const DDL = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS mentions (
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  brand TEXT,
  published_at INTEGER,
  source_name TEXT,
  source_kind TEXT,
  label TEXT,
  duplicate_of TEXT,
  stars REAL,
  not_about_us INTEGER,
  doc TEXT NOT NULL,
  score REAL,
  followers REAL,
  handle TEXT,
  author_name TEXT,
  likes REAL,
  shares REAL,
  comments REAL,
  upvotes REAL,
  intents TEXT
);
${LISTS_INDEX}
CREATE INDEX IF NOT EXISTS mentions_brand_source_published ON mentions (brand, source_name, published_at);
CREATE INDEX IF NOT EXISTS mentions_published ON mentions (published_at);
CREATE INDEX IF NOT EXISTS mentions_duplicate_of ON mentions (duplicate_of) WHERE duplicate_of IS NOT NULL;
CREATE TABLE IF NOT EXISTS mention_themes (value TEXT NOT NULL, mid INTEGER NOT NULL, PRIMARY KEY (value, mid)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS mention_themes_mid ON mention_themes (mid);
CREATE TABLE IF NOT EXISTS mention_dupkeys (value TEXT NOT NULL, mid INTEGER NOT NULL, PRIMARY KEY (value, mid)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS mention_dupkeys_mid ON mention_dupkeys (mid);
CREATE TABLE IF NOT EXISTS rollups (
  id TEXT PRIMARY KEY,
  brand TEXT,
  date INTEGER,
  source TEXT,
  doc TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS rollups_brand_date ON rollups (brand, date);
CREATE TABLE IF NOT EXISTS docs (coll TEXT NOT NULL, id TEXT NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (coll, id)) WITHOUT ROWID;
`;

/**
 * SQL that is true when the `strings` column holds `value` as an element, or null when `value` cannot be matched
 * exactly this way. Inside JSON text a quote within a string is always escaped, so `["x"` or `,"x"` can only be an
 * element's start, and the closing quote its end; only values JSON and SQLite write alike (no escapes) qualify.
 */
export function hasElement(col: string, value: unknown): { sql: string; params: string[] } | null {
  if (typeof value !== 'string' || !/^[A-Za-z0-9 _-]+$/.test(value)) return null;
  const quoted = JSON.stringify(value);
  return { sql: `coalesce(instr(${col}, ?) = 1 OR instr(${col}, ?) > 0, 0)`, params: [`[${quoted}`, `,${quoted}`] };
}

/** Split dotted paths: ingest reads every indexed field of every mention. */
const PATH_PARTS = new Map<string, string[]>();

/** Reads a dotted path (`source.name`) from a document; arrays are not traversed. */
export function pathValue(doc: Record<string, unknown>, path: string): unknown {
  let value: unknown = doc;
  let parts = PATH_PARTS.get(path);
  if (!parts) PATH_PARTS.set(path, (parts = path.split('.')));
  for (const part of parts) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/**
 * The SQL value of an indexed field: NULL when missing or null, else a value of the column's type.
 * Any other type is refused, so that the SQL filters on these columns mean what MongoDB's do.
 */
export function columnValue(doc: Record<string, unknown>, path: string, column: Column, label: string): string | number | null {
  const value = pathValue(doc, path);
  if (value === undefined || value === null) return null;
  if (column.type === 'date' && value instanceof Date) return value.getTime();
  if (column.type === 'number' && typeof value === 'number' && Number.isFinite(value)) return value;
  if (column.type === 'string' && typeof value === 'string') return value;
  if (column.type === 'strings' && Array.isArray(value) && value.every((v) => typeof v === 'string')) return JSON.stringify(value);
  throw new StoreInputError(`${label}: ${path} must be ${column.type === 'date' ? 'a Date' : column.type === 'strings' ? 'an array of strings' : `a ${column.type}`}`);
}

/** The distinct string values an array field holds for a side table (`themes[].theme`, `dupKeys[]`). */
export function sideValues(doc: Record<string, unknown>, path: string, side: SideTable): string[] {
  const arrayPath = side.elementField ? path.slice(0, -(side.elementField.length + 1)) : path;
  const array = pathValue(doc, arrayPath);
  if (!Array.isArray(array)) return [];
  const out = new Set<string>();
  for (const el of array) {
    const v = side.elementField ? (el !== null && typeof el === 'object' ? (el as Record<string, unknown>)[side.elementField] : undefined) : el;
    if (typeof v === 'string') out.add(v);
  }
  return [...out];
}
