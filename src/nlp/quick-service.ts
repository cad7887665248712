import { addStep, type Item } from './sentiment.js';
import { wordSet } from './rules.js';
import { Kind, type Tokens } from './token.js';
import { F } from './word-info.js';

/**
 * Speed said of a visit or a job is praise, and the time it took is then no time lost: "Oil change took 20 minutes, in
 * and out.", "Took 25 minutes, very efficient.", "They fixed it quickly, took 15 minutes." (one rule, two parts):
 * - "in and out" (the lexicon's phrase, praise) is a quick visit only where someone got in and out: alone in its
 *   clause (", in and out."), or after a verb of being or getting ("we were in and out", "got in and out in 20
 *   minutes"). Elsewhere it is movement and weighs 0: "flying in and out of Nashville", "the sound cuts in and out";
 * - a span of wasted time (`wasted-time.ts`) in a sentence that praises the speed ("in and out", "quickly",
 *   "efficient"; an adjective only in another clause, since "took 30 minutes for a quick sandwich" is still a wait)
 *   counts for nothing (rule "quick"), unless a contrast sets them apart ("seated fast, but waited 40 minutes").
 * Read only on the items (a few), so it costs nothing where there is no "in and out" or time lost.
 */

/** What the lexicon's phrase is written as, lowercase. */
const IN_AND_OUT = 'in and out';
/** Verbs before "in and out" that make it a visit: being there, getting through. */
const BEING_OR_GETTING = wordSet(`
  got get gets getting was were are is am be been being we're i'm you're they're
`);
/** Words of speed: adverbs, and the visit said as "in and out", praise the speed wherever they stand in the sentence. */
const SPEED_ANYWHERE = wordSet('quickly promptly swiftly efficiently speedily');
/**
 * Adjectives of speed: in another clause than the time ("took 20 minutes, very efficient"), as in its clause they may
 * describe something else ("took 40 minutes at a fast food place").
 */
const SPEED_ELSEWHERE = wordSet('quick fast prompt swift speedy efficient');

export function applyQuickService(toks: Tokens, items: Item[]): void {
  let wasted = false;
  for (const it of items) {
    if (it.rules[0] === 'wasted time') wasted = true;
    else if (it.end - it.start === 3 && it.rules[0] === 'phrase' && it.token.toLowerCase() === IN_AND_OUT && !aVisit(toks, it)) {
      it.weight = 0;
      it.local = 0;
      addStep(it, 'movement');
    }
  }
  if (!wasted) return;
  for (const it of items) {
    if (it.rules[0] !== 'wasted time' || it.weight >= 0) continue;
    if (!items.some((o) => o !== it && o.sentence === it.sentence && o.weight > 0 && praisesSpeed(toks, o, it))) continue;
    it.weight = 0;
    it.local = 0;
    addStep(it, 'quick');
  }
}

/** Whether the "in and out" item `it` is a visit: not before "of", alone in its clause or after being or getting. */
function aVisit(toks: Tokens, it: Item): boolean {
  const { norm, clause, kind, count } = toks;
  const c = clause[it.start];
  if (it.end < count && clause[it.end] === c && norm[it.end] === 'of') return false;
  let j = it.start - 1;
  while (j >= 0 && clause[j] === c && kind[j] !== Kind.Word) j--;
  return j < 0 || clause[j] !== c || BEING_OR_GETTING.has(norm[j]!);
}

/**
 * Whether the praise item `o` is speed that answers the time lost in `wasted` (see above): not set against it by a
 * contrast ("We got seated fast, but waited 40 minutes to order").
 */
function praisesSpeed(toks: Tokens, o: Item, wasted: Item): boolean {
  const w = o.end - o.start === 1 ? toks.norm[o.start]! : o.token.toLowerCase();
  if (!(w === IN_AND_OUT || SPEED_ANYWHERE.has(w) || (SPEED_ELSEWHERE.has(w) && o.clause !== wasted.clause))) return false;
  const from = Math.min(o.end, wasted.end);
  const to = Math.max(o.start, wasted.start);
  for (let j = from; j < to; j++) if (toks.flags[j]! & F.CONTRAST) return false;
  return true;
}
