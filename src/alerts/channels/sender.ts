import type { Alert } from '../../domain/alert.js';
import type { Digest } from '../../domain/digest.js';

/** What a channel is told besides the alert. */
export interface SendContext {
  /** Stable per alert × channel, so a receiver can drop a retried duplicate. */
  deliveryId: string;
  signal?: AbortSignal;
}

/** One configured channel, ready to deliver. Throws on failure so the queue retries (PermanentError: don't). */
export interface Sender {
  readonly type: 'webhook' | 'slack' | 'email';
  send(alert: Alert, ctx: SendContext): Promise<void>;
  /** Sends a digest (src/digest): email as HTML with a plain-text part, Slack as blocks, a webhook as JSON. */
  sendDigest(digest: Digest, ctx: SendContext): Promise<void>;
  /** Releases connections (email). */
  close?(): void;
}

/** A delivery that failed in a way a retry may fix (network, 5xx, 429). */
export class DeliveryError extends Error {
  override readonly name = 'DeliveryError';
}
