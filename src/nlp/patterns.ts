import { Kind, type Tokens } from './token.js';
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
export function matchPattern(toks: Tokens, i: number, p: Pattern): number {
  return step(toks, i, p, 0, toks.sentence[i]!);
}

function step(toks: Tokens, i: number, p: Pattern, k: number, sentence: number): number {
  if (k === p.steps.length) return i;
  const s = p.steps[k]!;
  // Past the last token nothing matches (the columns hold stale tokens beyond `count`).
  const ok = i < toks.count && toks.sentence[i] === sentence && toks.kind[i] !== Kind.Punct &&
    (s.words === null || ((toks.flags[i]! & F.CUE_WORD) !== 0 && s.words.has(toks.norm[i]!)));
  if (ok) {
    const r = step(toks, i + 1, p, k + 1, sentence);
    if (r >= 0) return r;
  }
  return s.optional ? step(toks, i, p, k + 1, sentence) : -1;
}
