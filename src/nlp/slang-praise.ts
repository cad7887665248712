import { FUNCTION_WORDS } from './rules.js';
import { Kind, type Tokens } from './token.js';

/**
 * A word of harm used as slang praise before a noun: "Killer sushi!", "a killer burger", "seriously killer hot chai".
 * As a noun it keeps its sense ("the real killer is the volume", "a ruthless killer, the next minute …", "as for the
 * killer, …"): only a word right after it in its clause that is no function word makes it the adjective.
 */

/** Slang praise words and their valence as adjectives (AFINN scale). */
const SLANG = new Map<string, number>([['killer', 3]]);

/** The valence of the slang word at i as praise before a noun, or 0 (its own sense stands). */
export function slangPraiseAt(toks: Tokens, i: number): number {
  const v = SLANG.get(toks.norm[i]!);
  if (v === undefined) return 0;
  const next = i + 1;
  if (next >= toks.count || toks.kind[next] !== Kind.Word || toks.clause[next] !== toks.clause[i]) return 0;
  return FUNCTION_WORDS.has(toks.norm[next]!) ? 0 : v;
}
