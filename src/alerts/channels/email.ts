import nodemailer from 'nodemailer';
import type { Alert, EmailChannel } from '../../domain/alert.js';
import type { Digest } from '../../domain/digest.js';
import { digestHtml, digestSubject, digestText } from '../../digest/render.js';
import { alertText, alertTitle } from '../message.js';
import { DeliveryError, type SendContext, type Sender } from './sender.js';

/** Sends the alert as a plain-text email over SMTP (nodemailer). SMTP errors are retried by the queue. */
export function emailSender(channel: EmailChannel): Sender {
  const transport = nodemailer.createTransport({
    host: channel.host,
    port: channel.port,
    secure: channel.secure,
    ...(channel.user ? { auth: { user: channel.user, pass: channel.pass ?? '' } } : {}),
    connectionTimeout: channel.timeoutMs,
    greetingTimeout: channel.timeoutMs,
    socketTimeout: channel.timeoutMs,
  });
  return {
    type: 'email',
    async send(alert: Alert, ctx: SendContext) {
      try {
        await transport.sendMail({
          from: channel.from,
          to: channel.to,
          subject: alertTitle(alert),
          text: alertText(alert),
          headers: { 'X-Earshot-Delivery': ctx.deliveryId },
        });
      } catch (err) {
        throw new DeliveryError(`SMTP ${channel.host}:${channel.port}: ${(err as Error).message}`);
      }
    },
    async sendDigest(digest: Digest, ctx: SendContext) {
      try {
        await transport.sendMail({
          from: channel.from,
          to: channel.to,
          subject: digestSubject(digest),
          text: digestText(digest),
          html: digestHtml(digest),
          headers: { 'X-Earshot-Delivery': ctx.deliveryId },
        });
      } catch (err) {
        throw new DeliveryError(`SMTP ${channel.host}:${channel.port}: ${(err as Error).message}`);
      }
    },
    close() {
      transport.close();
    },
  };
}
