import { addStep, type Item } from './sentiment.js';
import { EASE_SPEED, wordSet } from './rules.js';
import { Kind, type Tokens } from './token.js';

/**
 * "Breaks easily", "the battery runs down quickly", "Phone falls out easily": ease and speed said of damage or wear
 * are how readily the thing fails, not praise. The adverb's weight turns to blame of the same size (rule "damage").
 * Read on the items (a few) after the scan; the verb is found back from the adverb past particles and degree words.
 */

/** Verbs of damage, whatever follows them. */
const DAMAGE = wordSet(`
  break breaks broke breaking scratch scratches scratched crack cracks cracked tear tears tore rip rips ripped
  drain drains drained die dies died fade fades faded bend bends bent chip chips chipped stain stains stained
  overheat overheats overheated peel peels peeled rust rusts rusted dent dents dented snap snaps snapped
  smudge smudges smudged
`);
/** Verbs that are damage or wear only with a particle after them ("runs down", "wears out", "falls apart"). */
const WITH_PARTICLE = wordSet('run runs ran wear wears wore fall falls fell');
const PARTICLES = wordSet('out down off apart loose');
/** "Come" is damage with fewer particles: "the ear pads come off easily", not "the food came out quickly". */
const COME = wordSet('come comes came');
const COME_PARTICLES = wordSet('off apart loose');
/** Degree words between the verb (and particle) and the adverb. */
const DEGREES = wordSet('really very so too pretty quite way');

export function applyDamageEase(toks: Tokens, items: Item[]): void {
  for (const it of items) {
    if (it.weight <= 0 || it.end - it.start !== 1) continue;
    const w = toks.norm[it.start]!;
    if (!EASE_SPEED.has(w)) continue;
    const verb = damageVerbBefore(toks, it.start);
    if (verb < 0) continue;
    it.weight = -it.weight;
    it.local = -it.local;
    addStep(it, 'damage', toks.norm[verb]!);
  }
}

/** The verb of damage the adverb at `at` says how readily happens, or -1. */
function damageVerbBefore(toks: Tokens, at: number): number {
  const { norm, kind, clause } = toks;
  let j = at - 1;
  while (j >= 0 && clause[j] === clause[at] && kind[j] === Kind.Word && DEGREES.has(norm[j]!)) j--;
  if (j < 0 || clause[j] !== clause[at] || kind[j] !== Kind.Word) return -1;
  if (DAMAGE.has(norm[j]!)) return j;
  if (j === 0 || clause[j - 1] !== clause[at]) return -1;
  const verb = norm[j - 1]!;
  if (PARTICLES.has(norm[j]!) && (WITH_PARTICLE.has(verb) || DAMAGE.has(verb))) return j - 1;
  if (COME_PARTICLES.has(norm[j]!) && COME.has(verb)) return j - 1;
  return -1;
}
