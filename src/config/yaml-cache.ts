import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * YAML data files (theme packs, lexicon additions) parsed once and kept as JSON, keyed by path, size and mtime.
 *
 * Why: a one-line `earshot analyze` spent ~130 ms of its start-up in the YAML parser on 20 KB of lexicon, cold
 * code every time; `JSON.parse` of the same data takes a millisecond, and the YAML library is not even loaded.
 * An edited file has a new mtime or size and is parsed again. A cache that cannot be read or written is skipped.
 */
const CACHE_DIR = join(tmpdir(), `earshot-yaml-cache-${process.getuid?.() ?? 'u'}`);
const VERSION = 1;

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
  try {
    const st = statSync(file);
    key = createHash('sha1').update(`${VERSION}\0${check?.tag ?? ''}\0${file}\0${st.size}\0${st.mtimeMs}`).digest('hex');
    return JSON.parse(readFileSync(join(CACHE_DIR, `${key}.json`), 'utf8'));
  } catch {
    // no cache entry (or no file: `read` below reports it)
  }
  const parsed = parseYaml(read(file));
  const value = check ? check.fn(parsed) : parsed;
  if (key && value !== undefined) {
    try {
      mkdirSync(CACHE_DIR, { recursive: true });
      const tmp = join(CACHE_DIR, `${key}.${process.pid}.tmp`);
      writeFileSync(tmp, JSON.stringify(value));
      renameSync(tmp, join(CACHE_DIR, `${key}.json`));
    } catch {
      // read-only or full temp dir: parse every time
    }
  }
  return value;
}
