/** FNV-1a 32-bit hash of a string; the seed for everything deterministic in the demo site. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A 52-bit hash (two FNV rounds) for numeric ids that must not collide within the corpus. */
export function hash52(s: string): number {
  return (hash32(s) % 0x100000) * 0x100000000 + hash32(`~${s}`);
}

/** A short stable base-36 id from a string (7–8 chars). */
export function shortId(s: string): string {
  return hash52(s).toString(36).slice(0, 8);
}

/** A seeded PRNG (mulberry32). Returns floats in [0, 1). */
export function prng(seed: number | string): () => number {
  let a = typeof seed === 'string' ? hash32(seed) : seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks one element of a non-empty array with the given PRNG. */
export function pick<T>(rand: () => number, items: readonly T[]): T {
  const item = items[Math.floor(rand() * items.length)];
  if (item === undefined) throw new Error('pick() from an empty list');
  return item;
}

/** An integer in [min, max] inclusive. */
export function intBetween(rand: () => number, min: number, max: number): number {
  return min + Math.floor(rand() * (max - min + 1));
}
