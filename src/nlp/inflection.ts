import { NON_INFLECTIONS } from './non-inflections.js';

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
