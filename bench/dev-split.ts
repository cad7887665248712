/**
 * Shared helpers of the accuracy benches: where the dev data lives, and the fixed dev/validation split.
 *
 * The split is by a hash of each item's text (FNV-1a, 1 in 5 to validation), so it is the same on every run and
 * machine, and independent of file order. Tune on `dev`; `val` tells whether a change generalises or was fitted.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** `<shared>/data/<sub>`: `EARSHOT_DATA` if set, else `../shared/data` from the repo or from its worktree folder. */
export function dataDir(sub: string): string {
  const env = process.env.EARSHOT_DATA;
  const candidates = env ? [resolve(env)] : [resolve(root, '../shared/data'), resolve(root, '../../shared/data')];
  const base = candidates.find((c) => existsSync(resolve(c, sub))) ?? candidates[0]!;
  return resolve(base, sub);
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export type Part = 'dev' | 'val';
/** The part of the split a text belongs to. */
export function partOf(text: string): Part {
  return fnv1a(text) % 5 === 0 ? 'val' : 'dev';
}

export function pearson(xs: number[], ys: number[]): number {
  const n = xs.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i]!;
    my += ys[i]!;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? 0 : sxy / Math.sqrt(sxx * syy);
}
