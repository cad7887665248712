import { loadLexicon, loadThemePacks } from '../../../src/config/nlp-data.js';
import { type Analyzer, createAnalyzer } from '../../../src/nlp/index.js';

let shared: Analyzer | undefined;
/** The analyzer the pipeline builds for a restaurant brand: general + restaurants packs, the shipped lexicon. */
export function analyzer(): Analyzer {
  shared ??= createAnalyzer({ themes: loadThemePacks(['general', 'restaurants']), lexicon: loadLexicon() });
  return shared;
}

export const score = (text: string) => analyzer().analyze({ text }).sentiment.score;
export const sentiment = (text: string) => analyzer().analyze({ text }).sentiment;
/** The explain entry for a token (case-insensitive), or undefined. */
export const explained = (text: string, token: string) =>
  sentiment(text).explain.find((e) => e.token.toLowerCase() === token.toLowerCase());
