import { ADVICE_VERBS } from './imperative-advice.js';
import { APPROVING } from './wish-frame.js';
import { PROMISE } from './affirmed-return.js';
import { PERFECT_NEGATORS } from './not-even.js';
import { BRINGING, FIX_VERBS, IMPLICATIVES, LOVE, REMEDIES_DONE, TRANSPORT_FRAMES, WHERE_WORDS, WORKING } from './rules.js';
import { UNIQUE_NEGATORS } from './uniqueness.js';
import type { WordTable } from './word-table.js';

/**
 * Words that some rule tests tokens against, as bits per word id, so a scan over many candidates tells them by two
 * array reads instead of reading each token's string (most candidates are common words that are none of these).
 */
export const MARK = {
  /** "try", "have", "get": may open an imperative recommendation (`imperative-advice.ts`). */
  ADVICE_VERB: 1,
  /** "will", "would", "I'll": may promise a return (`affirmed-return.ts`). */
  PROMISE: 2,
  /** "feel", "felt", "like": may open a comparison with a named place (`transported.ts`). */
  TRANSPORT: 4,
  /** "bring", "took": may bring others along (`bring-others.ts`). */
  BRING: 8,
  /** "hadn't", "haven't": a scan candidate only for "hadn't even <verb>" (`not-even.ts`). */
  PERFECT_NEGATOR: 16,
  /** "never", "won't", "can't": may deny every other experience ("never had cheesecake like this", `uniqueness.ts`). */
  UNIQUE_NEGATOR: 32,
  /** "forget", "fail": negated, they end the negation's reach ("don't forget to try the flan"; `IMPLICATIVES`). */
  IMPLICATIVE: 64,
  /** "work", "recline", "charge": negated after a thing, a fault ("the seats don't recline"; `broken-function.ts`). */
  WORKING: 128,
  /** "love", "loved": may be ironic love ("gotta love delays"; `applyIrony`). */
  LOVE: 256,
  /** "fix", "improve", "fixed": may ask the business for a fix ("they need to fix their app"; `demanded-fix.ts`). */
  FIX: 512,
  /** "fixed", "resolved": a failure put right ("they fixed the problem"; `remedied.ts`). */
  REMEDY: 1024,
  /** "where", "where's": may ask for a missing thing of the writer's ("where is my bag?"; `missing-thing.ts`). */
  WHERE: 2048,
  /** "nice", "great": plain approval, which may be wished for ("it would be nice if …"; `wish-frame.ts`). */
  APPROVING: 4096,
  /** "why": may open an accusing question ("why can't I rebook online?"; `accusing-why.ts`). */
  WHY: 8192,
} as const;

const MARKED = new Map<string, number>();
const MARKED_WORDS = [
  [ADVICE_VERBS, MARK.ADVICE_VERB],
  [PROMISE, MARK.PROMISE],
  [TRANSPORT_FRAMES, MARK.TRANSPORT],
  [BRINGING, MARK.BRING],
  [PERFECT_NEGATORS, MARK.PERFECT_NEGATOR],
  [UNIQUE_NEGATORS, MARK.UNIQUE_NEGATOR],
  [IMPLICATIVES, MARK.IMPLICATIVE],
  [WORKING, MARK.WORKING],
  [LOVE, MARK.LOVE],
  [FIX_VERBS, MARK.FIX],
  [REMEDIES_DONE, MARK.REMEDY],
  [WHERE_WORDS, MARK.WHERE],
  [APPROVING, MARK.APPROVING],
  [['why'], MARK.WHY],
] as const;
for (const [words, bit] of MARKED_WORDS) {
  for (const w of words) MARKED.set(w, (MARKED.get(w) ?? 0) | bit);
}

/** The marks of one word table's ids so far; `words` is the table's array they were read from. */
interface Marks {
  words: string[];
  bits: Uint16Array;
  done: number;
}

const byTable = new WeakMap<WordTable, Marks>();

/**
 * The `MARK` bits of every id of `V` (index by a token's id; punctuation's -1 reads undefined). Marks are worked out
 * once per word as the table grows, and again only when the table starts over (a new `words` array).
 */
export function wordMarks(V: WordTable): Uint16Array {
  const words = V.words;
  let m = byTable.get(V);
  if (!m || m.words !== words) {
    m = { words, bits: new Uint16Array(Math.max(1024, words.length * 2)), done: 0 };
    byTable.set(V, m);
  }
  if (m.done < words.length) {
    if (words.length > m.bits.length) {
      const bits = new Uint16Array(words.length * 2);
      bits.set(m.bits);
      m.bits = bits;
    }
    for (let id = m.done; id < words.length; id++) m.bits[id] = MARKED.get(words[id]!) ?? 0;
    m.done = words.length;
  }
  return m.bits;
}
