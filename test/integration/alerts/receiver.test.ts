import { describe, expect, it } from 'vitest';
import { webhookSender } from '../../../src/alerts/channels/webhook.js';
import { startAlertReceiver } from '../../../src/alerts/receiver.js';
import { Channel, type WebhookChannel } from '../../../src/domain/alert.js';
import { PermanentError } from '../../../src/domain/errors.js';
import { sampleAlert } from './fixtures.js';

describe('the local alert receiver (used by earshot demo)', () => {
  it('accepts a signed alert once, even when the delivery is retried, and refuses a wrong secret', async () => {
    const seen: string[] = [];
    const rx = await startAlertReceiver({ secret: 'receiver-secret-123456', onAlert: (a) => seen.push(a.alert.rule) });
    try {
      const good = webhookSender(Channel.parse({ type: 'webhook', url: rx.url, secret: 'receiver-secret-123456' }) as WebhookChannel);
      await good.send(sampleAlert(), { deliveryId: 'a~hook' });
      await good.send(sampleAlert(), { deliveryId: 'a~hook' });
      expect(seen).toEqual(['nw-negative']);
      expect(rx.received[0]!.alert.observed).toBe(23);
      const bad = webhookSender(Channel.parse({ type: 'webhook', url: rx.url, secret: 'some-other-secret-xyz' }) as WebhookChannel);
      await expect(bad.send(sampleAlert(), { deliveryId: 'b~hook' })).rejects.toBeInstanceOf(PermanentError);
      expect(rx.received).toHaveLength(1);
    } finally {
      await rx.close();
    }
  });
});
