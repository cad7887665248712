import { CRITTERS } from './foreign-object.js';
import { ADVICE_VERBS } from './imperative-advice.js';
import { AFTER_SCAN_WORDS, BRINGING, FIX_VERBS, REMEDIES_DONE, WHERE_WORDS, SLANG_PRAISE, SLANG_PREDICATE, SLANG_PREDICATE_ONLY, SLANG_VERBS, TRANSPORT_FRAMES } from './rules.js';
import { isTimeUnit } from './wasted-time.js';
import { PERFECT_NEGATORS } from './not-even.js';
import type { IntentCue } from './intents.js';
import type { Phrase } from './lexicon.js';

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
  /** Starts a theme term or exclusion (`themeOffset` set). */
  THEME: 2048,
  /** Starts an intent cue (`cues` set). */
  CUE: 4096,
  /** A function word of another language (`foreign` set). */
  FOREIGN: 8192,
  /** A booster or diminisher, or the first word of a two-word negator (`PAIRED_NEGATORS`). */
  DEGREE: 16384,
  /** "again", "back", "anymore", "return", "returning": what a churn by negated return ends with. */
  RETURN: 1 << 15,
  /** Ends a negation's or degree word's reach inside a clause ("but", "and", "because"). */
  SCOPE_BREAK: 1 << 16,
  /** A comparative ("better", "happier") for the "could not be happier" rules. */
  COMPARATIVE: 1 << 17,
  /** "more" or "less": makes the next word comparative. */
  MORE_LESS: 1 << 18,
  /** May start a scored item: a lexicon word, a phrase's first word, a number word, or "too"/"overly". */
  SCORES: 1 << 19,
  /** Has a lexicon valence (`valence` not 0). */
  VALENCE: 1 << 20,
  /** Ends a two-word hedge (`hedgeAfter` set). */
  HEDGE: 1 << 21,
  /** Starts a two-word irrealis frame (`irrealisNext` set). */
  IRREALIS_FIRST: 1 << 22,
  /** Appears somewhere in an intent cue pattern (a pattern step can only match such a word). */
  CUE_WORD: 1 << 23,
  /** The second word of some lexicon phrase (a phrase can only match when such a word follows its first). */
  PHRASE_NEXT: 1 << 24,
  /** Starts a lexicon phrase (`phrases` set). */
  PHRASE_FIRST: 1 << 25,
  /** Starts a theme exclusion. */
  THEME_EXCLUSION: 1 << 26,
  /** "too" or "overly": makes the unlisted word after it a complaint ("too salty"). */
  TOO: 1 << 27,
  /**
   * "like", "likes" or "pretty": a sentiment only in some places ("like" as a verb; "pretty" alone, since before
   * another word it is a degree word: "pretty good"); also an adjective judged by its aspect (`aspectAdj`: "high").
   */
  SENSE_BY_PLACE: 1 << 28,
  /** Starts theme terms and exclusions of two stems or more only (see `THEME_LATER`). */
  THEME_MULTI: 1 << 29,
  /** A conjunction dropped from the start of theme evidence ("but", "and", "however"). */
  LEAD: 1 << 30,
  /**
   * Stands second or later in a theme term or exclusion (`stemId` set): a `THEME_MULTI` word followed by anything else
   * starts no term. The sign bit, so only ever tested with `&`.
   */
  THEME_LATER: 1 << 31,
} as const;

/** Words of return ("returned": "we never returned", read by `return-reading.ts`; no promise: `affirmed-return.ts`). */
const RETURN_WORDS = new Set(['again', 'back', 'anymore', 'return', 'returning', 'returned', 'revisit', 'revisiting']);
const LEAD_WORDS = new Set(['but', 'and', 'however', 'although', 'though', 'whereas']);
/** Words ending a negation's reach inside a clause. */
const SCOPE_BREAK = new Set(['but', 'however', 'although', 'though', 'and', 'because', 'since', 'which']);

/**
 * More roles of a word, for the scans that test them on many tokens and would otherwise compare strings (every bit
 * of `F` is taken): read per id from `WordTable.roles`.
 */
