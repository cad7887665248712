import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';

const cache = new Map<string, string>();
/** Distinct words remembered; the cache is dropped when full (a corpus rarely has more). */
const CACHE_LIMIT = 100_000;

/** Porter stem of a lowercase word, memoised (stemming is the slowest step per token otherwise). */
export function stem(word: string): string {
  let s = cache.get(word);
  if (s === undefined) {
    s = word.length < 3 ? word : PorterStemmer.stem(word.replace(/'s$/, ''));
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, s);
  }
  return s;
}
