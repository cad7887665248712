import { cueNextFor, cueWordNumber, intentCuesFor } from './intents.js';
import { ENGLISH_WORDS, FOREIGN_WORDS } from './language.js';
import { aspectAdjective, isAspectStem } from './aspect-adjectives.js';
import { camelValence, compoundValence } from './hashtag-compound.js';
import { type LexiconTables, type Phrase, wordValence } from './lexicon.js';
import { isNumberWord } from './rating-phrases.js';
import { isDurationWord } from './wasted-time.js';
import {
  BOOSTERS, CLAUSE_OPENERS, CONCESSIVE, CONTRAST_AFTER, DIMINISHER_PAIRS, DIMINISHERS, IRREALIS, IRREALIS_PAIRS, LIKE_VERB_BEFORE,
  isComparative, MODALS, NEGATION_BREAKERS, NEGATORS, PAIRED_NEGATORS,
} from './rules.js';
import { stem } from './stem.js';
import { MIN_LENGTH as SLIP_MIN_LENGTH, slipOf } from './typos.js';
import { type CompiledThemes, onlyLongTermsAt } from './themes.js';
import { F, ROLE, type WordInfo, wordBits, wordRoles } from './word-info.js';
import { WordTable } from './word-table.js';

/** English sentiment words that are also common words of other languages, so they prove nothing about language. */
const NOT_PROOF_OF_ENGLISH = new Set(['super', 'top', 'prima', 'fine', 'perfect', 'ok', 'okay', 'cool', 'die', 'no', 'fan', 'gut', 'mega', 'plus', 'con', 'hola']);

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

/** The word cache of one analyzer (see `WordTable`). */
export type Vocabulary = WordTable;

/** Phrases starting with a word, grouped by their second word (each group longest first, as in the lexicon). */
function phrasesByNext(list: Phrase[] | undefined): Map<string, Phrase[]> | null {
  if (!list) return null;
  const byNext = new Map<string, Phrase[]>();
  for (const p of list) {
    const group = byNext.get(p.toks[1]!);
    if (group) group.push(p);
    else byNext.set(p.toks[1]!, [p]);
  }
  return byNext;
}

/**
 * A degree word written long ("soooooo", "reallyyyy", "veryyyy"): its letters run together again ("so", "really",
 * "very"), stressed a little more than the word. 0 for any other word.
 */
function elongatedBooster(w: string): number {
  if (w.length < 4 || !/(.)\1\1/.test(w)) return 0;
  const base = w.replace(/(.)\1+/g, '$1');
  const b = BOOSTERS.get(base) ?? BOOSTERS.get(w.replace(/(.)\1{2,}/g, '$1$1')) ?? 0;
  return b > 0 ? b + 0.15 : 0;
}

