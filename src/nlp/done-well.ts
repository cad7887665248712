import { wordSet } from './rules.js';
import type { Item } from './sentiment.js';
import { Kind, type Tokens } from './token.js';

/**
 * "It worked very well", "holds up pretty well", "articulated quite well": "well" said of how a thing was done is
 * praise where a degree word stands right before it. Alone it is too many other things to score ("as well", "Well,
 * …", "may well", "well over an hour"); the verb-and-"well" phrases ("works well") are the lexicon's, and so are
 * "well made", "well done" (a phrase at "well" is read before this rule, and the degree word before it boosts it).
 * Without a degree word, only right after a participle at the end of the clause ("cooked well.", "was done well").
 * Not where a modal or "be" follows ("could very well be the worst"), nor "well aware"; after "pretty", which is
 * also "almost" ("pretty well full"), only at the end of the clause or before a joining word; nor right after a deed
 * denied ("never worked very well", "did not work very well": the blame read there takes the manner with it).
 */

/** Degree words that make the next "well" the manner of a deed. */
const DEGREES = wordSet(`
  very so really extremely incredibly exceptionally remarkably quite pretty fairly reasonably surprisingly amazingly
  insanely ridiculously super particularly unbelievably wonderfully
`);
/** Words after "well" that make it no manner: a modal or "be" (a likelihood), "aware". */
const NOT_MANNER_AFTER = wordSet('be been may might could would can should must will aware');
/** Words after "pretty well" that leave it the manner ("pretty well for", "pretty well, and"). */
const JOINS = wordSet('and but with for in on at as too so since considering overall though now then here there');

/** Participles without "-ed" that "well" may follow as the manner ("done well", "made well", "written well"). */
const IRREGULAR_PARTICIPLES = wordSet('done made written built drawn shown sung shot cut kept run fed lit told');

/**
 * Whether the "well" at `i` says how well something was done, given the items so far: after a degree word ("worked
 * very well"), or closing its clause right after a participle ("the fish was cooked well", "seasoned well", "Pitch
 * Black was done well"; "mixed well with rice" goes on, and is no verdict).
 */
export function doneWellAt(toks: Tokens, i: number, items: Item[]): boolean {
  const { norm, kind, clause, count } = toks;
  const d = i - 1;
  if (d < 0 || kind[d] !== Kind.Word || clause[d] !== clause[i]) return false;
  if (!DEGREES.has(norm[d]!)) return isParticiple(norm[d]!) && !(i + 1 < count && kind[i + 1] === Kind.Word && clause[i + 1] === clause[i]);
  const last = items.length > 0 ? items[items.length - 1]! : null;
  if (last !== null && last.end === d && last.weight < 0) return false;
  const next = i + 1;
  const word = next < count && kind[next] === Kind.Word && clause[next] === clause[i];
  if (word && NOT_MANNER_AFTER.has(norm[next]!)) return false;
  if (norm[d] === 'pretty' && word && !JOINS.has(norm[next]!)) return false;
  return true;
}

function isParticiple(w: string): boolean {
  return (w.length >= 5 && w.endsWith('ed') && !w.endsWith('eed')) || IRREGULAR_PARTICIPLES.has(w);
}
