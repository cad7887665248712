import { addStep, type Item } from './sentiment.js';
import type { Tokens } from './token.js';

/**
 * "Hassle-free", "stress-free", "worry-free", "charisma-free": a word joined to "-free" is what the thing is without.
 * Without a trouble is praise, without a virtue blame: the word's weight turns round (rule "free of"), and "free"
 * itself (no charge) weighs nothing; after a word of neither kind ("gluten-free", "hands-free") nothing is scored.
 * The hyphen is read from the text: "free" written apart ("stress, free drinks", "terrible free wifi") is left alone,
 * but for the nouns of trouble people write the compound apart with ("hassle free", "stress free", "worry free").
 */
const FREE = 'free';
/** Troubles a thing is written "free" of with a space as often as with a hyphen. */
const TROUBLES = new Set([
  'hassle', 'hassles', 'stress', 'worry', 'trouble', 'problem', 'pain', 'fuss', 'risk', 'guilt', 'headache', 'drama',
  'glitch', 'bug', 'lag', 'error', 'mess', 'clutter', 'tangle', 'frizz', 'odor', 'smell', 'leak', 'scratch', 'smudge',
]);

export function applyFreeOf(toks: Tokens, text: string, items: Item[]): void {
  for (let n = 0; n < items.length; n++) {
    const it = items[n]!;
    if (it.end - it.start !== 1 || it.weight === 0 || toks.norm[it.start] !== FREE) continue;
    const at = toks.start[it.start]!;
    const prev = it.start - 1;
    if (prev < 0 || at === 0) continue;
    const joined = text.charCodeAt(at - 1) === 45 && toks.end[prev] === at - 1;
    const apart =
      !joined && text.charCodeAt(at - 1) === 32 && toks.end[prev] === at - 1 && TROUBLES.has(toks.norm[prev]!);
    if (!joined && !apart) continue;
    it.weight = 0;
    it.local = 0;
    addStep(it, 'free of');
    const word = n > 0 ? items[n - 1]! : null;
    if (word === null || word.end !== it.start || word.weight === 0) continue;
    word.weight = -word.weight;
    word.local = -word.local;
    addStep(word, 'free of', FREE);
  }
}
