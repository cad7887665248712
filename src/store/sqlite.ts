import Database from 'better-sqlite3';
import type { CrawlRun, Mention } from '../domain/index.js';
import { assertCollectionName, assertReadOnlyPipeline, storable } from './documents.js';
import { StoreInputError, StoreUnavailableError } from './errors.js';
import { rollupId } from './ids.js';
import { project, runPipeline } from './mingo-runtime.js';
import { decodeDoc, encodeDoc } from './sqlite-codec.js';
import { sqliteFailure } from './sqlite-errors.js';
import { openDatabase, type SqliteStoreOptions } from './sqlite-open.js';
import { sqlGroup, type SqlGroup } from './sqlite-group.js';
import { sqlTopN, type SqlTopN, withAdded } from './sqlite-topn.js';
import { sqlUnwindTop, type SqlUnwindTop, unwoundDoc } from './sqlite-unwind-top.js';
import { sqlProject, type SqlProject } from './sqlite-project.js';
import { isPlainObject, sqlOrder, sqlWhere, type SqlWhere } from './sqlite-pushdown.js';
import { columnValue, docsSpec, docText, MENTIONS, ROLLUPS, sideValues, type TableSpec } from './sqlite-tables.js';
import type {
  CollectionName,
  CursorValue,
  Filter,
  FindOptions,
  Pipeline,
  Rollup,
  RollupKey,
  Sort,
  Store,
  UpsertResult,
} from './store.js';
import { checkDocId, checkFindOptions, checkMention, dedupeById, lookupCollections, planUpsert, stripId } from './store-input.js';

export type { SqliteStoreOptions } from './sqlite-open.js';

type Doc = { _id: string } & Record<string, unknown>;
type Db = Database.Database;

const BY_ID: Sort = { _id: 1 };
const LEASES = 'leases';
/** Ids per `IN (…)` list: below SQLite's default limit of bound parameters. */
const CHUNK = 500;

interface SqlQuery {
  where: SqlWhere;
  /** A `$group` right after the pushed `$match`, run in SQL. */
  group?: SqlGroup;
  /** Computed fields, a `$sort` on them and a `$limit` right after the pushed `$match`, run in SQL. */
  topN?: SqlTopN;
  /** A `$project` after the pushed `$match` (and `$sort`/`$limit`), run in SQL. */
  project?: SqlProject;
  /** An `$unwind`, a `$sort` on the elements and a `$limit` after the pushed `$match`, run in SQL unless `odd`. */
  unwindTop?: { top: SqlUnwindTop; rest: Pipeline };
  order?: string | null;
  limit?: number;
  skip?: number;
}

/**
 * The store for one machine without MongoDB: one SQLite file (`<dataDir>/earshot.db`, WAL mode) via
 * better-sqlite3. Documents are JSON with their queried fields in indexed columns; filters, sorts and
 * limits on those columns run in SQL, mingo runs the rest of a pipeline on what SQL returns.
 *
 * Any number of processes may open the same data dir: readers never wait (WAL), writers take turns
 * (each write is one IMMEDIATE transaction, waiting up to the busy timeout for another writer).
 */
