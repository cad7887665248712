import type { Mention } from '../src/domain/mention.js';
import { hammingDistance } from '../src/nlp/index.js';
import type { Store } from '../src/store/store.js';

/** Texts shorter than this are too generic ("Great!") to call copies of each other. */
const MIN_CHARS = 40;
/** Fingerprints this close (in bits of 64) are the same text, reposted or lightly edited. */
export const MAX_DISTANCE = 3;
/** Re-reads of the neighbourhood after writing, in case another process stored a neighbour meanwhile. */
const SETTLE_ROUNDS = 3;

/** 4 bands of 16 bits: two fingerprints within 3 bits share at least one band exactly (pigeonhole). */
export function dupKeys(fp: string): string[] {
  const hex = fp.padStart(16, '0');
  return [0, 1, 2, 3].map((i) => `${i}${hex.slice(i * 4, i * 4 + 4)}`);
}

/** What duplicate marking reads of a mention. Only mentions with `dupKeys` take part (long enough, fingerprinted). */
export type Candidate = Pick<Mention, '_id' | 'brand' | 'fingerprint' | 'publishedAt' | 'duplicateOf' | 'dupKeys'> & Partial<Pick<Mention, 'source'>>;

const CANDIDATE_FIELDS = { _id: 1, brand: 1, fingerprint: 1, publishedAt: 1, duplicateOf: 1, dupKeys: 1, source: 1 } as const;

/** (publishedAt, _id) order: the original of a cluster is the smallest. */
export function earlier(a: Pick<Candidate, '_id' | 'publishedAt'>, b: Pick<Candidate, '_id' | 'publishedAt'>): number {
  return new Date(a.publishedAt).getTime() - new Date(b.publishedAt).getTime() || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0);
}

const near = (a: Candidate, b: Candidate) =>
  a.brand === b.brand && !!a.fingerprint && !!b.fingerprint && hammingDistance(a.fingerprint, b.fingerprint) <= MAX_DISTANCE;

/** Sets `dupKeys` on the mentions that can have copies (and removes it from the others); drops any old mark. */
export function prepareForMarking(mentions: Mention[]): void {
  for (const m of mentions) {
    if (m.fingerprint && m.text.length >= MIN_CHARS) m.dupKeys = dupKeys(m.fingerprint);
    else delete m.dupKeys;
    delete m.duplicateOf;
  }
}

/**
 * The relation, defined on the set alone: a mention is a duplicate of the earliest mention (by `publishedAt`, then
 * `_id`) of the same brand whose fingerprint is within {@link MAX_DISTANCE} bits of its own, when that mention is not
 * itself. Not transitive on purpose: it depends only on which mentions exist, never on the order they arrived in.
 * Returns `_id` → original (absent: an original) for each of `targets`, judged against `pool` (which may hold them).
 */
export function originalsOf(targets: Candidate[], pool: Candidate[]): Map<string, string | undefined> {
  const byKey = new Map<string, Candidate[]>();
  for (const c of pool) {
    if (!c.dupKeys) continue;
    for (const k of c.dupKeys) {
      const list = byKey.get(k);
      if (list) list.push(c);
      else byKey.set(k, [c]);
    }
  }
  const out = new Map<string, string | undefined>();
  for (const t of targets) {
    let best: Candidate = t;
    for (const k of t.dupKeys ?? []) {
      for (const o of byKey.get(k) ?? []) if (o._id !== t._id && earlier(o, best) < 0 && near(o, t)) best = o;
    }
    out.set(t._id, best._id === t._id ? undefined : best._id);
  }
  return out;
}

/** Marks a whole set at once (what the stored result must equal, whatever the order of ingest). */
export function markSet(mentions: Mention[]): Mention[] {
  prepareForMarking(mentions);
  const originals = originalsOf(mentions, mentions);
  for (const m of mentions) {
    const o = originals.get(m._id);
    if (o) m.duplicateOf = o;
  }
  return mentions;
}