export const ROLE = {
  /** "hours", "min", "days": may end a span of time lost (see `wasted-time.ts`). */
  TIME_UNIT: 1,
  /** "or", "nor": a negation carries over it. */
  DISJUNCTION: 2,
  /** A noun whose stem some aspect adjective judges ("prices", "wait"; see `aspect-adjectives.ts`). */
  ASPECT_NOUN: 4,
  /** "elsewhere", "another", "instead", "anywhere", "somewhere": may send the reader to another place (`redirection.ts`). */
  ELSEWHERE: 8,
  /** "killer", "fire", "mid", "rocks": slang before a noun, as a predicate or as a verb (`slang-praise.ts`). */
  SLANG: 16,
  /** "other": may name other places, whose faults praise this one (`other-places.ts`). */
  OTHER: 32,
  /** "all", "bit": may end a negation's emphasis ("not at all", "not the least bit"; `negationEmphasis` in sentiment.ts). */
  EMPHASIS: 64,
  /**
   * "quality", "clarity", "comfort": a quality's name, praise alone, the thing measured where another word in its
   * clause judges it ("poor voice clarity"; `applyMeasured`).
   */
  MEASURED: 128,
  /** "any": stretches a negation's reach, as "or" does ("never had any large problems"). */
  STRETCH: 256,
  /**
   * An adjective with a valence of its own that an aspect's row also judges ("warm": +1 alone, a complaint of a beer;
   * "generous"): the aspect's valence wins where one is in reach (see aspect-adjectives.ts).
   */
  VALENCED_ASPECT: 512,
  /** "well": praise of how a thing was done after a degree word ("worked very well"; see `done-well.ts`). */
  MANNER: 1024,
  /** "fly", "hair", "roach": found in someone's food, the worst a diner reports (see `foreign-object.ts`). */
  CRITTER: 2048,
  /** May start an item that a rule after the scan reads by its words (`AFTER_SCAN_WORDS` in rules.ts). */
  AFTER_SCAN: 4096,
} as const;

const ELSEWHERE_WORDS = new Set(['elsewhere', 'another', 'instead', 'anywhere', 'somewhere']);
/** Names of a quality that no suffix tells (see `isMeasuredQuality`). */
const QUALITY_NAMES = new Set(['quality', 'comfort', 'courtesy', 'strength', 'enthusiasm', 'elegance', 'safety', 'convenience', 'performance', 'value']);

/**
 * Whether `w` names a quality that a judgement may measure: "quality" and the names in `QUALITY_NAMES`, and abstract
 * nouns of a quality by their suffix ("clarity", "reliability", "variety", "friendliness"). Only those with praise of
 * their own are ever read as measured (see `applyMeasured`).
 */
function isMeasuredQuality(w: string): boolean {
  if (QUALITY_NAMES.has(w)) return true;
  return w.length > 6 && (w.endsWith('ity') || w.endsWith('ety') || w.endsWith('ness'));
}

/** The `ROLE` bits of a word. */
export function wordRoles(w: string): number {
  let r = 0;
  if (isTimeUnit(w)) r |= ROLE.TIME_UNIT;
  if (w === 'or' || w === 'nor') r |= ROLE.DISJUNCTION;
  if (ELSEWHERE_WORDS.has(w)) r |= ROLE.ELSEWHERE;
  if (SLANG_PRAISE.has(w) || SLANG_PREDICATE.has(w) || SLANG_PREDICATE_ONLY.has(w) || SLANG_VERBS.has(w)) r |= ROLE.SLANG;
  if (w === 'other') r |= ROLE.OTHER;
  if (w === 'all' || w === 'bit') r |= ROLE.EMPHASIS;
  if (isMeasuredQuality(w)) r |= ROLE.MEASURED;
  if (w === 'any') r |= ROLE.STRETCH;
  if (w === 'well') r |= ROLE.MANNER;
  if (CRITTERS.has(w)) r |= ROLE.CRITTER;
  if (AFTER_SCAN_WORDS.has(w)) r |= ROLE.AFTER_SCAN;
  return r;
}

