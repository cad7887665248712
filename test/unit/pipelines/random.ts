import { prng } from '../../../src/demo/lib/prng.js';

/** A seeded PRNG (mulberry32, the demo's): the same seed gives the same sequence, so a failing case can be replayed. */
export const mulberry32 = (seed: number): (() => number) => prng(seed);

/** A shuffled copy (Fisher–Yates). */
export function shuffle<T>(xs: T[], rnd: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** `fp` (16 hex digits) with the given bit positions (0–63) flipped. */
export function flipBits(fp: string, bits: number[]): string {
  let v = BigInt(`0x${fp}`);
  for (const b of bits) v ^= 1n << BigInt(b);
  return v.toString(16).padStart(16, '0');
}
