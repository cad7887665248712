import { addStep, type Item } from './sentiment.js';
import { SURPRISE, wordSet } from './rules.js';
import type { Tokens } from './token.js';

/**
 * "amazed at how small the dish was", "surprised by how good it was", "shocked how rude they were": surprise at how
 * something is takes the polarity of what it is. The surprise word weighs nothing where a later opinion in its clause
 * says what surprised (rule "surprise at"); alone ("I was amazed") it keeps its own.
 */
const HOW = 'how';
const LINKS = wordSet('at by');

export function applySurpriseAt(toks: Tokens, items: Item[]): void {
  const { norm, clause, count } = toks;
  for (let n = 0; n + 1 < items.length; n++) {
    const it = items[n]!;
    if (it.end - it.start !== 1 || it.weight === 0 || !SURPRISE.has(norm[it.start]!)) continue;
    let j = it.end;
    if (j < count && LINKS.has(norm[j]!)) j++;
    if (j >= count || norm[j] !== HOW || clause[j] !== clause[it.start]) continue;
    const next = items[n + 1]!;
    if (next.clause !== it.clause || next.start <= j || next.weight === 0) continue;
    it.weight = 0;
    it.local = 0;
    addStep(it, 'surprise at', norm[next.start]!);
  }
}
