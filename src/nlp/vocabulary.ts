import { intentCuesFor } from './intents.js';
import { ENGLISH_WORDS, FOREIGN_WORDS } from './language.js';
import { type LexiconTables, wordValence } from './lexicon.js';
import { isNumberWord } from './rating-phrases.js';
import {
  BOOSTERS, CLAUSE_OPENERS, CONCESSIVE, CONTRAST_AFTER, DIMINISHER_PAIRS, DIMINISHERS, IRREALIS, IRREALIS_PAIRS, LIKE_VERB_BEFORE,
  MODALS, NEGATION_BREAKERS, NEGATORS,
} from './rules.js';
import { stem } from './stem.js';
import type { CompiledThemes } from './themes.js';
import { F, type WordInfo } from './word-info.js';

export { F, NO_INFO, type WordInfo } from './word-info.js';

/** English sentiment words that are also common words of other languages, so they prove nothing about language. */
const NOT_PROOF_OF_ENGLISH = new Set(['super', 'top', 'prima', 'fine', 'perfect', 'ok', 'okay', 'cool', 'die', 'no', 'fan', 'gut', 'mega', 'plus', 'con', 'hola']);
/** Distinct words remembered per analyzer before the cache starts over. */
const CACHE_LIMIT = 200_000;

const hedgesBySecond = new Map<string, Map<string, number>>();
for (const [pair, f] of DIMINISHER_PAIRS) {
  const [a, b] = pair.split(' ') as [string, string];
  hedgesBySecond.set(b, (hedgesBySecond.get(b) ?? new Map()).set(a, f));
}
const irrealisByFirst = new Map<string, Set<string>>();
for (const pair of IRREALIS_PAIRS) {
  const [a, b] = pair.split(' ') as [string, string];
  irrealisByFirst.set(a, (irrealisByFirst.get(a) ?? new Set()).add(b));
}

export interface Vocabulary {
  /** What the analyzer knows about a lowercase word. */
  info(word: string): WordInfo;
  /**
   * The same for the word `lowered.slice(start, end)` (curly apostrophes read as straight ones), given the FNV-1a
   * hash of its characters: looked up without slicing or re-hashing the string, which is most of a tokenizer's cost.
   */
  infoAt(lowered: string, start: number, end: number, hash: number): WordInfo;
}

/** FNV-1a step over a character code, curly apostrophes counted as straight ones. */
export function hashStep(h: number, c: number): number {
  return Math.imul(h ^ (c === 0x2019 || c === 0x2018 ? 39 : c), 0x01000193);
}
export const HASH_SEED = 0x811c9dc5 | 0;

/** Open-addressing table size (slots); the table starts over when half full. */
const SLOTS = 1 << 17;
const MASK = SLOTS - 1;

/** Build the per-analyzer word cache over the compiled lexicon and themes. */
export function createVocabulary(lex: LexiconTables, themes: CompiledThemes): Vocabulary {
  const table = new Int32Array(SLOTS).fill(-1);
  let entries: WordInfo[] = [];

  const build = (w: string): WordInfo => {
    let flags = 0;
    if (NEGATORS.has(w)) flags |= F.NEGATOR;
    if (CONTRAST_AFTER.has(w)) flags |= F.CONTRAST;
    if (CONCESSIVE.has(w)) flags |= F.CONCESSIVE;
    if (IRREALIS.has(w)) flags |= F.IRREALIS;
    if (LIKE_VERB_BEFORE.has(w)) flags |= F.LIKE_SUBJECT;
    if (isNumberWord(w)) flags |= F.NUMBER_WORD;
    if (MODALS.has(w)) flags |= F.MODAL;
    if (ENGLISH_WORDS.has(w)) flags |= F.ENGLISH;
    if (CLAUSE_OPENERS.has(w)) flags |= F.CLAUSE_OPENER;
    const valence = wordValence(lex, w);
    if (valence !== 0 && w.length >= 4 && !NOT_PROOF_OF_ENGLISH.has(w)) flags |= F.KNOWN_ENGLISH;
    if (w.charCodeAt(0) > 0x24f) flags |= F.NON_LATIN;
    const s = stem(w);
    return {
      word: w,
      flags,
      valence,
      booster: BOOSTERS.get(w) ?? 0,
      diminisher: DIMINISHERS.get(w) ?? 0,
      phrases: lex.phrases.get(w) ?? null,
      hedgeAfter: hedgesBySecond.get(w) ?? null,
      irrealisNext: irrealisByFirst.get(w) ?? null,
      negationBreakers: NEGATION_BREAKERS.get(w) ?? null,
      foreign: FOREIGN_WORDS.get(w) ?? null,
      stem: s,
      themeTerms: themes.terms.get(s) ?? null,
      themeExclusions: themes.exclusions.get(s) ?? null,
      cues: intentCuesFor(w),
    };
  };

  const infoAt = (lowered: string, start: number, end: number, hash: number): WordInfo => {
    const len = end - start;
    let slot = hash & MASK;
    for (;;) {
      const e = table[slot]!;
      if (e === -1) break;
      const info = entries[e]!;
      const w = info.word;
      if (w.length === len) {
        let k = 0;
        for (; k < len; k++) {
          let c = lowered.charCodeAt(start + k);
          if (c === 0x2019 || c === 0x2018) c = 39;
          if (c !== w.charCodeAt(k)) break;
        }
        if (k === len) return info;
      }
      slot = (slot + 1) & MASK;
    }
    let word = lowered.slice(start, end);
    if (word.indexOf('\u2019') >= 0 || word.indexOf('\u2018') >= 0) word = word.replace(/[\u2018\u2019]/g, "'");
    if (entries.length >= SLOTS / 2) {
      table.fill(-1);
      entries = [];
      slot = hash & MASK;
    }
    const info = build(word);
    table[slot] = entries.length;
    entries.push(info);
    return info;
  };

  return {
    infoAt,
    info(word: string): WordInfo {
      let h = HASH_SEED;
      for (let k = 0; k < word.length; k++) h = hashStep(h, word.charCodeAt(k));
      return infoAt(word, 0, word.length, h);
    },
  };
}
