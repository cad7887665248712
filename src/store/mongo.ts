import {
  type AnyBulkWriteOperation,
  type Collection,
  type Db,
  type Document,
  type Filter as MongoFilter,
  MongoBulkWriteError,
  MongoClient,
  MongoServerError,
} from 'mongodb';
import type { CrawlRun, Mention } from '../domain/index.js';
import { assertCollectionName, assertReadOnlyPipeline, storable } from './documents.js';
import { StoreInputError, StoreUnavailableError } from './errors.js';
import { rollupId } from './ids.js';
import { displayMongoUrl, mongoUrlDbName, scrubCredentials } from './mongo-url.js';
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
import { checkDocId, checkFindOptions, checkMention, dedupeById, planUpsert, stripId } from './store-input.js';

type Doc = { _id: string } & Document;

/** Options of {@link MongoStore.connect}. */
export interface MongoStoreOptions {
  /** A `mongodb://` or `mongodb+srv://` connection string (`MONGO_URL`). */
  url: string;
  /** Database name. Default: the one named in the URL's path, else `earshot`. */
  dbName?: string;
  /** How long `connect` waits for a server to answer at start-up before failing with one line, in milliseconds. Default 5000. */
  startupTimeoutMS?: number;
  /**
   * How long each operation after start-up waits for a selectable server (the primary, during a replica-set election,
   * which takes ~10–12 s), in milliseconds; then the operation fails and its job retries. Default 30000 (the driver's).
   */
  serverSelectionTimeoutMS?: number;
}

/** Indexes created at start-up (idempotent: existing identical indexes are left alone). */
const INDEXES: Record<string, Document[]> = {
  mentions: [
    { brand: 1, publishedAt: 1 },
    { brand: 1, 'themes.theme': 1, publishedAt: 1 },
    { brand: 1, duplicateOf: 1 },
    // The near-duplicate lookup of every ingest batch: `{brand: {$in}, dupKeys: {$in}}` (multikey on dupKeys).
    { dupKeys: 1, brand: 1 },
  ],
  // Reports filter rollups on brand and `date` (a range), never on `day`.
  rollups: [{ brand: 1, date: 1 }],
  crawlRuns: [{ brand: 1, startedAt: -1 }],
  // The trend's ratings series: one brand's snapshots over a date range.
  ratings: [{ brand: 1, at: 1 }],
};

/** Ids looked up per round trip when upserting (keeps `$in` lists and bulk batches moderate). */
const BATCH = 1000;
const DUPLICATE_KEY = 11000;
/** How MongoDB names the `_id` index in an E11000 message: `… index: _id_ dup key: { _id: … }`. */
const ID_INDEX = /\bindex: _id_ /;
const BY_ID: Sort = { _id: 1 };

/**
 * The production store on the official MongoDB driver. Upserts are unordered bulk writes; a
 * duplicate-key error means a concurrent writer stored the same `_id` first, which is treated as
 * stored. Network faults after start-up surface as driver errors, so jobs retry them.
 */
export class MongoStore implements Store {
  readonly kind = 'mongo' as const;
  readonly #client: MongoClient;
  readonly #db: Db;

  private constructor(client: MongoClient, db: Db) {
    this.#client = client;
    this.#db = db;
  }

