import { loadLexicon, loadThemePacks } from '../src/config/nlp-data.js';
import type { Brand } from '../src/domain/brand.js';
import { type Analyzer, createAnalyzer } from '../src/nlp/index.js';

const cache = new Map<string, Analyzer>();

/** One analyzer per distinct set of theme packs, built once per process (lexicon tables are compiled up front). */
export function analyzerFor(brand: Pick<Brand, 'themePacks'> | undefined): Analyzer {
  const packs = brand?.themePacks ?? ['general'];
  const key = [...packs].sort().join(',');
  let a = cache.get(key);
  if (!a) {
    a = createAnalyzer({ themes: loadThemePacks(packs), lexicon: loadLexicon() });
    cache.set(key, a);
  }
  return a;
}