/** Flags of a word that depend on the word's spelling alone. */
export function wordBits(w: string): number {
  let f = 0;
  if (RETURN_WORDS.has(w)) f |= F.RETURN;
  if (SCOPE_BREAK.has(w)) f |= F.SCOPE_BREAK;
  if (w === 'more' || w === 'less') f |= F.MORE_LESS;
  if (w === 'too' || w === 'overly') f |= F.SCORES | F.TOO;
  // "for an hour", "hours late": a time unit may end a wasted span (see `wasted-time.ts`).
  if (isTimeUnit(w)) f |= F.SCORES;
  // "felt as if I were in Paris", "I take all my friends here": may start an item without a valence (see
  // `transported.ts`, `bring-others.ts`).
  if (TRANSPORT_FRAMES.has(w) || BRINGING.has(w)) f |= F.SCORES;
  // "they need to fix their app": a verb of fixing asked for (see `demanded-fix.ts`).
  if (FIX_VERBS.has(w)) f |= F.SCORES;
  // "they fixed the problem": a remedy found in the scan (see `remedied.ts`).
  if (REMEDIES_DONE.has(w)) f |= F.SCORES;
  // "where is my bag?": a missing thing asked for (see `missing-thing.ts`).
  if (WHERE_WORDS.has(w)) f |= F.SCORES;
  // "why can't I rebook online?": an accusing question (see `accusing-why.ts`).
  if (w === 'why') f |= F.SCORES;
  // "they hadn't even brought the check": the negated perfect is read for "not even" only (see `not-even.ts`).
  if (PERFECT_NEGATORS.includes(w)) f |= F.SCORES;
  // "other restaurants": a candidate so the scan tells that the text may name other places (see `other-places.ts`).
  if (w === 'other') f |= F.SCORES;
  // "None of them work", "neither will charge": a thing failing, read at the negator (see `broken-function.ts`).
  if (w === 'none' || w === 'neither') f |= F.SCORES;
  // "A fly was in my juice": read by its place (see `foreign-object.ts`).
  if (CRITTERS.has(w)) f |= F.SCORES;
  // "See it.": a verb of advice, read by its place (see `imperative-advice.ts`).
  if (ADVICE_VERBS.includes(w)) f |= F.SCORES;
  // "worked very well": a candidate, read by its place (see `done-well.ts`).
  if (w === 'well') f |= F.SCORES;
  if (w === 'like' || w === 'likes' || w === 'pretty') f |= F.SENSE_BY_PLACE;
  if (LEAD_WORDS.has(w)) f |= F.LEAD;
  return f;
}

/**
 * Everything the analyzer knows about one lowercase word, worked out once per distinct word and cached, so each
 * token costs one map lookup however many rules and tables consult it.
 */
export interface WordInfo {
  /** The word itself (lowercase, straight apostrophes). */
  word: string;
  flags: number;
  /** `ROLE` bits. */
  roles: number;
  /** Lexicon valence (AFINN scale) after inflection fallbacks; 0 when none. */
  valence: number;
  /** Booster strength (multiplier - 1), 0 when not a booster. */
  booster: number;
  /** Diminisher multiplier, 0 when not a diminisher. */
  diminisher: number;
  /** Phrases that start with this word, longest first. */
  phrases: Map<string, Phrase[]> | null;
  /** Words after which this word ends a two-word hedge ("of" in "kind of"), with its multiplier. */
  hedgeAfter: Map<string, number> | null;
  /** Second words of two-word irrealis frames starting with this word ("to" for "wanted"). */
  irrealisNext: Set<string> | null;
  /** Words after this negator that cancel it ("not only"). */
  negationBreakers: Set<string> | null;
  /** The word after which this one negates (`PAIRED_NEGATORS`: "from" for "far"), or null. */
  negatorNext: string | null;
  /** Languages this word is a function word of (other than English). */
  foreign: string[] | null;
  stem: string;
  /** The stem's number among theme term stems (`CompiledThemes.stemIds`), -1 when no term has it after its start. */
  stemId: number;
  /** Where the theme terms and exclusions starting with the word's stem are in `CompiledThemes.code`, -1 if none. */
  themeOffset: number;
  cues: IntentCue[] | null;
  /** Words one of `cues` needs next, as bits over cue word numbers (null: no such need, or no cues). */
  cueNext: Int32Array | null;
  /** The word's number among cue pattern words, -1 if none. */
  cueWordNumber: number;
  /** Second words of `phrases`, as bits over phrase second-word numbers. */
  phraseNext: Int32Array | null;
  /** The word's number among the second words of phrases, -1 if none. */
  phraseSecondNumber: number;
  /** For an adjective whose polarity depends on the aspect ("high", "long"): aspect stem → valence (`aspectAdjective`). */
  aspectAdj: Map<string, number> | null;
  /** Valence as a hashtag of words run together ("#unitedsucks"), 0 when none (see `compoundValence`). */
  hashtag: number;
  /** `hashtag` with its parts checked against the dictionary, once met after a "#" (`WordTable.wordedHashtag`). */
  hashtagWords: number | null;
}
