/**
 * Tail probabilities for spike and drop tests. Pure functions, accurate to ~1e-7 relative, which is far below
 * the thresholds the rules use (0.05 … 0.001).
 */

/** ln Γ(x) for x > 0 (Lanczos, g = 7). */
export function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const xx = x - 1;
  let a = c[0]!;
  const t = xx + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (xx + i);
  return 0.5 * Math.log(2 * Math.PI) + (xx + 0.5) * Math.log(t) - t + Math.log(a);
}

function logPoissonPmf(i: number, lambda: number): number {
  return -lambda + i * Math.log(lambda) - logGamma(i + 1);
}

/**
 * P(X ≥ k) for X ~ Poisson(λ): how surprising it is to see `k` or more events when `λ` are expected.
 * `k` ≤ 0 gives 1; λ ≤ 0 gives 0 for any k ≥ 1.
 */
export function poissonTail(k: number, lambda: number): number {
  if (k <= 0) return 1;
  if (lambda <= 0) return 0;
  if (k <= lambda) {
    // Left side is short: 1 − P(X < k).
    let cdf = 0;
    for (let i = 0; i < k; i++) cdf += Math.exp(logPoissonPmf(i, lambda));
    return Math.min(1, Math.max(0, 1 - cdf));
  }
  // Right tail: terms shrink from i = k on; stop when they no longer move the sum.
  let sum = 0;
  for (let i = k; ; i++) {
    const term = Math.exp(logPoissonPmf(i, lambda));
    sum += term;
    if (term < sum * 1e-15 || i > k + 10_000) break;
  }
  return Math.min(1, sum);
}

/** Complementary error function (Numerical Recipes `erfcc`, |error| < 1.2e-7). */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** P(Z ≥ z) for a standard normal Z (one-sided p-value of a z-score). */
export function normalTail(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}
