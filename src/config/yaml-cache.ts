import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * YAML data files (theme packs, lexicon additions) parsed once and kept as JSON, keyed by path, size and mtime.
 *
 * Why: a one-line `earshot analyze` spent ~130 ms of its start-up in the YAML parser on 20 KB of lexicon, cold
 * code every time; `JSON.parse` of the same data takes a millisecond, and the YAML library is not even loaded.
 * An edited file has a new mtime or size and is parsed again. A cache that cannot be read or written is skipped.
 *
 * Where: the user's cache dir (`EARSHOT_CACHE_DIR`, else `$XDG_CACHE_HOME/earshot`, else `~/.cache/earshot`), never
 * a shared temp dir, where another local user could plant entries (the keys are predictable) and change what the
 * analyzer scores. A dir that is not the user's own, or that others may write to, is not used.
 */
const VERSION = 1;

function cacheDir(): string {
  const env = process.env;
  return env.EARSHOT_CACHE_DIR || join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'earshot');
}

/** Whether `dir` exists as this user's own directory that nobody else may write to (POSIX; elsewhere: exists). */
function isPrivateDir(dir: string): boolean {
  const st = lstatSync(dir);
  if (!st.isDirectory()) return false;
  if (typeof process.getuid !== 'function') return true;
  return st.uid === process.getuid() && (st.mode & 0o022) === 0;
}

let yamlParse: ((text: string) => unknown) | undefined;
function parseYaml(text: string): unknown {
  yamlParse ??= (createRequire(import.meta.url)('yaml') as { parse: (t: string) => unknown }).parse;
  return yamlParse(text);
}

/**
 * The parsed content of the YAML file `file` (the caller reports read and parse errors with the file name). With
 * `check`, what `check.fn` makes of it (a zod parse, which throws on a bad file) is what is cached, under `check.tag`,
 * so a hit skips the validation too; the tag must change whenever `fn` would give something else.
 */
export function readYamlCached(file: string, read: (file: string) => string, check?: { tag: string; fn: (value: unknown) => unknown }): unknown {
  let key: string | undefined;
  const dir = join(cacheDir(), 'yaml');
  try {
    const st = statSync(file);
    key = createHash('sha1').update(`${VERSION}\0${check?.tag ?? ''}\0${file}\0${st.size}\0${st.mtimeMs}`).digest('hex');
    if (isPrivateDir(dir)) return JSON.parse(readFileSync(join(dir, `${key}.json`), 'utf8'));
  } catch {
    // no cache entry (or no file: `read` below reports it)
  }
  const parsed = parseYaml(read(file));
  const value = check ? check.fn(parsed) : parsed;
  if (key && value !== undefined) {
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      if (isPrivateDir(dir)) {
        const tmp = join(dir, `${key}.${process.pid}.tmp`);
        writeFileSync(tmp, JSON.stringify(value), { mode: 0o600 });
        renameSync(tmp, join(dir, `${key}.json`));
      }
    } catch {
      // no home, read-only or full disk: parse every time
    }
  }
  return value;
}
