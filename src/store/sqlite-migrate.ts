import type Database from 'better-sqlite3';
import { MENTIONS } from './sqlite-tables.js';

/**
 * Upgrades of an existing store's schema, run on open inside the IMMEDIATE transaction that then applies the DDL
 * (so a second process opening meanwhile waits, then sees the new schema). Each step takes a store from version
 * N - 1 to N; a new store gets the DDL alone.
 */
const STEPS: Record<number, (db: Database.Database) => void> = {
  2: toListsColumns,
};

/** Runs every step after `from` up to `to`. */
export function upgradeSchema(db: Database.Database, from: number, to: number): void {
  for (let v = from + 1; v <= to; v++) STEPS[v]?.(db);
}

/** Columns added in schema 2, each a copy of one field of the document (see `MENTIONS.columns`). */
const V2_COLUMNS = ['sentiment.score', 'author.followers', 'author.handle', 'author.name', 'engagement.likes', 'engagement.shares', 'engagement.comments', 'engagement.upvotes', 'intents'];

/**
 * Schema 2: the fields the advocacy lists read become columns, filled from each stored document with the type checks
 * `columnValue` makes on write (a value of another type stays NULL), intents as their JSON text; the
 * (brand, published_at) index grows into the covering lists index (the DDL creates it). About 20 s for a million
 * mentions (every row is rewritten once).
 */
function toListsColumns(db: Database.Database): void {
  const sets: string[] = [];
  for (const path of V2_COLUMNS) {
    const column = MENTIONS.columns[path]!;
    const jsonPath = `$.${path.split('.').map((p) => `"${p}"`).join('.')}`;
    const type = column.type === 'number' ? "IN ('integer', 'real')" : column.type === 'strings' ? "= 'array'" : "= 'text'";
    db.exec(`ALTER TABLE mentions ADD COLUMN ${column.col} ${column.type === 'number' ? 'REAL' : 'TEXT'}`);
    // An array comes back as its minified JSON text, as `JSON.stringify` writes it.
    sets.push(`${column.col} = CASE WHEN json_type(doc, '${jsonPath}') ${type} THEN json_extract(doc, '${jsonPath}') END`);
  }
  db.exec(`UPDATE mentions SET ${sets.join(', ')}`);
  db.exec('DROP INDEX IF EXISTS mentions_brand_published');
}
