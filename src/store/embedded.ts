import nedb from '@seald-io/nedb';
import path from 'node:path';
import type { CrawlRun, Mention } from '../domain/index.js';
import { acquireDataDirLock } from './data-dir-lock.js';
import { assertCollectionName, assertReadOnlyPipeline, storable } from './documents.js';
import { StoreInputError, StoreUnavailableError } from './errors.js';
import { rollupId } from './ids.js';
import { KeyedMutex } from './keyed-mutex.js';
import { runPipeline } from './mingo-runtime.js';
import { nedbPushdown } from './nedb-pushdown.js';
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
import {
  checkDocId,
  checkFindOptions,
  checkMention,
  dedupeById,
  lookupCollections,
  planUpsert,
  stripId,
} from './store-input.js';

type Doc = { _id: string } & Record<string, unknown>;
// The package's typings declare an ES default export, but at run time the CommonJS module *is* the class.
const Datastore = nedb as unknown as typeof nedb.default;
type Db = InstanceType<typeof Datastore<Doc>>;

/** Options of {@link EmbeddedStore.open}. */
export interface EmbeddedStoreOptions {
  /** Directory holding one `<collection>.db` file per collection; created when missing. */
  dataDir: string;
  /**
   * nedb appends every write to the file. A collection's file is rewritten (compacted) once the
   * lines appended since the last compaction reach both this number and its count of live
   * documents, so a file stays under about twice its live size (plus this many lines). Files are
   * also compacted on load and on close. Default 1000 lines.
   */
  compactAfterLines?: number;
}

interface Collection {
  db: Db;
  /** Lines appended since the last compaction. */
  appended: number;
}

/** nedb indexes per collection (`_id` is always indexed and unique). */
const INDEXES: Record<string, string[]> = {
  mentions: ['brand', 'publishedAt'],
  rollups: ['brand', 'day'],
  crawlRuns: ['brand', 'startedAt'],
};

const BY_ID: Sort = { _id: 1 };

/**
 * Above this many replaced documents in one call, they are written as one remove and one insert
 * instead of one update each (nedb appends to the file once per operation: ~0.8 ms per update).
 */
const BULK_REPLACE_MIN = 100;

/**
 * The store for a single machine without MongoDB: @seald-io/nedb keeps each collection in memory
 * and in `<dataDir>/<collection>.db`; aggregation pipelines run on mingo, after nedb has narrowed
 * the documents with whatever part of a leading `$match` it evaluates like MongoDB does.
 *
 * One process owns a data dir at a time (a `LOCK` file enforces it): nedb cannot share a file
 * between processes. Within the process, writes to one collection are serialised.
 */
export class EmbeddedStore implements Store {
  readonly kind = 'embedded' as const;
  readonly dataDir: string;
  readonly #compactAfter: number;
  readonly #collections = new Map<string, Promise<Collection>>();
  readonly #writes = new KeyedMutex();
  readonly #release: () => Promise<void>;
  #closed = false;

  private constructor(dataDir: string, compactAfter: number, release: () => Promise<void>) {
    this.dataDir = dataDir;
    this.#compactAfter = compactAfter;
    this.#release = release;
  }

  /** Opens (creating if needed) the store in `dataDir`, loading the main collections. */
  static async open(options: EmbeddedStoreOptions): Promise<EmbeddedStore> {
    const compactAfter = options.compactAfterLines ?? 1000;
    if (!Number.isInteger(compactAfter) || compactAfter < 1) {
      throw new StoreInputError(`compactAfterLines must be a positive integer, got ${compactAfter}`);
    }
    const release = await acquireDataDirLock(options.dataDir);
    const store = new EmbeddedStore(options.dataDir, compactAfter, release);
    // allSettled: a failed load must not leave others still writing into the dir after we give it back.
    const loads = await Promise.allSettled(['mentions', 'rollups', 'crawlRuns', 'cursors'].map((n) => store.#collection(n)));
    const failed = loads.find((r) => r.status === 'rejected');
    if (failed) {
      await release();
      throw failed.reason;
    }
    return store;
  }

  async upsertMentions(mentions: Mention[]): Promise<UpsertResult> {
    const docs = dedupeById(mentions.map((m, i) => storable(checkMention(m, i), `mention ${m._id}`))) as Doc[];
    if (docs.length === 0) return { inserted: 0, updated: 0, unchanged: 0 };
    return this.#write('mentions', async ({ db }) => {
      const stored = (await db.findAsync({ _id: { $in: docs.map((d) => d._id) } })) as unknown as Doc[];
      const { inserts, updates, unchanged } = planUpsert(docs, stored);
      if (inserts.length > 0) await db.insertAsync(inserts);
      await replaceAll(db, updates);
      return { result: { inserted: inserts.length, updated: updates.length, unchanged }, lines: inserts.length + 2 * updates.length };
    });
  }

