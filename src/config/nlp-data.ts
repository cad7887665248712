import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { TextProfile } from '../domain/analysis.js';
import type { LexiconData, LexiconEntries, ThemeDef } from '../nlp/types.js';
import { readYamlCached } from './yaml-cache.js';

/**
 * Reading the NLP stage's data files: theme packs (`config/themes/*.yaml`) and lexicon additions
 * (`config/lexicon/*.yaml`). This is the only I/O of the NLP stage; `src/nlp` itself is pure.
 */

/** `<repo>/config`: two levels above this file under tsx (src/config), three after a build (dist/src/config). */
function defaultConfigDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [resolve(here, '../../config'), resolve(here, '../../../config')];
  return candidates.find((c) => existsSync(join(c, 'themes'))) ?? candidates[0]!;
}

const Term = z.string().trim().min(1, 'empty term');
/**
 * An exclusion: a phrase, "* word" (that word after any term) or "=word" (one written form of a one-word term). A
 * malformed special form would otherwise be read as a phrase that never matches, silently excluding nothing.
 */
const Exclusion = Term.refine((x) => !x.startsWith('*') || /^\*\s+[^\s*]+$/.test(x), "'* word' takes exactly one word after '*'").refine(
  (x) => !x.startsWith('=') || /^=\s*[\p{L}\p{N}'\u2019-]+$/u.test(x),
  "'=word' takes exactly one word after '='",
);
const ThemeEntry = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'expected a lowercase id (a-z, 0-9, - and _)'),
    label: z.string().min(1).optional(),
    terms: z.array(Term).min(1, 'a theme needs at least one term'),
    exclude: z.array(Exclusion).default([]),
    replaces: z.array(z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'expected a theme id')).default([]),
  })
  .strict();
/** A pack file is `{ pack?, description?, themes: [...] }`, or just the list of themes. */
const PackFile = z.union([
  z.object({ pack: z.string().optional(), description: z.string().optional(), themes: z.array(ThemeEntry) }).strict(),
  z.array(ThemeEntry),
]);

const Valence = z.number().min(-5).max(5);
const LexiconFile = z
  .object({
    description: z.string().optional(),
    /** The file applies only to texts scored with this profile (reviews, social); without it, to every text. */
    profile: TextProfile.optional(),
    words: z.record(z.string().min(1), Valence).default({}),
    phrases: z.record(z.string().min(1), Valence).default({}),
    emoji: z.record(z.string().min(1), Valence).default({}),
    /** Multiplier of negative contributions (see `LexiconEntries.negativeWeight`). */
    negativeWeight: z.number().min(0.25).max(4).optional(),
    /** Entries for a text addressed to someone (an @handle in it), applied last (see `AddressedEntries`). */
    addressed: z
      .object({ words: z.record(z.string().min(1), Valence).default({}), phrases: z.record(z.string().min(1), Valence).default({}) })
      .strict()
      .optional(),
  })
  .strict();

function issueLine(file: string, err: z.ZodError): string {
  const i = err.issues[0]!;
  const path = i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
  return `${file}: ${path ? `${path}: ` : ''}${i.message}`;
}

/** A data file that does not match its schema: the message names the file and the field. */
class DataFileError extends Error {}

/**
 * Changes whenever this module is rebuilt or edited, so validated data cached by `readYamlCached` never outlives a
 * change of the schemas above.
 */
const SCHEMA_STAMP = (() => {
  try {
    return String(statSync(fileURLToPath(import.meta.url)).mtimeMs);
  } catch {
    return String(Date.now());
  }
})();

/**
 * A YAML data file, validated by `schema` (an empty file read as `empty`, when given). The validated value is what the
 * cache keeps, so an unchanged file is neither parsed nor validated again.
 */
function readValidated<S extends z.ZodType>(file: string, name: string, schema: S, empty?: unknown): z.output<S> {
  return readYaml(file, {
    tag: `${name}:${SCHEMA_STAMP}`,
    fn: (raw) => {
      const parsed = schema.safeParse(raw == null && empty !== undefined ? empty : raw);
      if (!parsed.success) throw new DataFileError(issueLine(file, parsed.error));
      return parsed.data;
    },
  }) as z.output<S>;
}

