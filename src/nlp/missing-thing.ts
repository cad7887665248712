import { Kind, type Tokens } from './token.js';

/**
 * A customer's own thing missing, asked for: "Where is my bag?", "where's my refund", "Where are our pilots?", "WHERE
 * THE HELL IS MY LUGGAGE". Asked of a business, it is a complaint, whatever the words. Only the writer's own ("my",
 * "our"): "Where is the gate?", "where is your office?" ask the way. Only a sentence that opens with "where"; or an
 * expected quality asked after (`EXPECTED`: "Really though, where's the seasoning?"), at the start of a clause too.
 * Read at "where" (`MARK.WHERE`).
 */

/** Words between "where" and "is" that swear ("where the hell is my bag"). */
const EXPLETIVES = new Set(['hell', 'fuck', 'heck', 'f', 'tf', 'fk']);
const BE = new Set(['is', 'are', 'was', "is'", 'r']);
const OWN = new Set(['my', 'our']);

/** Whether no word comes before token i in its sentence (punctuation and handles aside). */
function opensSentence(toks: Tokens, i: number): boolean {
  for (let k = i - 1; k >= 0 && toks.sentence[k] === toks.sentence[i]; k--) if (toks.kind[k] !== Kind.Punct) return false;
  return true;
}

/**
 * What a customer expects and finds missing, asked after with "the" or "your" ("Where's the seasoning?", "Where is the
 * sense?", "where's your manners?"): a complaint as the own thing's loss is, where "Where is the gate?" asks the way.
 */
const EXPECTED = new Set([
  'seasoning', 'flavor', 'flavour', 'taste', 'spice', 'salt', 'sense', 'manners', 'respect', 'professionalism', 'courtesy',
  'effort', 'love', 'logic', 'service', 'accountability', 'communication', 'consistency', 'quality', 'value', 'beef',
  'hospitality', 'compassion', 'empathy', 'integrity', 'decency',
]);
const THE = new Set(['the', 'your', 'their']);

/** Whether no word comes before token i in its clause. */
function opensClause(toks: Tokens, i: number): boolean {
  for (let k = i - 1; k >= 0 && toks.clause[k] === toks.clause[i]; k--) if (toks.kind[k] !== Kind.Punct) return false;
  return true;
}

/** The end (one past the thing's first word) of a missing thing asked for at token i ("where"), or -1. */
export function missingThingAt(toks: Tokens, i: number): number {
  const { norm, count, clause } = toks;
  const opens = opensSentence(toks, i);
  if (!opens && !opensClause(toks, i)) return -1;
  const w = norm[i]!;
  let j = i + 1;
  if (w === 'where') {
    if (j + 1 < count && norm[j] === 'the' && EXPLETIVES.has(norm[j + 1]!)) j += 2;
    if (j >= count || !BE.has(norm[j]!)) return -1;
    j++;
  } else if (w !== "where's" && w !== 'wheres' && w !== "where're") return -1;
  if (j + 1 >= count || clause[j + 1] !== clause[i] || toks.kind[j + 1] !== Kind.Word) return -1;
  // "Really though, where's the seasoning?": an expected quality missing, at the start of a clause too.
  if (THE.has(norm[j]!) && EXPECTED.has(norm[j + 1]!)) return j + 2;
  if (!opens || !OWN.has(norm[j]!)) return -1;
  // "Where is my favorite waiter tonight?" asks after a favourite, not a loss.
  if (toks.vocab.valence[toks.id[j + 1]!]! > 0) return -1;
  return j + 2;
}