export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly dataDir: string;
  readonly file: string;
  readonly #db: Db;
  readonly #statements = new Map<string, Database.Statement>();
  #closed = false;
  /** Write transactions this connection committed: `data_version` moves only for other connections' commits. */
  #writes = 0;

  private constructor(dataDir: string, file: string, db: Db) {
    this.dataDir = dataDir;
    this.file = file;
    this.#db = db;
  }

  /** Opens (creating if needed) the store in `dataDir`. Throws `StoreUnavailableError` with one line on failure. */
  static async open(options: SqliteStoreOptions): Promise<SqliteStore> {
    const { db, file } = await openDatabase(options);
    return new SqliteStore(options.dataDir, file, db);
  }

  async upsertMentions(mentions: Mention[]): Promise<UpsertResult> {
    const docs = dedupeById(mentions.map((m, i) => storable(checkMention(m, i), `mention ${m._id}`))) as unknown as Doc[];
    if (docs.length === 0) return { inserted: 0, updated: 0, unchanged: 0 };
    // Columns are computed (and wrong types refused) before the transaction takes the write lock.
    const rows = new Map(docs.map((d) => [d._id, mentionColumns(d)]));
    return this.#write('store mentions', () => {
      const stored: Doc[] = [];
      for (let i = 0; i < docs.length; i += CHUNK) {
        const ids = docs.slice(i, i + CHUNK).map((d) => d._id);
        const texts = this.#stmt(`SELECT doc FROM mentions WHERE id IN (${marks(ids.length)})`).pluck().all(...ids) as string[];
        for (const t of texts) stored.push(decodeDoc<Doc>(t));
      }
      const { inserts, updates, unchanged } = planUpsert(docs, stored);
      const insert = this.#stmt(`INSERT INTO mentions (id, ${MENTION_COLS.join(', ')}, doc) VALUES (?, ${MENTION_COLS.map(() => '?').join(', ')}, ?)`);
      const update = this.#stmt(`UPDATE mentions SET ${MENTION_COLS.map((c) => `${c} = ?`).join(', ')}, doc = ? WHERE id = ? RETURNING rid`);
      for (const doc of inserts) {
        const cols = rows.get(doc._id)!;
        const { lastInsertRowid } = insert.run(doc._id, ...cols, encodeDoc(doc));
        this.#writeSides(Number(lastInsertRowid), doc, false);
      }
      for (const doc of updates) {
        const cols = rows.get(doc._id)!;
        const { rid } = update.get(...cols, encodeDoc(doc), doc._id) as { rid: number };
        this.#writeSides(rid, doc, true);
      }
      return { inserted: inserts.length, updated: updates.length, unchanged };
    });
  }

  findMentions(filter: Filter, options: FindOptions = {}): Promise<Mention[]> {
    return this.#find(MENTIONS, filter, options, BY_ID) as unknown as Promise<Mention[]>;
  }

  async countMentions(filter: Filter = {}): Promise<number> {
    return this.#read('count mentions', () => {
      const where = sqlWhere(filter, MENTIONS);
      if (where.exact) return (this.#stmt(`SELECT count(*) FROM mentions WHERE ${where.sql}`).pluck().get(...where.params) as number) ?? 0;
      const [row] = runPipeline(this.#select(MENTIONS, { where }), [{ $match: filter }, { $count: 'n' }]);
      return typeof row?.n === 'number' ? row.n : 0;
    });
  }

  async aggregate<T = Record<string, unknown>>(collection: CollectionName, pipeline: Pipeline): Promise<T[]> {
    assertReadOnlyPipeline(pipeline);
    assertCollectionName(collection);
    const spec = specOf(collection);
    const others = lookupCollections(pipeline);
    return this.#read(`aggregate ${collection}`, () => this.#aggregateNow<T>(spec, pipeline, others));
  }

  /**
   * Recomputes rollup buckets and replaces them in one IMMEDIATE transaction, so no other writer
   * (another worker process) can change the mentions between the read and the replace and leave a
   * stale bucket behind. `refreshRollups` uses it when the adapter has it.
   */
  async recomputeRollups<F>(keys: RollupKey[], pipeline: Pipeline, build: (facets: F | undefined) => Rollup[]): Promise<void> {
    assertReadOnlyPipeline(pipeline);
    await this.#write('refresh rollups', () => {
      const [facets] = this.#aggregateNow<F>(MENTIONS, pipeline, []);
      this.#replaceRollupsNow(keys, build(facets));
    });
  }

  #aggregateNow<T>(spec: TableSpec, pipeline: Pipeline, others: string[]): T[] {
    const { query, rest } = pushdownPipeline(pipeline, spec);
    if (query.group) {
      const rows = this.#stmt(query.group.sql).raw().all(...query.group.params) as unknown[][];
      const grouped = rows.map((r) => query.group!.toDoc(r));
      return (rest.length === 0 ? grouped : runPipeline(grouped, rest)) as T[];
    }
    if (query.unwindTop) {
      const { top, rest: after } = query.unwindTop;
      const rows = this.#stmt(top.sql).raw().all(...top.params) as unknown[][];
      if (rows.length === 0 || rows[0]![3] === 0) {
        const ids = [...new Set(rows.map((r) => r[0] as string))];
        const texts = new Map<string, string>();
        for (let k = 0; k < ids.length; k += CHUNK) {
          const some = ids.slice(k, k + CHUNK);
          const sql = `SELECT ${spec.idCol}, ${docText(spec)} FROM ${spec.table} WHERE ${spec.collection ? 'coll = ? AND ' : ''}${spec.idCol} IN (${marks(some.length)})`;
          for (const [id, doc] of this.#stmt(sql).raw().all(...(spec.collection ? [spec.collection] : []), ...some) as [string, string][]) texts.set(id, doc);
        }
        const docs = rows.map((r) => unwoundDoc(texts.get(r[0] as string)!, r, top.path));
        return (after.length === 0 ? docs : runPipeline(docs, after)) as T[];
      }
    }
    if (query.project) {
      const projected = this.#projected(spec, query, query.project);
      return (rest.length === 0 ? projected : runPipeline(projected, rest)) as T[];
    }
    const docs = query.topN ? this.#topN(spec, query.topN) : this.#select(spec, query);
    const loaded = new Map(others.map((name) => [name, this.#select(specOf(name), { where: { sql: '1', params: [], exact: true } })]));
    return runPipeline(docs, rest, (name) => loaded.get(name) ?? []) as T[];
  }

  async replaceRollups(keys: RollupKey[], rollups: Rollup[]): Promise<void> {
    const checked = rollups.map((r) => {
      if (r._id !== rollupId(r)) throw new StoreInputError(`rollup _id "${r._id}" should be "${rollupId(r)}"`);
      return storable(r, `rollup ${r._id}`);
    });
    if (checked.length === 0 && keys.length === 0) return;
    await this.#write('store rollups', () => this.#replaceRollupsNow(keys, checked));
  }

  /** Upserts `rollups` and deletes the buckets of `keys` they do not cover; runs inside the caller's transaction. */
  #replaceRollupsNow(keys: RollupKey[], rollups: Rollup[]): void {
    const docs = rollups as unknown as Doc[];
    const keep = new Set(docs.map((d) => d._id));
    const drop = [...new Set(keys.map(rollupId))].filter((id) => !keep.has(id));
    const put = this.#stmt(
      'INSERT INTO rollups (id, brand, date, source, doc) VALUES (?, ?, ?, ?, jsonb(?)) ON CONFLICT (id) DO UPDATE SET brand = excluded.brand, date = excluded.date, source = excluded.source, doc = excluded.doc',
    );
    for (const d of docs) put.run(d._id, ...columnsOf(ROLLUPS, d), encodeDoc(d));
    for (let i = 0; i < drop.length; i += CHUNK) {
      const ids = drop.slice(i, i + CHUNK);
      this.#stmt(`DELETE FROM rollups WHERE id IN (${marks(ids.length)})`).run(...ids);
    }
  }

  async saveCrawlRun(run: CrawlRun): Promise<void> {
    await this.putDoc('crawlRuns', run as unknown as Doc);
  }

  listCrawlRuns(filter: Filter = {}, options: FindOptions = {}): Promise<CrawlRun[]> {
    return this.#find(docsSpec('crawlRuns'), filter, options, { startedAt: -1, _id: 1 }) as unknown as Promise<CrawlRun[]>;
  }

  async getCursor(key: string): Promise<CursorValue | null> {
    const doc = await this.getDoc<Doc>('cursors', key);
    return doc ? (stripId(doc) as CursorValue) : null;
  }

  async setCursor(key: string, value: CursorValue): Promise<void> {
    await this.putDoc('cursors', { ...value, _id: key });
  }

  async deleteCursor(key: string): Promise<void> {
    checkDocId(key);
    await this.#write('delete cursor', () => {
      this.#stmt('DELETE FROM docs WHERE coll = ? AND id = ?').run('cursors', key);
    });
  }

  async putDoc(collection: string, doc: { _id: string } & Record<string, unknown>): Promise<void> {
    checkDocId(doc._id);
    assertCollectionName(collection);
    if (collection === 'mentions' || collection === 'rollups') {
      throw new StoreInputError(`putDoc cannot write ${collection} (use upsertMentions / replaceRollups)`);
    }
    const text = encodeDoc(storable(doc, `${collection} ${doc._id}`));
    await this.#write(`store ${collection}`, () => {
      this.#stmt('INSERT INTO docs (coll, id, doc) VALUES (?, ?, ?) ON CONFLICT (coll, id) DO UPDATE SET doc = excluded.doc').run(
        collection,
        doc._id,
        text,
      );
    });
  }

  async getDoc<T extends { _id: string }>(collection: string, id: string): Promise<T | null> {
    checkDocId(id);
    assertCollectionName(collection);
    const spec = specOf(collection);
    return this.#read(`read ${collection}`, () => {
      const [doc] = this.#select(spec, { where: { sql: `${spec.idCol} = ?`, params: [id], exact: true } });
      return (doc as T | undefined) ?? null;
    });
  }

  async findDocs<T extends { _id: string }>(collection: string, filter: Filter = {}, options: FindOptions = {}): Promise<T[]> {
    assertCollectionName(collection);
    return (await this.#find(specOf(collection), filter, options, BY_ID)) as unknown as T[];
  }

  async deleteDocs(collection: string, filter: Filter): Promise<number> {
    assertCollectionName(collection);
    if (collection === 'mentions' || collection === 'rollups') throw new StoreInputError(`deleteDocs cannot delete ${collection}`);
    const spec = specOf(collection);
    return this.#write(`delete ${collection}`, () => {
      const where = sqlWhere(filter, spec);
      const docs = this.#select(spec, { where });
      const ids = (where.exact ? docs : (runPipeline(docs, [{ $match: filter }, { $project: { _id: 1 } }]) as Doc[])).map((d) => d._id);
      for (let i = 0; i < ids.length; i += CHUNK) {
        const chunk = ids.slice(i, i + CHUNK);
        this.#stmt(`DELETE FROM docs WHERE coll = ? AND id IN (${marks(chunk.length)})`).run(collection, ...chunk);
      }
      return ids.length;
    });
  }

  async claimLease(id: string, owner: string, ttlMs: number): Promise<boolean> {
    checkDocId(id);
    return this.#write('claim lease', () => {
      const now = Date.now();
      const text = this.#stmt('SELECT doc FROM docs WHERE coll = ? AND id = ?').pluck().get(LEASES, id) as string | undefined;
      const held = text ? decodeDoc<Doc>(text) : undefined;
      if (held && held.owner !== owner && new Date(held.expiresAt as Date).getTime() > now) return false;
      const doc = encodeDoc({ _id: id, owner, expiresAt: new Date(now + ttlMs) });
      this.#stmt('INSERT INTO docs (coll, id, doc) VALUES (?, ?, ?) ON CONFLICT (coll, id) DO UPDATE SET doc = excluded.doc').run(LEASES, id, doc);
      return true;
    });
  }

  /**
   * Writes a consistent copy of the whole store to `file` with SQLite's online backup while other
   * processes keep reading and writing: after a first small step it copies all remaining pages in one
   * step (one read snapshot; a write by another process during a step makes SQLite restart the copy).
   * Returns the number of mentions in the copy, read back from it.
   */
  async backup(file: string): Promise<{ mentions: number }> {
    this.#assertOpen();
    try {
      await this.#db.backup(file, { progress: ({ totalPages }) => Math.max(totalPages, 100) });
      const copy = new Database(file, { readonly: true, fileMustExist: true });
      try {
        return { mentions: copy.prepare('SELECT count(*) FROM mentions').pluck().get() as number };
      } finally {
        copy.close();
      }
    } catch (err) {
      throw sqliteFailure(err, `back up ${this.file} to ${file}`);
    }
  }

  changeToken(): string {
    this.#assertOpen();
    return `${this.#db.pragma('data_version', { simple: true }) as number}:${this.#writes}`;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#statements.clear();
    this.#db.close();
  }

  async #find(spec: TableSpec, filter: Filter, options: FindOptions, defaultSort: Sort): Promise<Doc[]> {
    checkFindOptions(options);
    if (options.limit === 0) return [];
    const sort = options.sort ?? defaultSort;
    const projection = options.projection && Object.keys(options.projection).length > 0 ? options.projection : null;
    return this.#read(`find ${spec.collection ?? spec.table}`, () => {
      const where = sqlWhere(filter, spec);
      const order = Object.keys(sort).length > 0 ? sqlOrder(sort, spec) : '';
      if (where.exact && order !== null) {
        const docs = this.#select(spec, { where, order: order || null, ...limits(options) });
        return projection ? (project(docs, projection) as Doc[]) : docs;
      }
      const stages: Pipeline = [{ $match: filter }];
      if (Object.keys(sort).length > 0) stages.push({ $sort: sort });
      if (options.skip) stages.push({ $skip: options.skip });
      if (options.limit !== undefined) stages.push({ $limit: options.limit });
      if (projection) stages.push({ $project: projection });
      return runPipeline(this.#select(spec, { where }), stages) as Doc[];
    });
  }

  /** Documents of `spec` matching the SQL query, decoded. */
  #select(spec: TableSpec, q: SqlQuery): Doc[] {
    const scope = spec.collection ? ['coll = ?'] : [];
    const params: (string | number)[] = spec.collection ? [spec.collection] : [];
    let sql = `SELECT ${docText(spec)} FROM ${spec.table} WHERE ${[...scope, q.where.sql].join(' AND ')}`;
    params.push(...q.where.params);
    // `_id` breaks ties, so a page cut by LIMIT is the same on every run (and on MongoDB with the same tiebreak).
    if (q.order) sql += ` ORDER BY ${q.order}${hasIdTerm(q.order, spec) ? '' : `, ${spec.idCol} ASC`}`;
    if (q.limit !== undefined || q.skip) sql += ` LIMIT ${q.limit ?? -1} OFFSET ${q.skip ?? 0}`;
    const texts = this.#stmt(sql).pluck().all(...params) as string[];
    return texts.map((t) => decodeDoc<Doc>(t));
  }

  /** The output documents of a `$project` run in SQL over what the query selects. */
  #projected(spec: TableSpec, q: SqlQuery, project: SqlProject): Record<string, unknown>[] {
    const from = `(SELECT * FROM ${spec.table} WHERE ${spec.collection ? 'coll = ? AND ' : ''}${q.where.sql}) AS t`;
    let sql = `SELECT ${project.columns.join(', ')} FROM ${from}`;
    if (q.order) sql += ` ORDER BY ${q.order}${hasIdTerm(q.order, spec) ? '' : `, t.${spec.idCol} ASC`}`;
    if (q.limit !== undefined || q.skip) sql += ` LIMIT ${q.limit ?? -1} OFFSET ${q.skip ?? 0}`;
    const rows = this.#stmt(sql).raw().all(...project.params, ...(spec.collection ? [spec.collection] : []), ...q.where.params) as unknown[][];
    return rows.map((r) => project.build(r));
  }

  /** The documents a pushed top-N keeps, in its order, with their computed fields. */
  #topN(spec: TableSpec, topN: SqlTopN): Doc[] {
    const rows = this.#stmt(topN.sql).raw().all(...topN.params) as unknown[][];
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r[0] as string);
    const scope = spec.collection ? 'coll = ? AND ' : '';
    const texts = this.#stmt(`SELECT ${spec.idCol}, ${docText(spec)} FROM ${spec.table} WHERE ${scope}${spec.idCol} IN (${marks(ids.length)})`)
      .raw()
      .all(...(spec.collection ? [spec.collection] : []), ...ids) as [string, string][];
    const byId = new Map(texts);
    return rows.map((r) => withAdded(decodeDoc<Doc>(byId.get(r[0] as string)!), r, topN.added) as Doc);
  }

  #writeSides(rid: number, doc: Doc, replace: boolean): void {
    for (const [path, side] of Object.entries(MENTIONS.sides)) {
      if (replace) this.#stmt(`DELETE FROM ${side.table} WHERE mid = ?`).run(rid);
      const values = sideValues(doc, path, side);
      if (values.length === 0) continue;
      const add = this.#stmt(`INSERT OR IGNORE INTO ${side.table} (value, mid) VALUES (?, ?)`);
      for (const v of values) add.run(v, rid);
    }
  }

  #stmt(sql: string): Database.Statement {
    let s = this.#statements.get(sql);
    if (!s) {
      s = this.#db.prepare(sql);
      if (this.#statements.size > 500) this.#statements.clear();
      this.#statements.set(sql, s);
    }
    return s;
  }

  /** Runs `task` in one IMMEDIATE transaction: it waits (up to the busy timeout) for any other writer first. */
  async #write<T>(what: string, task: () => T): Promise<T> {
    this.#assertOpen();
    try {
      return this.#db.transaction(task).immediate();
    } catch (err) {
      throw sqliteFailure(err, `${what} in ${this.file}`);
    } finally {
      this.#writes++;
    }
  }

  /** Runs a read; inside one statement (or a read transaction) it sees one consistent snapshot. */
  async #read<T>(what: string, task: () => T): Promise<T> {
    this.#assertOpen();
    try {
      return this.#db.transaction(task).deferred();
    } catch (err) {
      throw sqliteFailure(err, `${what} in ${this.file}`);
    }
  }

  #assertOpen(): void {
    if (this.#closed) throw new StoreUnavailableError(`sqlite store at ${this.dataDir} is closed`);
  }
}