/** Build the per-analyzer word cache over the compiled lexicon and themes. */
export function createVocabulary(lex: LexiconTables, themes: CompiledThemes): Vocabulary {
  const table = new WordTable((w: string): WordInfo => {
    let flags = wordBits(w);
    if (NEGATORS.has(w)) flags |= F.NEGATOR;
    if (CONTRAST_AFTER.has(w)) flags |= F.CONTRAST;
    if (CONCESSIVE.has(w)) flags |= F.CONCESSIVE;
    if (IRREALIS.has(w)) flags |= F.IRREALIS;
    if (LIKE_VERB_BEFORE.has(w)) flags |= F.LIKE_SUBJECT;
    if (isNumberWord(w) || isDurationWord(w)) flags |= F.NUMBER_WORD;
    if (MODALS.has(w)) flags |= F.MODAL;
    if (ENGLISH_WORDS.has(w)) flags |= F.ENGLISH;
    if (CLAUSE_OPENERS.has(w)) flags |= F.CLAUSE_OPENER;
    let valence = wordValence(lex, w);
    if (valence === 0 && w.length >= SLIP_MIN_LENGTH && !lex.words.has(w) && !ENGLISH_WORDS.has(w)) {
      const slip = slipOf(lex, w);
      if (slip) valence = wordValence(lex, slip);
    }
    if (valence !== 0 && w.length >= 4 && !NOT_PROOF_OF_ENGLISH.has(w)) flags |= F.KNOWN_ENGLISH;
    if (w.charCodeAt(0) > 0x24f) flags |= F.NON_LATIN;
    const s = stem(w);
    const themeOffset = themes.offsets.get(s) ?? -1;
    if (themeOffset >= 0) flags |= onlyLongTermsAt(themes, themeOffset) ? F.THEME | F.THEME_MULTI : F.THEME;
    const stemId = themes.stemIds.get(s) ?? -1;
    if (stemId >= 0) flags |= F.THEME_LATER;
    const cues = intentCuesFor(w);
    if (cues) flags |= F.CUE;
    const cueNumber = cueWordNumber(w);
    if (cueNumber >= 0) flags |= F.CUE_WORD;
    const phraseSecondNumber = lex.phraseSeconds.numberOf(w);
    if (phraseSecondNumber >= 0) flags |= F.PHRASE_NEXT;
    const foreign = FOREIGN_WORDS.get(w) ?? null;
    if (foreign) flags |= F.FOREIGN;
    const booster = BOOSTERS.get(w) ?? elongatedBooster(w);
    const diminisher = DIMINISHERS.get(w) ?? 0;
    const negatorNext = PAIRED_NEGATORS.get(w) ?? null;
    if (booster || diminisher || negatorNext) flags |= F.DEGREE;
    if (isComparative(w, undefined)) flags |= F.COMPARATIVE;
    const phrases = phrasesByNext(lex.phrases.get(w));
    // An adjective judged by its aspect ("high", "long"). One with a valence of its own ("warm", "generous") keeps it
    // where no aspect it judges is in reach (`ROLE.VALENCED_ASPECT`).
    const aspectAdj = aspectAdjective(w);
    // A run-together word ("unitedsucks"): scored only as a hashtag, so read only in that place.
    const hashtag = valence === 0 && !aspectAdj ? compoundValence(lex, w) : 0;
    if ((aspectAdj && valence === 0) || hashtag) flags |= F.SENSE_BY_PLACE;
    if (valence !== 0 || phrases || aspectAdj || hashtag || flags & F.NUMBER_WORD) flags |= F.SCORES;
    if (valence !== 0) flags |= F.VALENCE;
    if (phrases) flags |= F.PHRASE_FIRST;
    if (themeOffset >= 0 && themes.code[themeOffset]! > 1 + themes.code[themeOffset + 1]!) flags |= F.THEME_EXCLUSION;
    const hedgeAfter = hedgesBySecond.get(w) ?? null;
    if (hedgeAfter) flags |= F.HEDGE;
    const irrealisNext = irrealisByFirst.get(w) ?? null;
    if (irrealisNext) flags |= F.IRREALIS_FIRST;
    return {
      word: w,
      flags,
      roles: wordRoles(w) | (isAspectStem(s) ? ROLE.ASPECT_NOUN : 0) | (aspectAdj && valence !== 0 ? ROLE.VALENCED_ASPECT : 0),
      valence,
      booster,
      diminisher,
      phrases,
      hedgeAfter,
      irrealisNext,
      negationBreakers: NEGATION_BREAKERS.get(w) ?? null,
      negatorNext,
      foreign,
      stem: s,
      stemId,
      themeOffset,
      cues,
      cueNext: cueNextFor(w),
      cueWordNumber: cueNumber,
      phraseNext: phrases ? lex.phraseSeconds.bitsOf(phrases.keys()) : null,
      phraseSecondNumber,
      aspectAdj,
      hashtag,
      hashtagWords: null,
    };
  });
  table.wordedHashtag = (w: string) => compoundValence(lex, w, true);
  table.camelHashtag = (parts: string[]) => camelValence(lex, parts);
  return table;
}
