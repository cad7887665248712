import { FUNCTION_WORDS, SLANG_PRAISE, SLANG_PREDICATE, SLANG_PREDICATE_ONLY, SLANG_VERBS, wordSet } from './rules.js';
import { addStep, type Item } from './sentiment.js';
import { Kind, type Tokens } from './token.js';

/**
 * A word of harm used as slang praise before a noun: "Killer sushi!", "a killer burger", "seriously killer hot chai";
 * or as a predicate closing its clause: "this place is fire", "the wings were bomb", "straight fire 🔥".
 * As a noun it keeps its sense ("the real killer is the volume", "a ruthless killer, the next minute …", "as for the
 * killer, …"): only a word right after it in its clause that is no function word makes it the adjective. The
 * predicate needs a copula or a slang degree word right before it: "on fire", "a bomb", "fire the manager" keep theirs.
 *
 * Read after the items are found, and only for a text with such a word (`ROLE.SLANG`, noted while scanning): a check
 * of every plain word's string there measurably slowed the scan.
 */

/**
 * Words right before a slang predicate: a copula ("is fire", "it's fire", "were bomb"), a degree word ("so fire",
 * "straight fire", "kinda mid") or a negation ("not mid"). An article ("a bomb") or a preposition ("on fire") is not one.
 */
const BEFORE_PREDICATE = wordSet(`is was are were be been being it's that's thats its this's they're theyre
  so straight pure kinda pretty lowkey highkey really very super hella honestly just not isn't isnt wasn't wasnt ain't
  aint`);
/** Words that may follow a slang predicate in its clause ("fire tho", "bomb af"). */
const AFTER_PREDICATE = wordSet('tho though af fr ngl lol honestly tbh imo');

/** The valence of the slang word at i as praise (before a noun, or as a predicate), or 0 (its own sense stands). */
function slangPraiseAt(toks: Tokens, i: number): number {
  const w = toks.norm[i]!;
  const next = i + 1;
  /** The word after i in its clause, or null. */
  const after = next < toks.count && toks.kind[next] === Kind.Word && toks.clause[next] === toks.clause[i] ? toks.norm[next]! : null;
  const v = SLANG_PRAISE.get(w);
  if (v !== undefined) return after === null || FUNCTION_WORDS.has(after) ? 0 : v;
  const p = SLANG_PREDICATE.get(w);
  return p !== undefined && isPredicate(toks, i, after) ? p : 0;
}

/** Whether the word at i closes its clause as a predicate (`BEFORE_PREDICATE` right before it); `after` as above. */
function isPredicate(toks: Tokens, i: number, after: string | null): boolean {
  if (after !== null && !AFTER_PREDICATE.has(after)) return false;
  const prev = i - 1;
  return prev >= 0 && toks.kind[prev] === Kind.Word && toks.clause[prev] === toks.clause[i] && BEFORE_PREDICATE.has(toks.norm[prev]!);
}

/** Words before a slang verb that make it a noun: "on the rocks", "a rock", "flying rocks", "Little Rock". */
const NOUN_BEFORE = wordSet('a an the on of in at to for from by little hard flying big punk classic soft indie');
/** Words a slang verb may have after it in its clause: an object ("rocked the service", "rocked my world"), "and". */
const VERB_AFTER = wordSet('and so the my our your it this that for with too tho though af hard out everyone everything');

/**
 * Whether the slang word at i is out of its slang place, so scores nothing: a word only as a predicate ("was mid")
 * elsewhere ("mid-December"), a slang verb ("you rock") as a noun ("on the rocks", "rock shrimp").
 */
function outOfPlace(toks: Tokens, i: number): boolean {
  const w = toks.norm[i]!;
  const next = i + 1;
  const after = next < toks.count && toks.kind[next] === Kind.Word && toks.clause[next] === toks.clause[i] ? toks.norm[next]! : null;
  if (SLANG_PREDICATE_ONLY.has(w)) return !isPredicate(toks, i, after);
  if (!SLANG_VERBS.has(w)) return false;
  // A verb has its subject before it in its clause, and an object or nothing after it.
  const prev = i - 1;
  if (prev < 0 || toks.kind[prev] !== Kind.Word || toks.clause[prev] !== toks.clause[i] || NOUN_BEFORE.has(toks.norm[prev]!)) return true;
  return after !== null && !VERB_AFTER.has(after);
}

/**
 * Turn the blame of slang praise words into their praise, keeping what the rules around them did (a degree word,
 * "!"); a negated one ("not killer") is left as scored. Drop slang out of its place ("mid-December", "on the
 * rocks").
 */
export function applySlangPraise(toks: Tokens, items: Item[]): void {
  for (let n = 0; n < items.length; n++) {
    const it = items[n]!;
    if (it.end - it.start !== 1) continue;
    // "mid-December", "mid range": a prefix, no word of blame; "on the rocks": a noun, no praise.
    if (outOfPlace(toks, it.start)) {
      items.splice(n--, 1);
      continue;
    }
    if (it.base >= 0 || it.rules.includes('negated')) continue;
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
