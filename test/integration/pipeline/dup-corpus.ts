import type { Mention } from '../../../src/domain/mention.js';
import type { Store } from '../../../src/store/store.js';
import { makeComplaint, makeMention } from '../store/fixtures.js';
import { flipBits, mulberry32 } from '../../unit/pipelines/random.js';

/** ~120 mentions in clusters of near-identical texts (chains included), some too short to compare, spread over days. */
export function corpus(seed: number): Mention[] {
  const rnd = mulberry32(seed);
  const out: Mention[] = [];
  for (let c = 0; c < 30; c++) {
    let fp = Array.from({ length: 16 }, () => Math.floor(rnd() * 16).toString(16)).join('');
    for (let i = 0; i < 1 + Math.floor(rnd() * 6); i++) {
      fp = flipBits(fp, Array.from({ length: Math.floor(rnd() * 4) }, () => Math.floor(rnd() * 64)));
      const make = rnd() < 0.3 ? makeComplaint : makeMention;
      out.push(
        make({
          externalId: `s${seed}-c${c}-${i}`,
          text: rnd() < 0.1 ? 'Too short to judge.' : `Review number ${c}-${i} of this place, long enough to compare as a copy.`,
          fingerprint: fp,
          publishedAt: new Date(Date.UTC(2024, 2, 1 + Math.floor(rnd() * 5), Math.floor(rnd() * 3))),
          source: { kind: 'reviews-jsonld', name: rnd() < 0.5 ? 'site-a' : 'site-b', url: 'https://reviews.example/acme' },
        }),
      );
    }
  }
  return out;
}

/** What reports read: every mention's mark, the rollups (floats to 1e-9), and how many mentions count. */
export async function observed(store: Store) {
  const marks = Object.fromEntries((await store.findMentions({}, { projection: { _id: 1, duplicateOf: 1 }, sort: { _id: 1 } })).map((m) => [m._id, m.duplicateOf ?? null]));
  // Sums of float scores differ in the last bits with the order the store returns documents in: compare to 1e-9.
  const rollups = JSON.parse(JSON.stringify(await store.aggregate('rollups', [{ $sort: { _id: 1 } }]), (_k, v) => (typeof v === 'number' ? Math.round(v * 1e9) / 1e9 : v)));
  return { marks, rollups, counted: await store.countMentions({ duplicateOf: { $exists: false } }) };
}