  findMentions(filter: Filter, options: FindOptions = {}): Promise<Mention[]> {
    return this.#find('mentions', filter, options, BY_ID) as Promise<Mention[]>;
  }

  async countMentions(filter: Filter = {}): Promise<number> {
    const { db } = await this.#collection('mentions');
    const { query, exact } = nedbPushdown(filter);
    if (exact) return db.countAsync(query) as unknown as Promise<number>;
    const candidates = (await db.findAsync(query)) as unknown as Doc[];
    const [row] = runPipeline(candidates, [{ $match: filter }, { $count: 'n' }]);
    return typeof row?.n === 'number' ? row.n : 0;
  }

  async aggregate<T = Record<string, unknown>>(collection: CollectionName, pipeline: Pipeline): Promise<T[]> {
    assertReadOnlyPipeline(pipeline);
    const { db } = await this.#collection(collection);
    let stages = pipeline;
    let docs: Doc[];
    const leading = pipeline[0]?.$match;
    if (leading !== null && typeof leading === 'object' && !Array.isArray(leading)) {
      const { query, exact } = nedbPushdown(leading as Filter);
      docs = (await db.findAsync(query)) as unknown as Doc[];
      if (exact) stages = pipeline.slice(1);
    } else {
      docs = (await db.findAsync({})) as unknown as Doc[];
    }
    const others = new Map<string, Doc[]>();
    for (const name of lookupCollections(pipeline)) {
      const other = await this.#collection(name);
      others.set(name, (await other.db.findAsync({})) as unknown as Doc[]);
    }
    return runPipeline(docs, stages, (name) => others.get(name) ?? []) as T[];
  }

