import { CURRENCY_SIGNS } from './chars.js';
import { stem } from './stem.js';
import { Kind, M, type Tokens } from './token.js';
import { F } from './word-info.js';
import type { ThemeDef } from './types.js';

/** Theme terms compiled to stem sequences, indexed by their first stem. */
export interface CompiledThemes {
  defs: ThemeDef[];
  /**
   * All terms and exclusions as one array of numbers, so matching reads one compact block. For each first stem, at
   * its offset (`offsets`): the count of numbers that follow, the count the terms take, then the terms (longest first),
   * then the exclusions; each as its theme index (a one-word term's with `WITH_FORMS` set where written forms of its
   * stem may drop it), its length in stems, then the `stemIds` of its later stems.
   */
  code: Int32Array;
  offsets: Map<string, number>;
  /** A number for each stem that stands second or later in a term or exclusion (see `WordInfo.stemId`). */
  stemIds: Map<string, number>;
  /**
   * For each first stem, at its offset in `code`: the second stems of its terms and exclusions, as bits over `stemIds`
   * starting at `seconds[offset]` in `secondBits`. "the", "of", "it" start a few long exclusions each and are followed by
   * some later stem in most sentences ("of the"): the second word alone rules out almost all of them.
   */
  seconds: Int32Array;
  secondBits: Int32Array;
  /**
   * Currency symbols listed as a term ("$" in a price theme), with their theme: a symbol next to a number ("$20",
   * "50 $") is an occurrence. Stems hold letters and digits only, so these are matched apart from the stem terms.
   */
  currency: Map<string, number>;
  /** Per theme, the `stemIds` of the words that, right after one of its terms, make it no occurrence ("* place"). */
  tails: (Int32Array | null)[];
  /**
   * Per theme, written forms (lowercase) that are no occurrence of its one-word terms though they share a term's stem
   * ("=crowds": the crowd of a place is its ambience, crowds in the street are not; "crowded" still is).
   */
  forms: (Set<string> | null)[];
}

/** Symbols a term may be on its own, matched next to an amount. */
const CURRENCY = new Set(CURRENCY_SIGNS);

/** One place a theme term occurs: token range [start, end). */
export interface ThemeOccurrence {
  theme: number;
  start: number;
  end: number;
}

