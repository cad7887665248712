import { StoreUnavailableError } from './errors.js';

/**
 * Turns what SQLite throws into one line a user can act on. Errors that are not SQLite's
 * (a bug, a bad document) pass through unchanged.
 */
export function sqliteFailure(err: unknown, doing: string): unknown {
  const code = sqliteCode(err);
  if (code === null) return err;
  const detail = err instanceof Error ? err.message : String(err);
  const base = code.split("_").slice(0, 2).join("_");
  const say = (text: string) => new StoreUnavailableError(text, { cause: err });
  switch (base) {
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return say(`cannot ${doing}: another process held the write lock longer than the busy timeout (${detail}); nothing of this write was stored, try again`);
    case 'SQLITE_NOTADB':
    case 'SQLITE_CORRUPT':
      return say(`cannot ${doing}: the database file is corrupt or not a SQLite database (${detail}); restore it from a backup (earshot store backup)`);
    case 'SQLITE_READONLY':
    case 'SQLITE_PERM':
    case 'SQLITE_AUTH':
      return say(`cannot ${doing}: the database is read-only for this user (${detail}); check the permissions of the data dir and its files`);
    case 'SQLITE_FULL':
      return say(`cannot ${doing}: the disk is full (${detail}); nothing of this write was stored, free some space and try again`);
    case 'SQLITE_CANTOPEN':
    case 'SQLITE_IOERR':
      return say(`cannot ${doing}: ${detail}; check that the data dir exists and is readable and writable`);
    default:
      return say(`cannot ${doing}: ${detail}`);
  }
}

/** SQLite's error code of `err` ("SQLITE_BUSY_RECOVERY"), or null for an error that is not SQLite's. */
function sqliteCode(err: unknown): string | null {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
}

/** Whether SQLite refused for a lock another connection holds (`SQLITE_BUSY` and its extended codes). */
export function isBusy(err: unknown): boolean {
  return sqliteCode(err)?.startsWith('SQLITE_BUSY') ?? false;
}
