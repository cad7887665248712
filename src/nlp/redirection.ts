import { PLACE_NOUNS } from './rules.js';
import { addStep, type Item } from './sentiment.js';
import { Kind, type Tokens } from './token.js';
import { F, ROLE } from './word-info.js';

/**
 * Praise that sends the reader to another place is a complaint about this one: "it's worth searching for another
 * place", "your money could be better spent elsewhere", "check out another restaurant instead", "I would strongly
 * suggest they go anywhere but". The praise words in such a clause weigh as if negated (rule "redirected").
 *
 * Not where the clause denies or compares ("rolls not to be found anywhere else", "you won't find better sushi
 * elsewhere", "better than anywhere else", "unlike anywhere else"): those praise this place. Only the clauses of
 * praise items are read, so texts without praise cost nothing.
 */

/** As a negation of praise (`NEGATE_POSITIVE` in sentiment.ts). */
const REDIRECTED = -0.75;
/** Before the marker in the clause, these make it a comparison in this place's favour. */
const COMPARING = new Set(['than', 'unlike']);

export function applyRedirection(toks: Tokens, items: Item[]): void {
  let clause = -1;
  let marker: string | null = null;
  for (const it of items) {
    if (it.weight <= 0) continue;
    if (it.clause !== clause) {
      clause = it.clause;
      // Most clauses name no other place: one role read per token spares them the word comparisons. Only the clauses
      // of praise are read (a text-wide scan, as before, read every token of most texts; five substring searches of
      // the text, as this began, cost 12-16% of the whole analyzer's throughput).
      marker = namesElsewhere(toks, it.start, clause) ? redirectionIn(toks, it.start, clause) : null;
    }
    if (marker === null) continue;
    it.weight *= REDIRECTED;
    it.local *= REDIRECTED;
    addStep(it, 'redirected', marker);
  }
}

/** Whether a word of clause `c` (which holds token `from`) may send the reader elsewhere (`ROLE.ELSEWHERE`). */
function namesElsewhere(toks: Tokens, from: number, c: number): boolean {
  const { count, id, clause } = toks;
  const roles = toks.vocab.roles;
  for (let j = from; j >= 0 && clause[j] === c; j--) {
    const k = id[j]!;
    if (k >= 0 && roles[k]! & ROLE.ELSEWHERE) return true;
  }
  for (let j = from + 1; j < count && clause[j] === c; j++) {
    const k = id[j]!;
    if (k >= 0 && roles[k]! & ROLE.ELSEWHERE) return true;
  }
  return false;
}

/** The word that sends the reader elsewhere in clause `c` (which holds token `from`), or null. */
function redirectionIn(toks: Tokens, from: number, c: number): string | null {
  const { count, norm, kind, clause, flags } = toks;
  let first = from;
  while (first > 0 && clause[first - 1] === c) first--;
  let found: string | null = null;
  for (let j = first; j < count && clause[j] === c; j++) {
    if (kind[j] !== Kind.Word) continue;
    const w = norm[j]!;
    if (flags[j]! & F.NEGATOR || COMPARING.has(w)) return null;
    if (found !== null) continue;
    const next = j + 1 < count && clause[j + 1] === c && kind[j + 1] === Kind.Word ? norm[j + 1]! : undefined;
    if (w === 'elsewhere') found = w;
    else if (w === 'another' && next !== undefined && PLACE_NOUNS.has(next)) found = `another ${next}`;
    else if ((w === 'anywhere' || w === 'somewhere') && next === 'else') found = `${w} else`;
    // "but" opens a clause of its own: read past the boundary ("go anywhere but here").
    else if (w === 'anywhere' && j + 1 < count && norm[j + 1] === 'but') found = 'anywhere but';
    // "… instead." ends its clause; "instead of" / "instead, we got" opens one and tells what happened.
    else if (w === 'instead' && next === undefined && j > first) found = w;
  }
  return found;
}