function specOf(collection: string): TableSpec {
  if (collection === 'mentions') return MENTIONS;
  if (collection === 'rollups') return ROLLUPS;
  return docsSpec(collection);
}

/** Column values of a document for every indexed column but `_id`, in the table's column order. */
function columnsOf(spec: TableSpec, doc: Doc): (string | number | null)[] {
  let entries = COLUMN_ENTRIES.get(spec);
  if (!entries) COLUMN_ENTRIES.set(spec, (entries = Object.entries(spec.columns).filter(([path]) => path !== '_id')));
  const label = `${spec.table.replace(/s$/, '')} ${doc._id}`;
  return entries.map(([path, column]) => columnValue(doc, path, column, label));
}
const COLUMN_ENTRIES = new WeakMap<TableSpec, Array<[string, TableSpec['columns'][string]]>>();

const mentionColumns = (doc: Doc) => {
  // SQL unwinds these arrays as strings (`sqlite-group.ts`): anything else there would group differently than MongoDB.
  for (const field of MENTIONS.stringArrays ?? []) {
    const v = doc[field];
    if (v !== undefined && v !== null && !(Array.isArray(v) && v.every((x) => typeof x === 'string'))) {
      throw new StoreInputError(`mention ${doc._id}: ${field} must be an array of strings`);
    }
  }
  for (const field of MENTIONS.objectArrays ?? []) {
    const v = doc[field];
    if (v !== undefined && v !== null && !(Array.isArray(v) && v.every((x) => isPlainObject(x)))) {
      throw new StoreInputError(`mention ${doc._id}: ${field} must be an array of objects`);
    }
  }
  return columnsOf(MENTIONS, doc);
};
/** The mentions table's indexed columns but `id`, in the order `columnsOf` gives their values. */
const MENTION_COLS = Object.entries(MENTIONS.columns)
  .filter(([path]) => path !== '_id')
  .map(([, c]) => c.col);

