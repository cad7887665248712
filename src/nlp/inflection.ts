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
