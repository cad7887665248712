import { Kind, type Token } from './tokenize.js';
import { F } from './word-info.js';

/**
 * A tiny token pattern language for intent cues: words separated by spaces; `a|b` alternatives; a trailing `?`
 * makes a word optional; `*` is any one word. Patterns never cross a sentence and never start with an optional word.
 */
export interface Pattern {
  source: string;
  steps: { words: Set<string> | null; optional: boolean }[];
}

export function compilePattern(source: string): Pattern {
  const steps = source
    .trim()
    .split(/\s+/)
    .map((raw) => {
      const optional = raw.endsWith('?');
      const w = optional ? raw.slice(0, -1) : raw;
      return { words: w === '*' ? null : new Set(w.split('|')), optional };
    });
  if (steps.length === 0 || steps[0]!.optional || steps[0]!.words === null) {
    throw new Error(`intent pattern "${source}": must start with a required word`);
  }
  return { source, steps };
}

/**
 * The words that can stand second in a match of `p` (after its first word), or null when a match may have no second
 * word (every later step optional) or any word there (a reachable `*`).
 */
export function secondWords(p: Pattern): Set<string> | null {
  const out = new Set<string>();
  for (let k = 1; k < p.steps.length; k++) {
    const s = p.steps[k]!;
    if (s.words === null) return null;
    for (const w of s.words) out.add(w);
    if (!s.optional) return out;
  }
  return null;
}

/** Patterns indexed by every alternative of their first word. */
export function indexPatterns(sources: string[]): Map<string, Pattern[]> {
  const map = new Map<string, Pattern[]>();
  for (const src of sources) {
    const p = compilePattern(src);
    for (const w of p.steps[0]!.words!) {
      const list = map.get(w) ?? [];
      list.push(p);
      map.set(w, list);
    }
  }
  return map;
}

/** If pattern p matches at token i, the index after the match; else -1. */
export function matchPattern(T: Token[], i: number, p: Pattern): number {
  const sentence = T[i]!.sentence;
  return step(T, i, p, 0, sentence);
}

function step(T: Token[], i: number, p: Pattern, k: number, sentence: number): number {
  if (k === p.steps.length) return i;
  const s = p.steps[k]!;
  const t = T[i];
  const ok = t !== undefined && t.sentence === sentence && t.kind !== Kind.Punct &&
    (s.words === null || ((t.flags & F.CUE_WORD) !== 0 && s.words.has(t.norm)));
  if (ok) {
    const r = step(T, i + 1, p, k + 1, sentence);
    if (r >= 0) return r;
  }
  return s.optional ? step(T, i, p, k + 1, sentence) : -1;
}