/** Whether an `ORDER BY` already sorts on the id column (a second id term would only confuse SQLite's planner). */
function hasIdTerm(order: string, spec: TableSpec): boolean {
  return order.split(', ').some((term) => term.split(' ')[0] === spec.idCol);
}

function marks(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}

function limits(options: FindOptions): { limit?: number; skip?: number } {
  return { ...(options.limit !== undefined ? { limit: options.limit } : {}), ...(options.skip ? { skip: options.skip } : {}) };
}

/**
 * Splits a pipeline into what SQL runs (its leading `$match` stages on indexed fields, then — when
 * those were pushed whole — a `$sort` on indexed columns, `$skip` and `$limit`) and the stages
 * left for mingo. When a `$match` is pushed only in part, mingo re-applies it whole.
 */
export function pushdownPipeline(pipeline: Pipeline, spec: TableSpec): { query: SqlQuery; rest: Pipeline } {
  const matches: Filter[] = [];
  let i = 0;
  while (i < pipeline.length && isPlainObject(pipeline[i]!.$match)) matches.push(pipeline[i++]!.$match as Filter);
  if (matches.length === 0) return { query: { where: { sql: '1', params: [], exact: true } }, rest: pipeline };
  const where = sqlWhere(matches.length === 1 ? matches[0]! : { $and: matches }, spec);
  if (!where.exact) return { query: { where }, rest: pipeline };
  const query: SqlQuery = { where };
  // A `$group` (maybe after a `$project`/`$unwind` of an object's entries) runs in SQL when it can, unless later
  // stages `$lookup` other collections (the rows then go through mingo without a resolver).
  const grouped = lookupCollections(pipeline.slice(i)).length === 0 ? sqlGroup(pipeline.slice(i), spec, where) : null;
  if (grouped) return { query: { where, group: grouped.group }, rest: pipeline.slice(i + grouped.stages) };
  const unwound = pipeline[i]?.$unwind !== undefined && lookupCollections(pipeline.slice(i)).length === 0 ? sqlUnwindTop(pipeline.slice(i), spec, where) : null;
  // `rest` stays whole: when SQL finds a document it cannot unwind exactly, mingo runs every stage.
  if (unwound) return { query: { where, unwindTop: { top: unwound.top, rest: pipeline.slice(i + unwound.stages) } }, rest: pipeline.slice(i) };
  const sort = pipeline[i]?.$sort;
  if (isPlainObject(sort)) {
    const order = sqlOrder(sort as Sort, spec);
    if (order) {
      query.order = order;
      i++;
    }
  }
  if (!query.order) {
    const top = sqlTopN(pipeline.slice(i), spec, where);
    if (top) return { query: { where, topN: top.topN }, rest: pipeline.slice(i + top.stages) };
  }
  if (query.order) {
    const skip = pipeline[i]?.$skip;
    if (typeof skip === 'number' && Number.isInteger(skip) && skip >= 0) (query.skip = skip), i++;
    const limit = pipeline[i]?.$limit;
    if (typeof limit === 'number' && Number.isInteger(limit) && limit > 0) (query.limit = limit), i++;
  }
  const project = pipeline[i]?.$project;
  // Only without a `$lookup` later: those stages run in mingo with the other collections loaded, on documents.
  const projected = project !== undefined && lookupCollections(pipeline.slice(i)).length === 0 ? sqlProject(project, spec) : null;
  if (projected) return { query: { ...query, project: projected }, rest: pipeline.slice(i + 1) };
  return { query, rest: pipeline.slice(i) };
}