async function loadPool(store: Store, brand: string, keys: Set<string>): Promise<Candidate[]> {
  if (keys.size === 0) return [];
  return (await store.findMentions({ brand, dupKeys: { $in: [...keys] } }, { projection: CANDIDATE_FIELDS })) as Candidate[];
}

const keysOf = (cs: Array<Pick<Candidate, 'dupKeys'>>) => new Set(cs.flatMap((c) => c.dupKeys ?? []));

/**
 * Duplicate marking for one brand's batch, around its upsert. Before: marks the batch against what is stored, so
 * the upsert writes the right `duplicateOf`. `upsert` stores the batch. After: recomputes every mention whose
 * original may have changed (the batch, its neighbours by old and new fingerprint, and whoever pointed at a batch
 * member) from the store as it now is, rewrites those that differ, and reads again until a round changes nothing,
 * so a neighbour stored meanwhile by another process is taken into account. Callers serialise batches of one brand
 * within the process. Returns every stored mention whose mark was judged (rewritten or not): their rollup buckets
 * must be refreshed, even when this run found the mark right, since a process killed between rewriting a mark and
 * refreshing its bucket leaves the bucket stale and the rerun finds nothing to rewrite.
 */
export async function markAroundUpsert(
  store: Store,
  brand: string,
  batch: Mention[],
  before: Candidate[],
  upsert: (batch: Mention[]) => Promise<void>,
): Promise<Candidate[]> {
  prepareForMarking(batch);
  const batchIds = new Set(batch.map((m) => m._id));
  const near1 = new Set([...keysOf(batch), ...keysOf(before)]);
  const first = await loadPool(store, brand, near1);
  const pool0 = [...first.filter((c) => !batchIds.has(c._id)), ...batch];
  const originals = originalsOf(batch, pool0);
  for (const m of batch) {
    const o = originals.get(m._id);
    if (o) m.duplicateOf = o;
  }
  const pointing = (await store.findMentions({ brand, duplicateOf: { $in: [...batchIds] } }, { projection: { _id: 1 } })).map((c) => c._id);
  await upsert(batch);

  // Who may change: the batch, its neighbours (old and new fingerprints), and whoever pointed at a batch member.
  const affected = new Set<string>([...batchIds, ...first.map((c) => c._id), ...pointing]);
  let keys = new Set([...near1, ...keysOf(first)]);
  if (pointing.length) {
    const docs = (await store.findMentions({ _id: { $in: pointing } }, { projection: CANDIDATE_FIELDS })) as Candidate[];
    keys = new Set([...keys, ...keysOf(docs)]);
  }
  const judged = new Map<string, Candidate>();
  for (let round = 0; round <= SETTLE_ROUNDS; round++) {
    const pool = await loadPool(store, brand, keys);
    // A neighbour of the batch stored meanwhile (by another process) joins the affected set.
    const joined = pool.filter((c) => !affected.has(c._id) && c.dupKeys?.some((k) => near1.has(k)));
    if (joined.length > 0) {
      for (const c of joined) affected.add(c._id);
      keys = new Set([...keys, ...keysOf(joined)]);
      continue;
    }
    const targets = pool.filter((c) => affected.has(c._id));
    for (const t of targets) if (!batchIds.has(t._id)) judged.set(t._id, t);
    const want = originalsOf(targets, pool);
    const changed = targets.filter((c) => want.get(c._id) !== c.duplicateOf);
    if (changed.length === 0) break;
    const docs = await store.findMentions({ _id: { $in: changed.map((c) => c._id) } });
    const fixed = docs.map((d) => {
      const next: Mention = { ...d };
      const o = want.get(d._id);
      if (o) next.duplicateOf = o;
      else delete next.duplicateOf;
      return next;
    });
    await store.upsertMentions(fixed);
  }
  return [...judged.values()];
}
