import type { Alert, SlackChannel } from '../../domain/alert.js';
import type { Digest } from '../../domain/digest.js';
import { digestSlack } from '../../digest/render.js';
import { slackMessage } from '../message.js';
import { postBody } from './http-post.js';
import type { SendContext, Sender } from './sender.js';

/** Posts a readable message (numbers, window, linked examples) to a Slack incoming webhook. */
export function slackSender(channel: SlackChannel): Sender {
  return {
    type: 'slack',
    async send(alert: Alert, ctx: SendContext) {
      const body = JSON.stringify(slackMessage(alert));
      await postBody(channel.webhookUrl, body, { 'content-type': 'application/json' }, channel.timeoutMs, ctx.signal);
    },
    async sendDigest(digest: Digest, ctx: SendContext) {
      const body = JSON.stringify(digestSlack(digest));
      await postBody(channel.webhookUrl, body, { 'content-type': 'application/json' }, channel.timeoutMs, ctx.signal);
    },
  };
}
