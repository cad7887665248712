import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { Slug } from '../domain/brand.js';
import type { Store } from '../store/store.js';

/** `read`: reports and mentions. `write`: also workflow changes, acks and crawls. `admin`: also keys. */
export const Scope = z.enum(['read', 'write', 'admin']);
export type Scope = z.infer<typeof Scope>;
const RANK: Record<Scope, number> = { read: 1, write: 2, admin: 3 };

export const scopeAllows = (held: Scope, needed: Scope) => RANK[held] >= RANK[needed];

export const API_KEYS = 'apiKeys';

/** A stored key: never the key itself, only its SHA-256 (keys are 192 random bits, so a fast hash is enough). */
export interface ApiKeyDoc {
  _id: string;
  name: string;
  scope: Scope;
  /** Limited to these brands; absent: every brand. */
  brands?: string[];
  hash: string;
  createdAt: Date;
  revokedAt?: Date;
}

export const NewKey = z.object({
  name: z.string().trim().min(1).max(80).regex(/^[\w .@-]+$/, 'letters, digits, space and _ . @ - only'),
  scope: Scope,
  brands: z.array(Slug).min(1).optional(),
});
export type NewKey = z.infer<typeof NewKey>;

/** `esk_<id>_<secret>`: the id finds the stored hash, the secret proves the holder. */
const KEY_FORMAT = /^esk_([0-9a-f]{12})_([A-Za-z0-9_-]{32})$/;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Creates a key and returns it: the only time the key is ever shown. */
export async function createKey(store: Store, input: NewKey): Promise<{ key: string; doc: ApiKeyDoc }> {
  const active = await listKeys(store);
  if (active.some((k) => k.name === input.name)) throw new Error(`a key named "${input.name}" already exists (revoke it first)`);
  const id = randomBytes(6).toString('hex');
  const key = `esk_${id}_${randomBytes(24).toString('base64url')}`;
  const doc: ApiKeyDoc = { _id: id, name: input.name, scope: input.scope, ...(input.brands ? { brands: input.brands } : {}), hash: sha256(key), createdAt: new Date() };
  await store.putDoc(API_KEYS, doc as unknown as ApiKeyDoc & Record<string, unknown>);
  return { key, doc };
}

/** Keys not revoked (or every key with `all`), oldest first. */
export async function listKeys(store: Store, opts: { all?: boolean } = {}): Promise<ApiKeyDoc[]> {
  const docs = await store.findDocs<ApiKeyDoc>(API_KEYS, {}, { sort: { createdAt: 1 } });
  return opts.all ? docs : docs.filter((d) => !d.revokedAt);
}

/** Revokes by id or name; returns the revoked key, or null if no active key matches. */
export async function revokeKey(store: Store, idOrName: string): Promise<ApiKeyDoc | null> {
  const key = (await listKeys(store)).find((k) => k._id === idOrName || k.name === idOrName);
  if (!key) return null;
  const revoked = { ...key, revokedAt: new Date() };
  await store.putDoc(API_KEYS, revoked as unknown as ApiKeyDoc & Record<string, unknown>);
  return revoked;
}

/** The active key `presented` belongs to, or null (unknown, malformed, wrong secret or revoked). */
export async function verifyKey(store: Store, presented: string): Promise<ApiKeyDoc | null> {
  const m = KEY_FORMAT.exec(presented);
  if (!m) return null;
  const doc = await store.getDoc<ApiKeyDoc>(API_KEYS, m[1]!);
  if (!doc || doc.revokedAt) return null;
  const a = Buffer.from(doc.hash, 'hex');
  const b = Buffer.from(sha256(presented), 'hex');
  return a.length === b.length && timingSafeEqual(a, b) ? doc : null;
}
