import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type * as Yaml from 'yaml';

/**
 * YAML data files (theme packs, lexicon additions) parsed once and kept as JSON, keyed by path, size and mtime; and
 * config files' trees, keyed by their text (see `parseConfigText`).
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

let yaml: typeof Yaml | undefined;
/**
 * The `yaml` library, loaded on first use (required, not imported: a start-up whose YAML is all cached never loads
 * it; about 40 ms of cold module code).
 */
export function yamlModule(): typeof Yaml {
  yaml ??= createRequire(import.meta.url)('yaml') as typeof Yaml;
  return yaml;
}

/** The `yaml` library's version, read from its package.json (not the library: see `yamlModule`). */
export function yamlVersion(): string {
  return (createRequire(import.meta.url)('yaml/package.json') as { version: string }).version;
}

function parseYaml(text: string): unknown {
  return yamlModule().parse(text);
}

/** The cache entry under `key` (a hex digest naming everything the value depends on), or undefined. */
export function cachedValue(key: string): unknown {
  const dir = join(cacheDir(), 'yaml');
  try {
    if (isPrivateDir(dir)) return JSON.parse(readFileSync(join(dir, `${key}.json`), 'utf8'));
  } catch {
    // no cache entry
  }
  return undefined;
}

/** Keep `value` (JSON-safe) under `key`; a cache that cannot be written is skipped. */
export function storeValue(key: string, value: unknown): void {
  const dir = join(cacheDir(), 'yaml');
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

/** A cache key: the hex SHA-1 of the parts (with the cache's format version). */
export function cacheKey(...parts: string[]): string {
  return createHash('sha1').update([String(VERSION), ...parts].join('\0')).digest('hex');
}

/**
 * The parsed content of the YAML file `file` (the caller reports read and parse errors with the file name). With
 * `check`, what `check.fn` makes of it (a zod parse, which throws on a bad file) is what is cached, under `check.tag`,
 * so a hit skips the validation too; the tag must change whenever `fn` would give something else.
 */
export function readYamlCached(file: string, read: (file: string) => string, check?: { tag: string; fn: (value: unknown) => unknown }): unknown {
  let key: string | undefined;
  try {
    const st = statSync(file);
    key = cacheKey(check?.tag ?? '', file, String(st.size), String(st.mtimeMs));
    const hit = cachedValue(key);
    if (hit !== undefined) return hit;
  } catch {
    // no file: `read` below reports it
  }
  const parsed = parseYaml(read(file));
  const value = check ? check.fn(parsed) : parsed;
  if (key && value !== undefined) storeValue(key, value);
  return value;
}