  /**
   * Connects, checks the server answers, and creates the indexes. Fails within about
   * `serverSelectionTimeoutMS` with a one-line `StoreUnavailableError` naming the host (never the
   * credentials) when MongoDB is unreachable or refuses us.
   */
  static async connect(options: MongoStoreOptions): Promise<MongoStore> {
    const { url } = options;
    const where = displayMongoUrl(url);
    const startup = options.startupTimeoutMS ?? 5000;
    const why = (err: unknown) => scrubCredentials(err instanceof Error ? err.message : String(err), url);
    let client: MongoClient;
    try {
      // The start-up deadline is ours (below), not the driver's server selection timeout: that one applies to every
      // later operation too, and must outlast a replica-set election rather than fail a job after 5 s.
      client = new MongoClient(url, {
        serverSelectionTimeoutMS: options.serverSelectionTimeoutMS ?? 30_000,
        connectTimeoutMS: Math.min(startup, 10_000),
        ignoreUndefined: true,
        appName: 'earshot',
      });
    } catch (err) {
      throw new StoreUnavailableError(`invalid MONGO_URL: ${where} (${why(err)})`);
    }
    const db = client.db(options.dbName ?? mongoUrlDbName(url) ?? 'earshot');
    // Why no server answers (ECONNREFUSED, auth, TLS…): the monitor's last failed heartbeat.
    let lastFailure: unknown;
    const onFailure = (e: { failure: Error }) => (lastFailure = e.failure);
    client.on('serverHeartbeatFailed', onFailure);
    let timer: NodeJS.Timeout | undefined;
    try {
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(lastFailure ?? new Error(`no server answered within ${startup} ms`)), startup);
      });
      await Promise.race([client.connect().then(() => db.command({ ping: 1 })), deadline]);
    } catch (err) {
      await client.close().catch(() => {});
      throw new StoreUnavailableError(`cannot reach MongoDB at ${where} (${why(err)})`);
    } finally {
      clearTimeout(timer);
      client.off('serverHeartbeatFailed', onFailure);
    }
    try {
      for (const [name, specs] of Object.entries(INDEXES)) {
        await db.collection(name).createIndexes(specs.map((key) => ({ key })));
      }
    } catch (err) {
      await client.close().catch(() => {});
      throw new StoreUnavailableError(`cannot create indexes in MongoDB at ${where} (${why(err)})`);
    }
    return new MongoStore(client, db);
  }

  async upsertMentions(mentions: Mention[]): Promise<UpsertResult> {
    const docs = dedupeById(mentions.map((m, i) => storable(checkMention(m, i), `mention ${m._id}`))) as Doc[];
    const result: UpsertResult = { inserted: 0, updated: 0, unchanged: 0 };
    const coll = this.#coll('mentions');
    for (let i = 0; i < docs.length; i += BATCH) {
      const batch = docs.slice(i, i + BATCH);
      const stored = await coll.find({ _id: { $in: batch.map((d) => d._id) } }).toArray();
      const plan = planUpsert(batch, stored);
      result.unchanged += plan.unchanged;
      const ops: AnyBulkWriteOperation<Doc>[] = [
        ...plan.inserts.map((document) => ({ insertOne: { document } })),
        ...plan.updates.map((doc) => ({ replaceOne: { filter: { _id: doc._id }, replacement: doc, upsert: true } })),
      ];
      const duplicates = await bulkWrite(coll, ops);
      ops.forEach((op, index) => {
        if (duplicates.has(index)) result.unchanged++; // stored meanwhile by a concurrent writer
        else if ('insertOne' in op) result.inserted++;
        else result.updated++;
      });
    }
    return result;
  }

  findMentions(filter: Filter, options: FindOptions = {}): Promise<Mention[]> {
    return this.#find('mentions', filter, options, BY_ID) as unknown as Promise<Mention[]>;
  }

  countMentions(filter: Filter = {}): Promise<number> {
    return this.#coll('mentions').countDocuments(filter as MongoFilter<Doc>);
  }

  async aggregate<T = Record<string, unknown>>(collection: CollectionName, pipeline: Pipeline): Promise<T[]> {
    assertReadOnlyPipeline(pipeline);
    return (await this.#coll(collection).aggregate(pipeline, { allowDiskUse: true }).toArray()) as T[];
  }

  async replaceRollups(keys: RollupKey[], rollups: Rollup[]): Promise<void> {
    const docs = rollups.map((r) => {
      if (r._id !== rollupId(r)) throw new StoreInputError(`rollup _id "${r._id}" should be "${rollupId(r)}"`);
      return storable(r, `rollup ${r._id}`) as unknown as Doc;
    });
    const keep = new Set(docs.map((d) => d._id));
    const drop = [...new Set(keys.map(rollupId))].filter((id) => !keep.has(id));
    const ops: AnyBulkWriteOperation<Doc>[] = docs.map((doc) => ({
      replaceOne: { filter: { _id: doc._id }, replacement: doc, upsert: true },
    }));
    if (drop.length > 0) ops.push({ deleteMany: { filter: { _id: { $in: drop } } } });
    await bulkWrite(this.#coll('rollups'), ops);
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
    await this.#coll('cursors').deleteOne({ _id: key });
  }

  async putDoc(collection: string, doc: { _id: string } & Record<string, unknown>): Promise<void> {
    checkDocId(doc._id);
    const copy = storable(doc, `${collection} ${doc._id}`) as Doc;
    await bulkWrite(this.#coll(collection), [{ replaceOne: { filter: { _id: copy._id }, replacement: copy, upsert: true } }]);
  }

  async getDoc<T extends { _id: string }>(collection: string, id: string): Promise<T | null> {
    checkDocId(id);
    return (await this.#coll(collection).findOne({ _id: id })) as T | null;
  }

  findDocs<T extends { _id: string }>(collection: string, filter: Filter = {}, options: FindOptions = {}): Promise<T[]> {
    return this.#find(collection, filter, options, BY_ID) as unknown as Promise<T[]>;
  }

  async deleteDocs(collection: string, filter: Filter): Promise<number> {
    if (collection === 'mentions' || collection === 'rollups') throw new StoreInputError(`deleteDocs cannot delete ${collection}`);
    const r = await this.#coll(collection).deleteMany(filter as MongoFilter<Doc>);
    return r.deletedCount;
  }

  async claimLease(id: string, owner: string, ttlMs: number): Promise<boolean> {
    checkDocId(id);
    const now = new Date();
    try {
      // Matches when free-by-expiry or ours; when another owner holds it, the upsert's insert clashes on `_id`.
      await this.#coll('leases').updateOne(
        { _id: id, $or: [{ owner }, { expiresAt: { $lte: now } }] } as MongoFilter<Doc>,
        { $set: { owner, expiresAt: new Date(now.getTime() + ttlMs) } },
        { upsert: true },
      );
      return true;
    } catch (err) {
      if (err instanceof MongoServerError && err.code === DUPLICATE_KEY) return false;
      throw err;
    }
  }

  async close(): Promise<void> {
    await this.#client.close();
  }

  async #find(name: string, filter: Filter, options: FindOptions, defaultSort: Sort): Promise<Doc[]> {
    checkFindOptions(options);
    if (options.limit === 0) return [];
    const sort = options.sort ?? defaultSort;
    return this.#coll(name)
      .find(filter as MongoFilter<Doc>, {
        ...(Object.keys(sort).length > 0 ? { sort } : {}),
        ...(options.skip ? { skip: options.skip } : {}),
        ...(options.limit !== undefined ? { limit: options.limit } : {}),
        ...(options.projection ? { projection: options.projection } : {}),
      })
      .toArray();
  }

  #coll(name: string): Collection<Doc> {
    assertCollectionName(name);
    return this.#db.collection<Doc>(name);
  }
}

/**
 * An unordered bulk write; returns the indexes of operations that failed only because the `_id`
 * already existed (a concurrent upsert won the race). Any other failure is rethrown.
 */
async function bulkWrite(coll: Collection<Doc>, ops: AnyBulkWriteOperation<Doc>[]): Promise<Set<number>> {
  if (ops.length === 0) return new Set();
  try {
    await coll.bulkWrite(ops, { ordered: false });
    return new Set();
  } catch (err) {
    if (err instanceof MongoBulkWriteError && !err.err) {
      const errors = Array.isArray(err.writeErrors) ? err.writeErrors : [err.writeErrors];
      // Only a clash on the `_id` index means "a concurrent writer stored it first"; any other unique index is a real error.
      if (errors.length > 0 && errors.every((e) => e.code === DUPLICATE_KEY && ID_INDEX.test(e.errmsg ?? ''))) return new Set(errors.map((e) => e.index));
    }
    throw err;
  }
}
