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
export async function notify(deps: NotifyDeps, payload: { alertId: string; channel: string }, ctx?: NotifyAttempt): Promise<Delivery> {
  const id = deliveryId(payload.alertId, payload.channel);
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
