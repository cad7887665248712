import { stem } from './stem.js';
import { Kind, type Token } from './tokenize.js';
import type { ThemeDef } from './types.js';

export interface TermEntry {
  stems: string[];
  theme: number;
}

/** Theme terms compiled to stem sequences, indexed by their first stem. */
export interface CompiledThemes {
  defs: ThemeDef[];
  terms: Map<string, TermEntry[]>;
  exclusions: Map<string, TermEntry[]>;
}

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

function index(map: Map<string, TermEntry[]>, stems: string[], theme: number): void {
  if (stems.length === 0) return;
  const list = map.get(stems[0]!) ?? [];
  list.push({ stems, theme });
  list.sort((a, b) => b.stems.length - a.stems.length);
  map.set(stems[0]!, list);
}

/** Compile theme definitions once (per analyzer). Later definitions with the same id add to the earlier ones. */
export function compileThemes(defs: ThemeDef[]): CompiledThemes {
  const merged: ThemeDef[] = [];
  const byId = new Map<string, ThemeDef>();
  for (const d of defs) {
    const prev = byId.get(d.id);
    if (prev) {
      prev.terms = [...prev.terms, ...d.terms];
      prev.exclude = [...(prev.exclude ?? []), ...(d.exclude ?? [])];
    } else {
      const copy: ThemeDef = { ...d, terms: [...d.terms], exclude: [...(d.exclude ?? [])] };
      byId.set(d.id, copy);
      merged.push(copy);
    }
  }
  const terms = new Map<string, TermEntry[]>();
  const exclusions = new Map<string, TermEntry[]>();
  merged.forEach((d, i) => {
    for (const t of d.terms) index(terms, stemsOf(t), i);
    for (const x of d.exclude ?? []) index(exclusions, stemsOf(x), i);
  });
  return { defs: merged, terms, exclusions };
}

function matchAt(T: Token[], i: number, e: TermEntry): boolean {
  if (i + e.stems.length > T.length) return false;
  for (let k = 1; k < e.stems.length; k++) {
    const t = T[i + k]!;
    if ((t.kind !== Kind.Word && t.kind !== Kind.Number) || t.info.stem !== e.stems[k]) return false;
  }
  return true;
}

/**
 * Every occurrence of a theme term in the tokens, except where an exclusion phrase of the same theme covers it.
 * A token belongs to at most one occurrence per theme (the longest term wins). Tokens must carry vocabulary info.
 */
export function findThemes(T: Token[]): ThemeOccurrence[] {
  let excluded: ThemeOccurrence[] | undefined;
  let found: ThemeOccurrence[] | undefined;
  for (let i = 0; i < T.length; i++) {
    const t = T[i]!;
    if (t.kind !== Kind.Word) continue;
    const ex = t.info.themeExclusions;
    if (ex) {
      for (const e of ex) {
        if (matchAt(T, i, e)) (excluded ??= []).push({ theme: e.theme, start: i, end: i + e.stems.length });
      }
    }
    const list = t.info.themeTerms;
    if (!list) continue;
    for (const e of list) {
      if (!matchAt(T, i, e)) continue;
      if (found && covered(found, e.theme, i, i + 1)) continue;
      (found ??= []).push({ theme: e.theme, start: i, end: i + e.stems.length });
    }
  }
  if (!found) return [];
  if (!excluded) return found;
  const kept: ThemeOccurrence[] = [];
  for (const f of found) if (!covered(excluded, f.theme, f.start, f.end)) kept.push(f);
  return kept;
}

/** Does a range of `theme` in `list` overlap [start, end)? */
function covered(list: ThemeOccurrence[], theme: number, start: number, end: number): boolean {
  for (const x of list) if (x.theme === theme && x.start < end && start < x.end) return true;
  return false;
}
