import { mkdir, open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { StoreUnavailableError } from './errors.js';

/**
 * nedb keeps each collection in memory and rewrites its file on compaction, so two processes
 * sharing a data dir would overwrite each other's writes. The embedded store takes this lock file
 * (`<dataDir>/LOCK`, holding the owner's pid) on open and removes it on close. A lock left by a
 * process that no longer runs is taken over. Within one process a data dir may be open once.
 */
export const LOCK_FILE = 'LOCK';

const openHere = new Set<string>();

/** Takes the data dir for this store; resolves to the function that gives it back. */
export async function acquireDataDirLock(dataDir: string): Promise<() => Promise<void>> {
  const dir = path.resolve(dataDir);
  if (openHere.has(dir)) {
    throw new StoreUnavailableError(`data dir ${dataDir} is already open in this process (close the other store first)`);
  }
  openHere.add(dir);
  try {
    const releaseFile = await lockFile(dataDir);
    return async () => {
      openHere.delete(dir);
      await releaseFile();
    };
  } catch (err) {
    openHere.delete(dir);
    throw err;
  }
}

async function lockFile(dataDir: string): Promise<() => Promise<void>> {
  const file = path.join(dataDir, LOCK_FILE);
  try {
    await mkdir(dataDir, { recursive: true });
  } catch (err) {
    throw new StoreUnavailableError(`cannot create data dir ${dataDir} (${reason(err)})`, { cause: err });
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return release(file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new StoreUnavailableError(`cannot lock data dir ${dataDir} (${reason(err)})`, { cause: err });
      }
    }
    const owner = Number.parseInt(await readFile(file, 'utf8').catch(() => ''), 10);
    if (owner === process.pid) return async () => {}; // another thread of this process owns it
    if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) {
      throw new StoreUnavailableError(
        `data dir ${dataDir} is in use by process ${owner}; the embedded store allows one process at a time (stop it, or set MONGO_URL)`,
      );
    }
    await rm(file, { force: true }); // stale lock from a process that is gone
  }
  throw new StoreUnavailableError(`cannot lock data dir ${dataDir} (another process keeps taking the lock)`);
}

function release(file: string): () => Promise<void> {
  return async () => {
    const owner = await readFile(file, 'utf8').catch(() => '');
    if (owner === String(process.pid)) await rm(file, { force: true });
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function reason(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
