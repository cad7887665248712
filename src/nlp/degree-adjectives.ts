import { addStep, type Item } from './sentiment.js';
import type { Tokens } from './token.js';

/** Adjectives of size or completeness that, right before blame, measure it ("a great disappointment", "a total mess"). */
const DEGREE_ADJECTIVES = new Set(['great', 'big', 'huge', 'major', 'total', 'complete', 'absolute', 'utter', 'massive', 'enormous', 'perfect', 'pure', 'sheer', 'true', 'real']);
/** How much such a word strengthens the blame it measures. */
const DEGREE_ADJECTIVE_BOOST = 1.3;

/**
 * "All in all, a great disappointment", "a huge waste of time", "a perfect mess": praise of size right before blame
 * is a degree word, not praise; it weighs nothing and strengthens the blame (they scored 0 together before: great +3,
 * disappointment -3). Only where the two are adjacent ("great food, terrible service" is two opinions).
 */
export function applyDegreeAdjectives(toks: Tokens, items: Item[]): void {
  for (let k = 0; k + 1 < items.length; k++) {
    const a = items[k]!;
    const b = items[k + 1]!;
    if (b.start !== a.end || a.end - a.start !== 1 || a.weight <= 0 || b.weight >= 0 || b.clause !== a.clause) continue;
    if (!DEGREE_ADJECTIVES.has(toks.norm[a.start]!)) continue;
    a.weight = 0;
    a.local = 0;
    addStep(a, 'degree');
    b.weight *= DEGREE_ADJECTIVE_BOOST;
    b.local *= DEGREE_ADJECTIVE_BOOST;
    addStep(b, 'intensified', toks.norm[a.start]!);
  }
}
