import { describe, expect, it } from 'vitest';
import { type Candidate, dupKeys, MAX_DISTANCE, originalsOf } from '../../../pipelines/duplicates.js';
import { hammingDistance } from '../../../src/nlp/index.js';
import { flipBits, mulberry32, shuffle } from './random.js';

const T0 = Date.UTC(2024, 2, 1);

function cand(id: string, fp: string, hoursAfter: number, brand = 'acme'): Candidate {
  return { _id: id, brand, fingerprint: fp, dupKeys: dupKeys(fp), publishedAt: new Date(T0 + hoursAfter * 3_600_000) };
}

/** Brute force over every pair: the definition, written the slow obvious way. */
function bruteForce(all: Candidate[]): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  for (const m of all) {
    const near = all.filter((o) => o.brand === m.brand && hammingDistance(o.fingerprint!, m.fingerprint!) <= MAX_DISTANCE);
    near.sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime() || (a._id < b._id ? -1 : 1));
    out.set(m._id, near[0]!._id === m._id ? undefined : near[0]!._id);
  }
  return out;
}

describe('duplicate marking is a function of the set of mentions', () => {
  it('a copy points at the earliest near text; a tie on publishedAt goes to the smaller _id', () => {
    const fp = '0123456789abcdef';
    const all = [cand('b', fp, 5), cand('a', flipBits(fp, [1, 9]), 5), cand('c', flipBits(fp, [20]), 9)];
    const o = originalsOf(all, all);
    expect(o.get('a')).toBeUndefined();
    expect(o.get('b')).toBe('a');
    expect(o.get('c')).toBe('a');
  });

  it('is not transitive: a chain a~b~c with a and c 6 bits apart marks c against b, not a', () => {
    const a = '00000000000000ff';
    const b = flipBits(a, [10, 11, 12]);
    const c = flipBits(b, [30, 31, 32]);
    const all = [cand('c', c, 3), cand('b', b, 2), cand('a', a, 1)];
    const o = originalsOf(all, all);
    expect(o.get('b')).toBe('a');
    expect(o.get('c')).toBe('b');
  });

  it('other brands never count', () => {
    const fp = 'ffff0000ffff0000';
    const all = [cand('x', fp, 1, 'other'), cand('y', fp, 2)];
    expect(originalsOf(all, all).get('y')).toBeUndefined();
  });

  it('random clusters and chains: the band index finds exactly what comparing every pair finds, in any order', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const rnd = mulberry32(seed);
      const all: Candidate[] = [];
      for (let c = 0; c < 15; c++) {
        let fp = Array.from({ length: 16 }, () => Math.floor(rnd() * 16).toString(16)).join('');
        for (let i = 0; i < 1 + Math.floor(rnd() * 6); i++) {
          fp = flipBits(fp, Array.from({ length: Math.floor(rnd() * 4) }, () => Math.floor(rnd() * 64)));
          all.push(cand(`m${c}-${i}`, fp, Math.floor(rnd() * 5)));
        }
      }
      const expected = bruteForce(all);
      expect(originalsOf(shuffle(all, rnd), shuffle(all, rnd))).toEqual(new Map([...expected].sort()));
    }
  });
});
