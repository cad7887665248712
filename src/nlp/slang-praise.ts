import { FUNCTION_WORDS, SLANG_PRAISE } from './rules.js';
import { addStep, type Item } from './sentiment.js';
import { Kind, type Tokens } from './token.js';

/**
 * A word of harm used as slang praise before a noun: "Killer sushi!", "a killer burger", "seriously killer hot chai".
 * As a noun it keeps its sense ("the real killer is the volume", "a ruthless killer, the next minute …", "as for the
 * killer, …"): only a word right after it in its clause that is no function word makes it the adjective.
 *
 * Read after the items are found, and only for a text with such a word (`ROLE.SLANG`, noted while scanning): a check
 * of every plain word's string there measurably slowed the scan.
 */

/** The valence of the slang word at i as praise before a noun, or 0 (its own sense stands). */
function slangPraiseAt(toks: Tokens, i: number): number {
  const v = SLANG_PRAISE.get(toks.norm[i]!);
  if (v === undefined) return 0;
  const next = i + 1;
  if (next >= toks.count || toks.kind[next] !== Kind.Word || toks.clause[next] !== toks.clause[i]) return 0;
  return FUNCTION_WORDS.has(toks.norm[next]!) ? 0 : v;
}

/**
 * Turn the blame of slang praise words into their praise, keeping what the rules around them did (a degree word,
 * "!"); a negated one ("not killer") is left as scored.
 */
export function applySlangPraise(toks: Tokens, items: Item[]): void {
  for (let n = 0; n < items.length; n++) {
    const it = items[n]!;
    if (it.base >= 0 || it.end - it.start !== 1 || it.rules.includes('negated')) continue;
    const v = slangPraiseAt(toks, it.start);
    if (v === 0) continue;
    const f = v / it.base;
    it.weight *= f;
    it.local *= f;
    it.base = v;
    if (it.steps) for (const st of it.steps) st.weight *= f;
    addStep(it, 'slang praise');
  }
}
