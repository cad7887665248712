import type { Alert, WebhookChannel } from '../../domain/alert.js';
import type { Digest } from '../../domain/digest.js';
import { SIGNATURE_HEADER, signBody } from '../signature.js';
import { postBody } from './http-post.js';
import type { SendContext, Sender } from './sender.js';

/** The JSON a webhook receives. `alert` is the stored alert (dates as ISO strings). */
export interface WebhookBody {
  type: 'earshot.alert';
  deliveryId: string;
  alert: Alert;
}

/**
 * A generic webhook: POSTs `{type, deliveryId, alert}` as JSON with `X-Earshot-Delivery` and, when the channel has
 * a secret, `X-Earshot-Signature: sha256=<HMAC-SHA256 of the body>` (verify with `verifySignature`).
 */
export function webhookSender(channel: WebhookChannel): Sender {
  const post = async (body: string, ctx: SendContext) => {
      const headers: Record<string, string> = {
        ...channel.headers,
        'content-type': 'application/json',
        'user-agent': 'earshot-alerts/0.1',
        'x-earshot-delivery': ctx.deliveryId,
      };
      if (channel.secret) headers[SIGNATURE_HEADER] = signBody(channel.secret, body);
      await postBody(channel.url, body, headers, channel.timeoutMs, ctx.signal);
  };
  return {
    type: 'webhook',
    async send(alert: Alert, ctx: SendContext) {
      await post(JSON.stringify({ type: 'earshot.alert', deliveryId: ctx.deliveryId, alert } satisfies WebhookBody), ctx);
    },
    async sendDigest(digest: Digest, ctx: SendContext) {
      await post(JSON.stringify({ type: 'earshot.digest', deliveryId: ctx.deliveryId, digest }), ctx);
    },
  };
}
