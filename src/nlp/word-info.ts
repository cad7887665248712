import type { IntentCue } from './intents.js';
import type { Phrase } from './lexicon.js';
import type { TermEntry } from './themes.js';

/** Bit flags of a word's grammatical roles. */
export const F = {
  NEGATOR: 1,
  CONTRAST: 2,
  CONCESSIVE: 4,
  IRREALIS: 8,
  LIKE_SUBJECT: 16,
  NUMBER_WORD: 32,
  MODAL: 64,
  ENGLISH: 128,
  /** A sentiment word long and specific enough to count as evidence of English. */
  KNOWN_ENGLISH: 256,
  NON_LATIN: 512,
  /** Starts a new clause ("but", "however"). */
  CLAUSE_OPENER: 1024,
} as const;

/**
 * Everything the analyzer knows about one lowercase word, worked out once per distinct word and cached, so each
 * token costs one map lookup however many rules and tables consult it.
 */
export interface WordInfo {
  /** The word itself (lowercase, straight apostrophes). */
  word: string;
  flags: number;
  /** Lexicon valence (AFINN scale) after inflection fallbacks; 0 when none. */
  valence: number;
  /** Booster strength (multiplier - 1), 0 when not a booster. */
  booster: number;
  /** Diminisher multiplier, 0 when not a diminisher. */
  diminisher: number;
  /** Phrases that start with this word, longest first. */
  phrases: Phrase[] | null;
  /** Words after which this word ends a two-word hedge ("of" in "kind of"), with its multiplier. */
  hedgeAfter: Map<string, number> | null;
  /** Second words of two-word irrealis frames starting with this word ("to" for "wanted"). */
  irrealisNext: Set<string> | null;
  /** Words after this negator that cancel it ("not only"). */
  negationBreakers: Set<string> | null;
  /** Languages this word is a function word of (other than English). */
  foreign: string[] | null;
  stem: string;
  themeTerms: TermEntry[] | null;
  themeExclusions: TermEntry[] | null;
  cues: IntentCue[] | null;
}

/** The info of punctuation and emoji tokens. */
export const NO_INFO: WordInfo = Object.freeze({
  word: '', flags: 0, valence: 0, booster: 0, diminisher: 0, phrases: null, hedgeAfter: null, irrealisNext: null,
  negationBreakers: null, foreign: null, stem: '', themeTerms: null, themeExclusions: null, cues: null,
}) as WordInfo;

