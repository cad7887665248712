import type { SentimentLabel } from '../domain/analysis.js';

/**
 * Normalisation constant of the compound score, on the AFINN scale: a single "good" (+3) scores 0.6, "excellent
 * and friendly" (+5) 0.78. VADER uses 15 on its ±4 scale.
 */
export const ALPHA = 16;
/** Scores at or beyond ±0.05 are positive/negative (VADER's thresholds). */
export const LABEL_THRESHOLD = 0.05;

/** Map an unbounded sum of valences to -1..1. */
export function compound(sum: number, alpha = ALPHA): number {
  if (sum === 0 || !Number.isFinite(sum)) return 0;
  const c = sum / Math.sqrt(sum * sum + alpha);
  return Math.max(-1, Math.min(1, Math.round(c * 10000) / 10000));
}

/** The label of a compound score. */
export function labelOf(score: number): SentimentLabel {
  return score >= LABEL_THRESHOLD ? 'positive' : score <= -LABEL_THRESHOLD ? 'negative' : 'neutral';
}
