/**
 * Small word sets as bits: the words that can ever be members get numbers once, and a set is an array of bits over
 * those numbers, so membership is two array reads instead of hashing a string.
 */
export class WordNumbering {
  private readonly numbers = new Map<string, number>();

  constructor(words: Iterable<string>) {
    for (const w of words) if (!this.numbers.has(w)) this.numbers.set(w, this.numbers.size);
  }

  /** The word's number, or -1 when it is in no set of this numbering. */
  numberOf(word: string): number {
    return this.numbers.get(word) ?? -1;
  }

  /** The set of `words` (each must be numbered) as bits. */
  bitsOf(words: Iterable<string>): Int32Array {
    const bits = new Int32Array((this.numbers.size + 31) >> 5);
    for (const w of words) {
      const k = this.numbers.get(w);
      if (k === undefined) throw new Error(`word "${w}" has no number`);
      bits[k >> 5]! |= 1 << (k & 31);
    }
    return bits;
  }
}
