import { senderFor } from '../src/alerts/channels/index.js';
import type { Alert, Delivery } from '../src/domain/alert.js';
import { PermanentError } from '../src/domain/errors.js';
import type { Config } from '../src/config/schema.js';
import type { Store } from '../src/store/store.js';
import { catalog } from './catalog.js';
import { ALERTS, DELIVERIES, deliveryId } from './detect.js';

/** What the notify stage needs. */
export interface NotifyDeps {
  config: Pick<Config, 'channels'>;
  store: Store;
}

export interface NotifyPayload {
  alertId: string;
  channel: string;
  /** The delivery's id when it is not the alert's first to this channel (an escalation). */
  delivery?: string;
}

/** How long a one-shot command gives one delivery before leaving it pending. */
export const ONE_SHOT_DELIVERY_MS = 5_000;

/**
 * One try, for one-shot commands: never throws for a delivery failure (the queue must not retry and the command
 * must not wait); the delivery stays `pending` in the store (or `failed` when retrying cannot help) with the reason.
 */
export async function deliverOnce(deps: NotifyDeps, payload: NotifyPayload, signal?: AbortSignal, timeoutMs = ONE_SHOT_DELIVERY_MS): Promise<Delivery> {
  const limit = AbortSignal.timeout(timeoutMs);
  try {
    return await notify(deps, payload, { attempt: 1, maxAttempts: Number.POSITIVE_INFINITY, signal: signal ? AbortSignal.any([signal, limit]) : limit });
  } catch {
    const id = payload.delivery ?? deliveryId(payload.alertId, payload.channel);
    const d = await deps.store.getDoc<Delivery>(DELIVERIES, id);
    if (!d) throw new Error(`delivery ${id} was not recorded`);
    return d;
  }
}

/** Deliveries not sent yet (oldest first): what one-shot commands resume and `earshot alerts deliver` retries. */
export async function pendingDeliveries(store: Store, opts: { includeFailed?: boolean } = {}): Promise<Delivery[]> {
  const status = opts.includeFailed ? { $in: ['pending', 'failed'] } : 'pending';
  return store.findDocs<Delivery>(DELIVERIES, { status }, { sort: { updatedAt: 1 } });
}

/** One line naming the pending deliveries and how they will go out, or '' when none. */
export function pendingLine(pending: Delivery[]): string {
  if (pending.length === 0) return '';
  const list = pending.map((d) => `${d._id}${d.lastError ? ` (${d.lastError})` : ''}`).join('; ');
  return `${pending.length} alert deliver${pending.length === 1 ? 'y' : 'ies'} pending: ${list} — stored; sent by the next run or \`earshot alerts deliver\``;
}

/** Hands every pending delivery to the queue again (one-shot commands, at start). Returns how many. */
export async function resumeDeliveries(store: Store, queue: { enqueue(name: 'notify', p: NotifyPayload): Promise<void> }): Promise<number> {
  const pending = await pendingDeliveries(store);
  for (const d of pending) await queue.enqueue('notify', { alertId: d.alertId, channel: d.channel, delivery: d._id });
  return pending.length;
}

/** The queue's view of the try in progress (`JobContext`); without it every failure is recorded as retrying. */
export interface NotifyAttempt {
  /** 1 on the first try. */
  attempt: number;
  /** Tries in all; the last failing one marks the delivery `failed`. Default: the catalog's `notify.attempts`. */
  maxAttempts?: number;
  signal?: AbortSignal;
}

/**
 * The notify stage: delivers one stored alert to one channel and records the outcome in `alertDeliveries`.
 * Already sent → nothing to do (a retried or duplicated job never sends twice). A failure is recorded and rethrown
 * so the queue retries with backoff; a permanent one (unknown alert or channel, a 4xx) is not retried.
 */
export async function notify(deps: NotifyDeps, payload: NotifyPayload, ctx?: NotifyAttempt): Promise<Delivery> {
  const id = payload.delivery ?? deliveryId(payload.alertId, payload.channel);
  const previous = await deps.store.getDoc<Delivery>(DELIVERIES, id);
  if (previous?.status === 'sent') return previous;
  const base: Delivery = previous ?? { _id: id, alertId: payload.alertId, channel: payload.channel, status: 'pending', attempts: 0, updatedAt: new Date() };
  const record = async (patch: Partial<Delivery>) => {
    const next: Delivery = { ...base, ...patch, attempts: base.attempts + 1, updatedAt: new Date() };
    await deps.store.putDoc(DELIVERIES, next as unknown as Delivery & Record<string, unknown>);
    return next;
  };

  const alert = await deps.store.getDoc<Alert>(ALERTS, payload.alertId);
  const channel = deps.config.channels[payload.channel];
  try {
    if (!alert) throw new PermanentError(`alert "${payload.alertId}" is not stored`);
    if (!channel) throw new PermanentError(`channel "${payload.channel}" is not configured any more`);
    const sender = senderFor(channel);
    try {
      await sender.send(alert, { deliveryId: id, ...(ctx?.signal ? { signal: ctx.signal } : {}) });
    } finally {
      sender.close?.();
    }
  } catch (err) {
    const message = (err as Error).message;
    const final = err instanceof PermanentError || (ctx !== undefined && ctx.attempt >= (ctx.maxAttempts ?? catalog.notify.attempts));
    await record({ status: final ? 'failed' : 'pending', lastError: message });
    throw err;
  }
  // lastError stays: it tells why earlier tries failed.
  return record({ status: 'sent', sentAt: new Date() });
}