function stemsOf(phrase: string): string[] {
  return phrase
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .split(/[^\p{L}\p{N}']+/u)
    .filter(Boolean)
    .map(stem);
}

interface Term {
  theme: number;
  ids: number[];
}

function index(map: Map<string, Term[]>, stemIds: Map<string, number>, stems: string[], theme: number): void {
  if (stems.length === 0) return;
  const ids = stems.map((st, k) => {
    if (k === 0) return -1;
    let id = stemIds.get(st);
    if (id === undefined) stemIds.set(st, (id = stemIds.size));
    return id;
  });
  const list = map.get(stems[0]!) ?? [];
  list.push({ theme, ids });
  list.sort((a, b) => b.ids.length - a.ids.length);
  map.set(stems[0]!, list);
}

/**
 * Set on a one-word term's theme number in `code` when the theme has a written form (`CompiledThemes.forms`) of the
 * term's stem: only then can the word be one of those forms, so only then are they read.
 */
const WITH_FORMS = 1 << 24;

/**
 * The numbers of a list of terms, without repeats (packs that share a term list it once per theme). `formed`: the
 * themes with a written form of these terms' first stem (see `WITH_FORMS`).
 */
function termNumbers(list: Term[] | undefined, formed?: Set<number>): number[] {
  const out: number[] = [];
  const seen = new Set<string>();
  for (const t of list ?? []) {
    const key = `${t.theme} ${t.ids.join(' ')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(t.ids.length === 1 && formed?.has(t.theme) ? t.theme | WITH_FORMS : t.theme, t.ids.length, ...t.ids.slice(1));
  }
  return out;
}

function encode(
  terms: Map<string, Term[]>, exclusions: Map<string, Term[]>, forms: (Set<string> | null)[],
): Pick<CompiledThemes, 'code' | 'offsets'> {
  // Each written form's stem (as a token's: `stem` of the whole word), with the themes that list it.
  const formed = new Map<string, Set<number>>();
  forms.forEach((f, theme) => {
    for (const w of f ?? []) {
      const st = stem(w);
      formed.set(st, (formed.get(st) ?? new Set()).add(theme));
    }
  });
  const code: number[] = [];
  const offsets = new Map<string, number>();
  for (const first of new Set([...terms.keys(), ...exclusions.keys()])) {
    const t = termNumbers(terms.get(first), formed.get(first));
    const x = termNumbers(exclusions.get(first));
    offsets.set(first, code.length);
    code.push(1 + t.length + x.length, t.length, ...t, ...x);
  }
  return { code: Int32Array.from(code), offsets };
}

/**
 * Whether every term and exclusion starting at `offset` (in `code`) is two stems or more: then none can match unless
 * the next word is a later stem of some term (`F.THEME_LATER`).
 */
export function onlyLongTermsAt(themes: CompiledThemes, offset: number): boolean {
  const code = themes.code;
  const end = offset + 1 + code[offset]!;
  for (let p = offset + 2; p < end; p += code[p + 1]! + 1) if (code[p + 1] === 1) return false;
  return true;
}

/** The second stems of the terms and exclusions at each offset of `code`, as bits (see `CompiledThemes.seconds`). */
function secondsOf(code: Int32Array, offsets: Map<string, number>, stems: number): Pick<CompiledThemes, 'seconds' | 'secondBits'> {
  const words = (stems + 31) >> 5;
  const seconds = new Int32Array(code.length).fill(-1);
  const secondBits = new Int32Array(offsets.size * words);
  let used = 0;
  for (const offset of offsets.values()) {
    seconds[offset] = used;
    const end = offset + 1 + code[offset]!;
    for (let p = offset + 2; p < end; p += code[p + 1]! + 1) {
      if (code[p + 1]! < 2) continue;
      const k = code[p + 2]!;
      secondBits[used + (k >> 5)]! |= 1 << (k & 31);
    }
    used += words;
  }
  return { seconds, secondBits };
}

/** Compile theme definitions once (per analyzer). Later definitions with the same id add to the earlier ones. */
export function compileThemes(defs: ThemeDef[]): CompiledThemes {
  // A theme another loaded theme `replaces` joins that one (see `ThemeDef.replaces`), whatever the packs' order.
  const replacedBy = new Map<string, string>();
  for (const d of defs) for (const r of d.replaces ?? []) if (r !== d.id) replacedBy.set(r, d.id);
  const canonical = (id: string): string => {
    let c = id;
    for (let hops = 0; hops < 8 && replacedBy.has(c); hops++) c = replacedBy.get(c)!;
    return c;
  };
  const merged: ThemeDef[] = [];
  const byId = new Map<string, ThemeDef>();
  // Canonical themes first, so each keeps its own label wherever the themes it replaces were listed.
  const ordered = [...defs.filter((d) => canonical(d.id) === d.id), ...defs.filter((d) => canonical(d.id) !== d.id)];
  for (const d of ordered) {
    const id = canonical(d.id);
    const prev = byId.get(id);
    if (prev) {
      prev.terms = [...prev.terms, ...d.terms];
      prev.exclude = [...(prev.exclude ?? []), ...(d.exclude ?? [])];
    } else {
      const copy: ThemeDef = { ...d, id, terms: [...d.terms], exclude: [...(d.exclude ?? [])] };
      byId.set(id, copy);
      merged.push(copy);
    }
  }
  const terms = new Map<string, Term[]>();
  const exclusions = new Map<string, Term[]>();
  const stemIds = new Map<string, number>();
  const currency = new Map<string, number>();
  const tails: number[][] = [];
  const forms: (Set<string> | null)[] = merged.map(() => null);
  merged.forEach((d, i) => {
    for (const t of d.terms) {
      if (CURRENCY.has(t.trim())) currency.set(t.trim(), i);
      else index(terms, stemIds, stemsOf(t), i);
    }
    // Every stem in the theme's terms: a one-word exclusion with one of these stems can only mean its written form.
    const termStems = new Set(d.terms.flatMap(stemsOf));
    for (const x of d.exclude ?? []) {
      // "=crowds": that written form of a term's stem, on its own, is not the theme. A plain one-word exclusion on a
      // term's stem ("stocks" next to "out of stock") is read the same way: as a stem it would drop the term itself.
      const form = /^=\s*(\S+)$/.exec(x.trim()) ?? /^([\p{L}\p{N}']+)$/u.exec(x.trim());
      if (form && (x.trim().startsWith('=') || termStems.has(stemsOf(form[1]!)[0]!))) {
        (forms[i] ??= new Set()).add(form[1]!.toLowerCase().replace(/[\u2018\u2019]/g, "'"));
        continue;
      }
      // "* place": any term of the theme followed by "place" ("a pizza place" is a restaurant, not its pizza).
      const star = /^\*\s+(\S+)$/.exec(x.trim());
      if (!star) {
        index(exclusions, stemIds, stemsOf(x), i);
        continue;
      }
      const st = stemsOf(star[1]!)[0];
      if (st === undefined) continue;
      let id = stemIds.get(st);
      if (id === undefined) stemIds.set(st, (id = stemIds.size));
      (tails[i] ??= []).push(id);
    }
  });
  const encoded = encode(terms, exclusions, forms);
  return {
    defs: merged, ...encoded, stemIds, currency, ...secondsOf(encoded.code, encoded.offsets, stemIds.size),
    tails: merged.map((_, i) => (tails[i] ? Int32Array.from(tails[i]!) : null)),
    forms,
  };
}

/** Whether the term of `len` stems whose later stem ids start at code[p] matches at token i. */
function matchAt(toks: Tokens, stemIds: Int32Array, i: number, code: Int32Array, p: number, len: number): boolean {
  // The term must end by the last token: the columns hold stale tokens beyond `count`.
  if (i + len > toks.count) return false;
  const kind = toks.kind;
  const id = toks.id;
  for (let k = 1; k < len; k++) {
    const j = i + k;
    if ((kind[j] !== Kind.Word && kind[j] !== Kind.Number) || stemIds[id[j]!] !== code[p + k - 1]) return false;
  }
  return true;
}

/**
 * Every occurrence of a theme term in the tokens, except where an exclusion phrase of the same theme covers it.
 * A token belongs to at most one occurrence per theme (the longest term wins). Tokens must carry vocabulary info.
 */
export function findThemes(toks: Tokens, themes: CompiledThemes): ThemeOccurrence[] {
  // Most texts have no currency sign: the tokenizer marks those that do, which spares the token scan.
  const amounts = themes.currency.size > 0 && toks.marks & M.CURRENCY ? findAmounts(toks, themes.currency) : undefined;
  const words = findThemeWords(toks, themes);
  if (!amounts) return words;
  return words.length === 0 ? amounts : [...words, ...amounts].sort((a, b) => a.start - b.start);
}

/**
 * Currency symbols next to a number ("$20", "$ 1.95", "50 $"): an amount of money is about price whatever words
 * surround it. One occurrence per symbol token.
 */
function findAmounts(toks: Tokens, currency: Map<string, number>): ThemeOccurrence[] | undefined {
  let out: ThemeOccurrence[] | undefined;
  const kind = toks.kind;
  const n = toks.count;
  let last = -1;
  // From the numbers, which are rarer than punctuation: the symbol stands right before or after one.
  for (let i = 0; i < n; i++) {
    if (kind[i] !== Kind.Number) continue;
    for (let j = i - 1; j <= i + 1; j += 2) {
      if (j < 0 || j >= n || j === last || kind[j] !== Kind.Punct) continue;
      const theme = currencyTheme(toks.norm[j]!, currency);
      if (theme < 0) continue;
      (out ??= []).push({ theme, start: j, end: j + 1 });
      last = j;
    }
  }
  return out;
}

/** The theme of a currency symbol in a punctuation run ("$", "$$", "($"), or -1. */
function currencyTheme(norm: string, currency: Map<string, number>): number {
  for (let c = 0; c < norm.length; c++) {
    const code = norm.charCodeAt(c);
    // "$" or a non-ASCII sign; other ASCII punctuation ("." "," "(") is never one.
    if (code !== 36 && code < 128) continue;
    const theme = currency.get(norm[c]!);
    if (theme !== undefined) return theme;
  }
  return -1;
}

function findThemeWords(toks: Tokens, themes: CompiledThemes): ThemeOccurrence[] {
  const at = toks.themeAt;
  const count = toks.themeCount;
  if (count === 0) return [];
  const V = toks.vocab;
  const id = toks.id;
  const flags = toks.flags;
  const code = themes.code;
  const stemIds = V.stemIds;
  const seconds = themes.seconds;
  const secondBits = themes.secondBits;
  let excluded: ThemeOccurrence[] | undefined;
  let found: ThemeOccurrence[] | undefined;
  // Furthest end of an occurrence found so far: found ones start at or before i, so only one ending after i can
  // cover token i, and most texts have none.
  let reach = 0;
  const tokenCount = toks.count;
  for (let n = 0; n < count; n++) {
    const i = at[n]!;
    // Most candidates ("the", "not", "out") start only longer terms, and the next word is second in none of them: skip
    // them before reading the term table.
    const multi = flags[i]! & F.THEME_MULTI;
    if (multi && !(i + 1 < tokenCount && flags[i + 1]! & F.THEME_LATER)) continue;
    const start = V.themeOffset[id[i]!]!;
    if (multi) {
      const k = stemIds[id[i + 1]!]!;
      if (((secondBits[seconds[start]! + (k >> 5)]! >>> (k & 31)) & 1) === 0) continue;
    }
    const end = start + 1 + code[start]!;
    const split = start + 2 + code[start + 1]!;
    if (flags[i]! & F.THEME_EXCLUSION) {
      for (let p = split; p < end; p += code[p + 1]! + 1) {
        const len = code[p + 1]!;
        if (matchAt(toks, stemIds, i, code, p + 2, len)) (excluded ??= []).push({ theme: code[p]!, start: i, end: i + len });
      }
    }
    for (let p = start + 2; p < split; p += code[p + 1]! + 1) {
      const entry = code[p]!;
      const theme = entry & (WITH_FORMS - 1);
      const len = code[p + 1]!;
      if (!matchAt(toks, stemIds, i, code, p + 2, len)) continue;
      if (reach > i && covered(found!, theme, i, i + 1)) continue;
      if (themes.tails[theme] && followedBy(toks, stemIds, i + len, themes.tails[theme]!)) continue;
      if (entry & WITH_FORMS && themes.forms[theme]!.has(toks.norm[i]!)) continue;
      (found ??= []).push({ theme, start: i, end: i + len });
      if (i + len > reach) reach = i + len;
    }
  }
  if (!found) return [];
  if (!excluded) return found;
  const kept: ThemeOccurrence[] = [];
  for (const f of found) if (!covered(excluded, f.theme, f.start, f.end)) kept.push(f);
  return kept;
}

/** Whether token j is a word whose stem id is in `ids`. */
function followedBy(toks: Tokens, stemIds: Int32Array, j: number, ids: Int32Array): boolean {
  if (j >= toks.count || toks.kind[j] !== Kind.Word) return false;
  const id = stemIds[toks.id[j]!]!;
  for (let k = 0; k < ids.length; k++) if (ids[k] === id) return true;
  return false;
}

/** Does a range of `theme` in `list` overlap [start, end)? */
function covered(list: ThemeOccurrence[], theme: number, start: number, end: number): boolean {
  for (const x of list) if (x.theme === theme && x.start < end && start < x.end) return true;
  return false;
}
