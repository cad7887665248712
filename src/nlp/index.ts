export {
  ANALYZER_VERSION,
  type Analyzer,
  type AnalyzeInput,
  type AnalyzerOptions,
  createAnalyzer,
  EXPLAIN_MAX,
  ratingScore,
} from './analyzer.js';
export { ALPHA, compound, LABEL_THRESHOLD, labelOf } from './compound.js';
export { fingerprint, hammingDistance, isNearDuplicate, NEAR_DUPLICATE_BITS } from './near-duplicates.js';
export type { LexiconData, ThemeDef } from './types.js';
export { loadLexicon, loadThemePacks } from '../config/nlp-data.js';
export { DEFAULT_PROFILE, profileForSource, TEXT_PROFILES, type TextProfile } from './profiles.js';
