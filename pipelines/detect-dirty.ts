import type { Store } from '../src/store/store.js';

/**
 * A per-brand "dirty" flag that makes detection after ingest a trailing run, on both queue adapters: every ingest
 * stamps `detectDirty/<brand>` after it stored its batch and enqueues its own detect job; a detect job started
 * for an ingest is skipped only when another detection of the brand *began* after that stamp (it read the newer
 * data already). So the last ingest of a burst is always followed by a detection that sees it, and the rest are
 * cheap no-ops. Two collections, one writer kind each, so neither overwrites the other's stamp.
 */
const DIRTY = 'detectDirty';
const CHECKED = 'detectChecked';

interface Stamp {
  _id: string;
  at: Date;
}

export async function markDirty(store: Store, brand: string, at = new Date()): Promise<void> {
  await store.putDoc(DIRTY, { _id: brand, at } satisfies Stamp);
}

/** True when a detection started after the brand's last ingest (so one more would see nothing new). */
export async function alreadyChecked(store: Store, brand: string): Promise<boolean> {
  const [dirty, checked] = await Promise.all([store.getDoc<Stamp>(DIRTY, brand), store.getDoc<Stamp>(CHECKED, brand)]);
  if (!dirty || !checked) return false;
  return new Date(checked.at).getTime() > new Date(dirty.at).getTime();
}

/** Call before reading the data a detection judges. */
export async function markChecked(store: Store, brand: string, at = new Date()): Promise<void> {
  await store.putDoc(CHECKED, { _id: brand, at } satisfies Stamp);
}
