import { randomUUID } from 'node:crypto';
import type { Store } from '../store/store.js';
import type { Principal } from './auth.js';

export const AUDIT = 'audit';

/** One change made through the API: who (the key's name), what, when. */
export interface AuditEntry {
  _id: string;
  at: Date;
  who: string;
  keyId: string;
  action: string;
  target: string;
  detail?: Record<string, unknown>;
}

export async function recordAudit(store: Store, who: Principal, action: string, target: string, detail?: Record<string, unknown>): Promise<AuditEntry> {
  const entry: AuditEntry = { _id: randomUUID(), at: new Date(), who: who.name, keyId: who.keyId, action, target, ...(detail ? { detail } : {}) };
  await store.putDoc(AUDIT, entry as unknown as AuditEntry & Record<string, unknown>);
  return entry;
}
