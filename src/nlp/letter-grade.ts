import { Kind, type Tokens } from './token.js';

/**
 * A school grade given to the place or a part of it: "A+ service", "B+ for the food", "the food (A+++)". A capital
 * letter from A to F written with "+" right after it (no space) is a grade in any review; a bare letter is not read
 * ("a", "I", "F" are words and initials too often). Only texts with a "+" in their punctuation are searched (the
 * tokenizer's `M.PLUS` mark).
 */

/** The valence of each grade on the AFINN scale; the plus raises it by PLUS_STEP. */
const GRADES: Record<string, number> = { A: 3, B: 1.5, C: -1, D: -2, F: -3 };
const PLUS_STEP = 0.5;

/** One grade found: its letter's token, the end of its "+" run, and its valence. */
export interface Grade {
  start: number;
  end: number;
  valence: number;
}

/** The letter grades of a text, in text order. */
export function letterGrades(toks: Tokens, text: string): Grade[] {
  const out: Grade[] = [];
  const { count, kind, norm, start, end } = toks;
  for (let k = 1; k < count; k++) {
    if (kind[k] !== Kind.Punct || norm[k]!.charCodeAt(0) !== 43) continue;
    const g = k - 1;
    if (kind[g] !== Kind.Word || end[g]! - start[g]! !== 1 || end[g] !== start[k]) continue;
    const base = GRADES[text[start[g]!]!];
    if (base === undefined) continue;
    out.push({ start: g, end: k + 1, valence: base + PLUS_STEP });
  }
  return out;
}
