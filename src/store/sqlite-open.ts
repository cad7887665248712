import Database from 'better-sqlite3';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { StoreInputError, StoreUnavailableError } from './errors.js';
import { isBusy, sqliteFailure } from './sqlite-errors.js';
import { upgradeSchema } from './sqlite-migrate.js';
import { APPLICATION_ID, DDL, SCHEMA_VERSION } from './sqlite-tables.js';

/** Options of `SqliteStore.open`. */
export interface SqliteStoreOptions {
  /** Directory holding `earshot.db` (and its `-wal`/`-shm` files); created when missing. */
  dataDir: string;
  /** How long a write waits for another process's write to finish before giving up. Default 5000 ms. */
  busyTimeoutMs?: number;
}

/** The database file inside a data dir. */
export const DB_FILE = 'earshot.db';

/** Files of the nedb store earlier versions kept in the data dir. */
const NEDB_FILES = ['mentions.db', 'rollups.db', 'crawlRuns.db', 'cursors.db'];

/**
 * Opens `<dataDir>/earshot.db`: checks that it is an earshot store (or empty), switches it to WAL
 * with `synchronous=NORMAL` and a busy timeout, and creates the schema on first use.
 */
export async function openDatabase(options: SqliteStoreOptions): Promise<{ db: Database.Database; file: string }> {
  const { dataDir } = options;
  const busy = options.busyTimeoutMs ?? 5000;
  if (!Number.isInteger(busy) || busy < 0) throw new StoreInputError(`busyTimeoutMs must be a non-negative integer, got ${busy}`);
  prepareDir(dataDir);
  const file = path.join(dataDir, DB_FILE);
  if (!existsSync(file)) {
    const old = NEDB_FILES.filter((f) => existsSync(path.join(dataDir, f)));
    if (old.length > 0) {
      throw new StoreUnavailableError(
        `data dir ${dataDir} holds an older earshot store (${old.join(', ')}, nedb), which this version no longer reads; move those files away and crawl again, or point EARSHOT_DATA_DIR elsewhere`,
      );
    }
  }
  let db: Database.Database;
  try {
    db = new Database(file, { timeout: busy });
  } catch (err) {
    throw sqliteFailure(err, `open ${file}`);
  }
  // SQLite answers some lock waits at once instead of through the busy timeout: switching a new file to WAL while
  // another process creates the schema is refused without a wait, as waiting could deadlock. Two processes started on
  // one fresh data dir (a worker and the API) met that; each step below is safe to run again, so it is retried until
  // the busy timeout has passed, as any other wait for a lock.
  const deadline = Date.now() + busy;
  for (;;) {
    try {
      checkOwner(db, file);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = OFF');
      migrate(db, file);
      return { db, file };
    } catch (err) {
      if (isBusy(err) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, OPEN_RETRY_MS));
        continue;
      }
      db.close();
      throw sqliteFailure(err, `open ${file}`);
    }
  }
}

/** Pause between two tries of opening a store another process holds locked (see `openDatabase`). */
const OPEN_RETRY_MS = 20;

function prepareDir(dataDir: string): void {
  try {
    if (existsSync(dataDir) && !statSync(dataDir).isDirectory()) {
      throw new StoreUnavailableError(`data dir ${dataDir} is a file, not a directory; point EARSHOT_DATA_DIR at a directory`);
    }
    mkdirSync(dataDir, { recursive: true });
  } catch (err) {
    if (err instanceof StoreUnavailableError) throw err;
    throw new StoreUnavailableError(`cannot create data dir ${dataDir} (${err instanceof Error ? err.message : String(err)})`, { cause: err });
  }
}

/** Refuses a SQLite file some other program wrote (it has tables but not earshot's application id). */
function checkOwner(db: Database.Database, file: string): void {
  // One read transaction: another process creating the schema meanwhile is seen whole or not at all.
  const { appId, tables } = db.transaction(() => ({
    appId: db.pragma('application_id', { simple: true }) as number,
    tables: db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table'").pluck().get() as number,
  }))();
  if (appId === APPLICATION_ID) return;
  if (appId !== 0 || tables > 0) {
    throw new StoreUnavailableError(`${file} is not an earshot store (it is a SQLite database of another program); point EARSHOT_DATA_DIR at an earshot data dir or an empty one`);
  }
}

function migrate(db: Database.Database, file: string): void {
  const current = hasMeta(db)
    ? ((db.prepare("SELECT value FROM meta WHERE key = 'schemaVersion'").pluck().get() as string | undefined) ?? null)
    : null;
  if (current !== null && Number(current) === SCHEMA_VERSION) return;
  if (current !== null && Number(current) > SCHEMA_VERSION) {
    throw new StoreUnavailableError(`${file} was written by a newer earshot (schema ${current}, this one knows ${SCHEMA_VERSION}); upgrade earshot`);
  }
  db.transaction(() => {
    // Another process may have upgraded it while this one waited for the write lock.
    const now = hasMeta(db) ? Number(db.prepare("SELECT value FROM meta WHERE key = 'schemaVersion'").pluck().get() ?? 0) : 0;
    if (now > 0 && now < SCHEMA_VERSION) upgradeSchema(db, now, SCHEMA_VERSION);
    db.exec(DDL);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.prepare("INSERT INTO meta (key, value) VALUES ('schemaVersion', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(String(SCHEMA_VERSION));
  }).immediate();
}

function hasMeta(db: Database.Database): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get() !== undefined;
}
