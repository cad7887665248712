import { wordSet } from './rules.js';
import { Kind, type Tokens } from './token.js';

/**
 * "A FLY was in my apple juice", "found a live green caterpillar in her salad", "there was hair in my soup": a creature
 * or a hair found in or on someone's food or table is among the worst a diner can report, whatever the words around
 * it. The critter must be a noun (after a determiner, an adjective of it or a verb of finding) and be found "in" or
 * "on" something owned or named ("in my", "on the"): "we fly in the morning" is a trip.
 */

/** Creatures and hair (not "bug", which the lexicon already blames; not "mouse", a computer's too). */
export const CRITTERS = wordSet(`
  hair hairs fly flies roach roaches cockroach cockroaches worm worms insect insects caterpillar caterpillars maggot
  maggots ant ants rat rats gnat gnats beetle beetles spider spiders slug slugs
`);
/** Words that make the critter a noun found. */
const BEFORE = wordSet(`
  a an the some found find was were is there's live living dead little big small tiny huge green black brown
  another two several many
`);
const PLACES = wordSet('in on inside');
const OWNERS = wordSet('my our his her their your the a it them');
/** Words from the critter to "in"/"on" ("a FLY was in my juice", "a hair baked into"). */
const REACH = 3;

/** The end of a critter found in or on something at token i, or -1. */
export function foreignObjectAt(toks: Tokens, i: number): number {
  const { norm, kind, sentence, count } = toks;
  if (i === 0 || kind[i - 1] !== Kind.Word || sentence[i - 1] !== sentence[i] || !BEFORE.has(norm[i - 1]!)) return -1;
  for (let k = i + 1; k < count && k <= i + REACH + 1 && sentence[k] === sentence[i]; k++) {
    if (kind[k] !== Kind.Word) return -1;
    if (PLACES.has(norm[k]!)) return k + 1 < count && OWNERS.has(norm[k + 1]!) && sentence[k + 1] === sentence[i] ? k + 2 : -1;
  }
  return -1;
}
