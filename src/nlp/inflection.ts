import { createRequire } from 'node:module';
import { NON_INFLECTIONS } from './non-inflections.js';

const require = createRequire(import.meta.url);
let tags: Record<string, string[]> | null = null;

/**
 * Whether `base` can take "-er" / "-est" as a comparative: an adjective or adverb ("nice", "happy", "fast"), or a word
 * the dictionary does not know (slang: "comfy" is listed, "crappy" is not). A word it lists only as a noun or verb
 * makes another word with the suffix, or a name: "Heller" is no "more hell", "hater" no "more hate". The dictionary is
 * the lexicon of `natural`'s Brill part-of-speech tagger (its tags per word), loaded on the first comparative whose
 * base is a sentiment word (rare: most comparatives are lexicon words themselves).
 */
export function mayBeComparativeOf(base: string): boolean {
  tags ??= require('natural/lib/natural/brill_pos_tagger/data/English/lexicon_from_posjs.json') as Record<string, string[]>;
  const t = Object.hasOwn(tags, base) ? tags[base] : undefined;
  return !Array.isArray(t) || t.some((x) => x.startsWith('JJ') || x.startsWith('RB'));
}

/**
 * Whether `word`, ending in "-ful" or "-less", may be an adjective made from the word before the suffix ("disgraceful",
 * "faultless"): the dictionary (as in `mayBeComparativeOf`) lists it as an adjective, or does not know it
 * ("disrespectful", "clueless" are not listed); "handful" and "mouthful", listed as nouns, are amounts.
 */
export function mayBeDerivedAdjective(word: string): boolean {
  tags ??= require('natural/lib/natural/brill_pos_tagger/data/English/lexicon_from_posjs.json') as Record<string, string[]>;
  const t = Object.hasOwn(tags, word) ? tags[word] : undefined;
  return !Array.isArray(t) || t.some((x) => x.startsWith('JJ'));
}

/**
 * Whether `word` may be read as an inflection (a plural, an "-ly" adverb, a comparative or superlative) of a shorter
 * word, before the analyzer strips its suffix to find that word in the lexicon: no for the dictionary words that only
 * look inflected ("number", "lovely"; see `NON_INFLECTIONS`), yes otherwise.
 */
export function mayBeInflection(word: string): boolean {
  return !NON_INFLECTIONS.has(word);
}

/** Whether "-es" can be a plural ending after `stem` (boxes, wishes, heroes); otherwise only "-s" is ("dudes"). */
export function esPluralOk(stem: string): boolean {
  return /(?:s|x|z|ch|sh|o)$/.test(stem);
}

/**
 * Words ending in "-ed" or "-ing" that are no verb form of the lexicon word their ending hides: nouns and adjectives
 * by `natural`'s tagger lexicon (tags without VBD, VBN or VBG: "unequalled", "worsted", "rigging"), and verb forms
 * whose sense parts from the base's ("fined" is no "fine", "toppings" no "top", "striking" no "strike", "leaving"
 * no "leave", "grossed $100M", "jerked chicken", "molded plastic"). Only words whose base is a lexicon word are listed.
 */
const NOT_VERB_FORMS = new Set(
  `admitting adopted adopting adventuring alerted alerting allied allowed allowing allying appropriated
  appropriating arresting averaged averaging avoiding awaiting chanced cleaning clearing cocked compacted
  concerning congratulating cooled cooling diseased divining doped droped emptied emptying escaped excluding
  excused exempted exempting extended extending fairing fanned fanning fevered fined fining fitted fitting fouled
  fouling gaging goddamned grayed graying greying grossed grossing gunned gunning humbling increasing intimated
  intimating issued issuing jerked jerking jeweled jewelled joked joking keening leaving lolling misreading molded
  molding moulding numbing payed paying pricked pricking prompted prompting propsed refining refunded refunding
  rigging rising rocking saving scooped scooping securing severing shooting skipped skipping smarted smarting
  stabled striking sublimed tempered tempering tendered tendering tensioning topped topping unequalled unfitting
  warmed warming wined witching worsted zeroed zeroing`.split(/\s+/),
);

const VOWELS = 'aeiou';

/**
 * Whether `b` is one syllable ending in one vowel and one consonant ("fad", "scar", "hug"), which doubles it before a
 * suffix: "faded" is "fade" + "d", since "fad" would make "fadded".
 */
function shortClosed(b: string): boolean {
  const n = b.length;
  if (n < 2 || VOWELS.includes(b[n - 1]!) || 'wxy'.includes(b[n - 1]!) || !VOWELS.includes(b[n - 2]!)) return false;
  if (n > 2 && VOWELS.includes(b[n - 3]!)) return false;
  for (let k = 0; k < n - 2; k++) if (VOWELS.includes(b[k]!)) return false;
  return true;
}

/**
 * The words an "-ed" or "-ing" form may be made from, in the order English spells them: "hugged" → "hug" (a doubled
 * consonant), "worried" → "worry", "faded" → "fade", "hated" → "hate" then "hat", "kissed" → "kiss", "giggling" →
 * "giggle". Empty for a word that is no such form (`NOT_VERB_FORMS`) or too short to be one.
 */
export function verbFormBases(w: string): string[] {
  const ing = w.length > 5 && w.endsWith('ing');
  if (!(ing || (w.length > 4 && w.endsWith('ed'))) || NOT_VERB_FORMS.has(w)) return [];
  const b = w.slice(0, ing ? -3 : -2);
  const last = b[b.length - 1]!;
  if (!ing && last === 'i') return [`${b.slice(0, -1)}y`];
  // "pureed", "agreed": a base in "e" takes "-d" alone ("pure" + "-ed" would be "pured").
  if (!ing && last === 'e') return [w.slice(0, -1)];
  // A doubled consonant, other than the base's own "ss", "ll", "ff", "zz" ("kissing", "spelled").
  if (last === b[b.length - 2] && !VOWELS.includes(last) && !'slfz'.includes(last)) return [b.slice(0, -1)];
  if (shortClosed(b)) return [`${b}e`];
  return [`${b}e`, b];
}

/**
 * Words in "un-" that turn no lexicon word round: a preposition ("unlike"), and words whose sense parts from the
 * base's ("uncharged" battery, "came unstuck", "undreamed of", "undisguised contempt", "unreal" as praise or outrage,
 * "unpredictable" praise of a plot and blame of a battery).
 */
const NOT_UN_FORMS = new Set(
  'unapologetic uncharged uncorked undisguised undreamed unlike unpredictable unreal unscrewed unstuck'.split(' '),
);

/** The word an "un-" word turns round ("uninteresting" → "interesting"), or null. */
export function unPrefixBase(w: string): string | null {
  return w.length > 5 && w.charCodeAt(0) === 117 && w.charCodeAt(1) === 110 && !NOT_UN_FORMS.has(w) ? w.slice(2) : null;
}
