import type { Mention } from '../src/domain/mention.js';
import { hammingDistance } from '../src/nlp/index.js';
import type { Store } from '../src/store/store.js';

/** Texts shorter than this are too generic ("Great!") to call copies of each other. */
const MIN_CHARS = 40;
/** Fingerprints this close (in bits of 64) are the same text, reposted or lightly edited. */
const MAX_DISTANCE = 3;
/** 4 bands of 16 bits: two fingerprints within 3 bits share at least one band exactly (pigeonhole). */
export function dupKeys(fp: string): string[] {
  const hex = fp.padStart(16, '0');
  return [0, 1, 2, 3].map((i) => `${i}${hex.slice(i * 4, i * 4 + 4)}`);
}

type Candidate = Pick<Mention, '_id' | 'brand' | 'fingerprint' | 'publishedAt' | 'duplicateOf'>;
const earlier = (a: Candidate, b: Candidate) =>
  a.publishedAt.getTime() - b.publishedAt.getTime() || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0);

/**
 * Mark copies and syndicated reposts: in each cluster of near-identical texts of one brand, the earliest mention is
 * the original and every other gets `duplicateOf` = its `_id`. Stored mentions that turn out to be later copies of
 * a new, earlier one are returned too, re-marked, so the result is the same in whatever order items arrive.
 */
export async function markDuplicates(store: Store, mentions: Mention[]): Promise<Mention[]> {
  const eligible = mentions.filter((m) => m.fingerprint && m.text.length >= MIN_CHARS);
  for (const m of mentions) {
    if (m.fingerprint && m.text.length >= MIN_CHARS) m.dupKeys = dupKeys(m.fingerprint);
    else delete m.dupKeys;
    delete m.duplicateOf;
  }
  if (eligible.length === 0) return mentions;

  const batchIds = new Set(mentions.map((m) => m._id));
  const stored = await store.findMentions(
    {
      brand: { $in: [...new Set(eligible.map((m) => m.brand))] },
      dupKeys: { $in: [...new Set(eligible.flatMap((m) => m.dupKeys!))] },
    },
    { projection: { _id: 1, brand: 1, fingerprint: 1, publishedAt: 1, duplicateOf: 1 } },
  );
  const pool: Candidate[] = [...stored.filter((s) => !batchIds.has(s._id)), ...eligible];
  const remark = new Map<string, string>();

  for (const m of eligible) {
    const cluster = pool.filter(
      (o) => o.brand === m.brand && o.fingerprint && hammingDistance(o.fingerprint, m.fingerprint!) <= MAX_DISTANCE,
    );
    const original = cluster.reduce((a, b) => (earlier(a, b) <= 0 ? a : b), m as Candidate);
    if (original._id !== m._id) m.duplicateOf = original._id;
    for (const s of stored) {
      if (cluster.includes(s) && s._id !== original._id && s.duplicateOf !== original._id && !batchIds.has(s._id)) {
        remark.set(s._id, original._id);
      }
    }
  }
  if (remark.size === 0) return mentions;
  const docs = await store.findMentions({ _id: { $in: [...remark.keys()] } });
  return [...mentions, ...docs.map((d) => ({ ...d, duplicateOf: remark.get(d._id)! }))];
}