function readYaml(file: string, check?: { tag: string; fn: (value: unknown) => unknown }): unknown {
  const read = (f: string) => {
    try {
      return readFileSync(f, 'utf8');
    } catch (err) {
      throw new Error(`${f}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
  };
  try {
    return readYamlCached(file, read, check);
  } catch (err) {
    if (err instanceof DataFileError || (err as Error).message.startsWith(`${file}: cannot read`)) throw err;
    throw new Error(`${file}: not valid YAML (${(err as Error).message.split('\n')[0]})`);
  }
}

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort();
}

/** Theme pack names available in `dir` (file names without extension). */
export function availableThemePacks(opts: { dir?: string } = {}): string[] {
  return yamlFiles(opts.dir ?? join(defaultConfigDir(), 'themes')).map((f) => f.replace(/\.ya?ml$/, ''));
}

/**
 * A pack file read and validated, kept per file while its size and mtime stay the same: one config check reads each
 * pack for every brand that names it (its themes, then the goals' and rules' theme ids), and a config reload re-reads
 * only an edited pack.
 */
const packFiles = new Map<string, { stamp: string; data: z.infer<typeof PackFile> }>();
function readPackFile(file: string): z.infer<typeof PackFile> {
  let stamp = '';
  try {
    const st = statSync(file);
    stamp = `${st.size}:${st.mtimeMs}`;
  } catch {
    // unreadable: readYaml below says why
  }
  const hit = packFiles.get(file);
  if (hit && stamp && hit.stamp === stamp) return hit.data;
  const data = readValidated(file, 'theme-pack', PackFile);
  if (stamp) packFiles.set(file, { stamp, data });
  return data;
}

/**
 * Load theme packs by name (`general` reads `<dir>/general.yaml`) or by path (a name containing `/` or ending in
 * `.yaml` is a file of your own, relative to the working directory, in the same shape as a pack). Later packs add
 * terms to themes of the same id. An unknown pack throws one line naming it and the available ones.
 * @param opts.dir folder of the packs; default `<repo>/config/themes`.
 */
export function loadThemePacks(packNames: string[], opts: { dir?: string } = {}): ThemeDef[] {
  const dir = opts.dir ?? join(defaultConfigDir(), 'themes');
  const out: ThemeDef[] = [];
  for (const name of packNames) {
    const isPath = /[/\\]/.test(name) || /\.ya?ml$/.test(name);
    let file: string;
    if (isPath) {
      file = isAbsolute(name) ? name : resolve(name);
      if (!existsSync(file)) throw new Error(`theme file "${name}" not found (looked at ${file})`);
    } else {
      const hit = [join(dir, `${name}.yaml`), join(dir, `${name}.yml`)].find((f) => existsSync(f));
      if (!hit) {
        const available = availableThemePacks({ dir });
        throw new Error(`unknown theme pack "${name}" (available: ${available.join(', ') || `none in ${dir}`})`);
      }
      file = hit;
    }
    const data = readPackFile(file);
    const themes = Array.isArray(data) ? data : data.themes;
    const pack = Array.isArray(data) ? name : (data.pack ?? name);
    for (const t of themes) {
      out.push({
        id: t.id, ...(t.label ? { label: t.label } : {}), terms: [...t.terms], exclude: [...t.exclude],
        ...(t.replaces.length ? { replaces: [...t.replaces] } : {}), pack,
      });
    }
  }
  return out;
}

/**
 * Load the lexicon additions: every `*.yaml` in `dir`, in file-name order (later files override earlier ones),
 * each `{ profile?, words?: {word: valence}, phrases?: {phrase: valence}, emoji?: {...} }` with valences on the AFINN
 * scale (-5..5; 0 removes a built-in word). A file with a `profile` (reviews, social) goes to `profiles[profile]` and
 * applies only to texts scored with that profile. A file's `addressed: { words?, phrases? }` applies, last, only to
 * texts addressed to someone (an @handle in them).
 * @param opts.dir default `<repo>/config/lexicon`.
 */
export function loadLexicon(opts: { dir?: string } = {}): LexiconData {
  const dir = opts.dir ?? join(defaultConfigDir(), 'lexicon');
  const out: LexiconData & Required<Pick<LexiconData, 'words' | 'phrases' | 'emoji'>> = { words: {}, phrases: {}, emoji: {} };
  for (const f of yamlFiles(dir)) {
    const file = join(dir, f);
    const data = readValidated(file, 'lexicon', LexiconFile, {});
    const { profile } = data;
    type Entries = Required<Pick<LexiconEntries, 'words' | 'phrases' | 'emoji'>> & Pick<LexiconEntries, 'negativeWeight' | 'addressed'>;
    let into: Entries = out;
    if (profile) {
      out.profiles ??= {};
      into = (out.profiles[profile] ??= { words: {}, phrases: {}, emoji: {} }) as Entries;
    }
    if (data.negativeWeight !== undefined) into.negativeWeight = data.negativeWeight;
    if (data.addressed) {
      into.addressed ??= {};
      into.addressed.words = { ...into.addressed.words, ...data.addressed.words };
      into.addressed.phrases = { ...into.addressed.phrases, ...data.addressed.phrases };
    }
    Object.assign(into.words, data.words);
    Object.assign(into.phrases, data.phrases);
    Object.assign(into.emoji, data.emoji);
  }
  return out;
}