  async replaceRollups(keys: RollupKey[], rollups: Rollup[]): Promise<void> {
    const docs = rollups.map((r) => {
      if (r._id !== rollupId(r)) throw new StoreInputError(`rollup _id "${r._id}" should be "${rollupId(r)}"`);
      return storable(r, `rollup ${r._id}`) as unknown as Doc;
    });
    const keep = new Set(docs.map((d) => d._id));
    const drop = [...new Set(keys.map(rollupId))].filter((id) => !keep.has(id));
    if (docs.length === 0 && drop.length === 0) return;
    await this.#write('rollups', async ({ db }) => {
      // One atomic nedb operation per bucket, so readers never see a bucket missing mid-refresh.
      await Promise.all(docs.map((doc) => db.updateAsync({ _id: doc._id }, doc, { upsert: true })));
      if (drop.length > 0) await db.removeAsync({ _id: { $in: drop } }, { multi: true });
      return { result: undefined, lines: docs.length + drop.length };
    });
  }

  async saveCrawlRun(run: CrawlRun): Promise<void> {
    await this.putDoc('crawlRuns', storable(run, `crawl run ${run._id}`) as unknown as Doc);
  }

  listCrawlRuns(filter: Filter = {}, options: FindOptions = {}): Promise<CrawlRun[]> {
    return this.#find('crawlRuns', filter, options, { startedAt: -1, _id: 1 }) as unknown as Promise<CrawlRun[]>;
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
    await this.#write('cursors', async ({ db }) => {
      const n = await db.removeAsync({ _id: key }, {});
      return { result: undefined, lines: n };
    });
  }

  async putDoc(collection: string, doc: { _id: string } & Record<string, unknown>): Promise<void> {
    checkDocId(doc._id);
    const copy = storable(doc, `${collection} ${doc._id}`);
    await this.#write(collection, async ({ db }) => {
      await db.updateAsync({ _id: copy._id }, copy, { upsert: true });
      return { result: undefined, lines: 1 };
    });
  }

  async getDoc<T extends { _id: string }>(collection: string, id: string): Promise<T | null> {
    checkDocId(id);
    const { db } = await this.#collection(collection);
    return ((await db.findOneAsync({ _id: id })) as unknown as T | null) ?? null;
  }

  findDocs<T extends { _id: string }>(collection: string, filter: Filter = {}, options: FindOptions = {}): Promise<T[]> {
    return this.#find(collection, filter, options, BY_ID) as Promise<T[]>;
  }

  /** Waits for pending writes, compacts every file that was written to, and releases the data dir. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#writes.idle();
    const loaded = await Promise.allSettled(this.#collections.values());
    for (const c of loaded) {
      if (c.status === 'fulfilled' && c.value.appended > 0) await c.value.db.compactDatafileAsync();
    }
    await this.#release();
  }

  async #find(name: string, filter: Filter, options: FindOptions, defaultSort: Sort): Promise<Doc[]> {
    checkFindOptions(options);
    if (options.limit === 0) return [];
    const { db } = await this.#collection(name);
    const sort = options.sort ?? defaultSort;
    const { query, exact } = nedbPushdown(filter);
    if (exact) {
      let cursor = db.findAsync(query, options.projection ?? {});
      if (Object.keys(sort).length > 0) cursor = cursor.sort(sort);
      if (options.skip) cursor = cursor.skip(options.skip);
      if (options.limit !== undefined) cursor = cursor.limit(options.limit);
      return (await cursor) as unknown as Doc[];
    }
    const candidates = (await db.findAsync(query)) as unknown as Doc[];
    const stages: Pipeline = [{ $match: filter }];
    if (Object.keys(sort).length > 0) stages.push({ $sort: sort });
    if (options.skip) stages.push({ $skip: options.skip });
    if (options.limit !== undefined) stages.push({ $limit: options.limit });
    if (options.projection && Object.keys(options.projection).length > 0) stages.push({ $project: options.projection });
    return runPipeline(candidates, stages) as Doc[];
  }

  /** Runs a write under the collection's lock, then compacts the file if it has grown enough. */
  #write<T>(name: string, task: (c: Collection) => Promise<{ result: T; lines: number }>): Promise<T> {
    return this.#writes.run(name, async () => {
      const c = await this.#collection(name);
      const { result, lines } = await task(c);
      c.appended += lines;
      if (c.appended >= this.#compactAfter && c.appended >= c.db.getAllData().length) {
        await c.db.compactDatafileAsync();
        c.appended = 0;
      }
      return result;
    });
  }

  #collection(name: string): Promise<Collection> {
    if (this.#closed) return Promise.reject(new StoreUnavailableError(`embedded store at ${this.dataDir} is closed`));
    assertCollectionName(name);
    let pending = this.#collections.get(name);
    if (!pending) {
      pending = this.#load(name);
      this.#collections.set(name, pending);
      pending.catch(() => this.#collections.delete(name));
    }
    return pending;
  }

  async #load(name: string): Promise<Collection> {
    const filename = path.join(this.dataDir, `${name}.db`);
    try {
      const db: Db = new Datastore<Doc>({ filename, autoload: true, onload: () => {} });
      await db.autoloadPromise;
      for (const fieldName of INDEXES[name] ?? []) await db.ensureIndexAsync({ fieldName });
      return { db, appended: 0 };
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      throw new StoreUnavailableError(`cannot load ${filename} (${reason})`, { cause: err });
    }
  }
}

/**
 * Replaces existing documents. Few: one atomic update each. Many (a re-analysis): one remove and
 * one insert, pushed onto nedb's queue back to back so no reader runs between them and sees the
 * documents missing — about 5× faster. The cost: a process killed between the two file appends
 * loses those documents from disk (they come back with the next crawl or re-analysis).
 */
async function replaceAll(db: Db, docs: Doc[]): Promise<void> {
  if (docs.length <= BULK_REPLACE_MIN) {
    await Promise.all(docs.map((doc) => db.updateAsync({ _id: doc._id }, doc, {})));
    return;
  }
  const removed = db.removeAsync({ _id: { $in: docs.map((d) => d._id) } }, { multi: true });
  const inserted = db.insertAsync(docs);
  await Promise.all([removed, inserted]);
}
