import { addStep, type Item } from './sentiment.js';
import type { Tokens } from './token.js';
import { ROLE } from './word-info.js';

/**
 * "Poor sound quality", "the audio quality is poor", "great quality": a word of quality (`ROLE.MEASURED`) that another
 * opinion in its clause judges is what is measured, and weighs nothing; alone ("a quality product", "it's quality
 * stuff") it praises.
 */
export function applyMeasured(toks: Tokens, items: Item[]): void {
  const V = toks.vocab;
  for (const it of items) {
    if (it.end - it.start !== 1 || it.weight <= 0 || !(V.roles[toks.id[it.start]!]! & ROLE.MEASURED)) continue;
    let judged = false;
    for (const other of items) if (other !== it && other.clause === it.clause && other.weight !== 0) judged = true;
    if (!judged) continue;
    it.weight = 0;
    it.local = 0;
    addStep(it, 'measured');
  }
}
