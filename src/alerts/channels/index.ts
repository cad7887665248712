import type { Channel } from '../../domain/alert.js';
import { emailSender } from './email.js';
import type { Sender } from './sender.js';
import { slackSender } from './slack.js';
import { webhookSender } from './webhook.js';

export { DeliveryError, type SendContext, type Sender } from './sender.js';
export { emailSender, slackSender, webhookSender };

/** The sender for a configured channel. */
export function senderFor(channel: Channel): Sender {
  switch (channel.type) {
    case 'webhook':
      return webhookSender(channel);
    case 'slack':
      return slackSender(channel);
    case 'email':
      return emailSender(channel);
  }
}
