import { afterEach, describe, expect, it } from 'vitest';
import { emailSender, slackSender, webhookSender } from '../../../src/alerts/channels/index.js';
import { DeliveryError } from '../../../src/alerts/channels/sender.js';
import { SIGNATURE_HEADER, verifySignature } from '../../../src/alerts/signature.js';
import { Channel, type EmailChannel, type SlackChannel, type WebhookChannel } from '../../../src/domain/alert.js';
import { PermanentError } from '../../../src/domain/errors.js';
import { sampleAlert } from './fixtures.js';
import { httpReceiver, readMail, smtpReceiver } from './receivers.js';

const SECRET = 'a-long-shared-secret-for-tests';
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

async function receiver(status?: (n: number) => number) {
  const r = await httpReceiver(status);
  closers.push(r.close);
  return r;
}

describe('webhook channel', () => {
  it('posts the alert as JSON with an HMAC-SHA256 signature the receiver can verify', async () => {
    const r = await receiver();
    const channel = Channel.parse({ type: 'webhook', url: r.url, secret: SECRET }) as WebhookChannel;
    await webhookSender(channel).send(sampleAlert(), { deliveryId: 'nw-negative:2024-03-02T10:00~hook' });

    expect(r.requests).toHaveLength(1);
    const { headers, body } = r.requests[0]!;
    expect(headers['content-type']).toBe('application/json');
    expect(headers['x-earshot-delivery']).toBe('nw-negative:2024-03-02T10:00~hook');
    expect(verifySignature(SECRET, body, headers[SIGNATURE_HEADER] as string)).toBe(true);
    expect(verifySignature('another-secret-entirely!!', body, headers[SIGNATURE_HEADER] as string)).toBe(false);
    expect(verifySignature(SECRET, body.replace('23', '24'), headers[SIGNATURE_HEADER] as string)).toBe(false);
    const parsed = JSON.parse(body);
    expect(parsed.type).toBe('earshot.alert');
    expect(parsed.alert).toMatchObject({ rule: 'nw-negative', observed: 23, expected: 4.1, severity: 'high', brand: 'northwind' });
    expect(parsed.alert.examples[0].url).toBe('https://reviews.example/nw/1');
  });

  it('when the receiver answers 500, the send fails as retryable; a 404 is permanent (retrying cannot fix a wrong URL)', async () => {
    const failing = await receiver(() => 500);
    const send500 = webhookSender(Channel.parse({ type: 'webhook', url: failing.url }) as WebhookChannel).send(sampleAlert(), { deliveryId: 'd' });
    await expect(send500).rejects.toBeInstanceOf(DeliveryError);
    await expect(send500).rejects.toThrow(/HTTP 500 receiver says no/);

    const missing = await receiver(() => 404);
    const send404 = webhookSender(Channel.parse({ type: 'webhook', url: missing.url }) as WebhookChannel).send(sampleAlert(), { deliveryId: 'd' });
    await expect(send404).rejects.toBeInstanceOf(PermanentError);
  });

  it('when nothing listens on the port, the error names the host and is retryable', async () => {
    const r = await receiver();
    await r.close();
    closers.pop();
    const send = webhookSender(Channel.parse({ type: 'webhook', url: r.url, timeoutMs: 2000 }) as WebhookChannel).send(sampleAlert(), { deliveryId: 'd' });
    await expect(send).rejects.toThrow(/POST http:\/\/127\.0\.0\.1:\d+\/…: ECONNREFUSED/);
  });
});

describe('slack channel', () => {
  it('posts a readable message with the numbers, the window and linked examples, escaping markup', async () => {
    const r = await receiver();
    const channel = Channel.parse({ type: 'slack', webhookUrl: r.url }) as SlackChannel;
    await slackSender(channel).send(sampleAlert(), { deliveryId: 'd' });
    const msg = JSON.parse(r.requests[0]!.body);
    expect(msg.text).toBe('[high] Negative spike · northwind · rule nw-negative: 23 mentions vs 4.1 expected');
    const all = JSON.stringify(msg.blocks);
    expect(all).toContain('2024-03-01 10:00 → 2024-03-02 10:00 UTC');
    expect(all).toContain('<https://reviews.example/nw/1|Charged twice>');
    expect(all).toContain('cafe-reviews, 1★');
  });
});

describe('email channel', () => {
  it('sends a plain-text email over SMTP with the numbers and the example links', async () => {
    const smtp = await smtpReceiver();
    closers.push(smtp.close);
    const channel = Channel.parse({
      type: 'email',
      host: '127.0.0.1',
      port: smtp.port,
      from: 'earshot@alerts.example',
      to: ['cx-team@brand.example'],
      timeoutMs: 5000,
    }) as EmailChannel;
    const sender = emailSender(channel);
    await sender.send(sampleAlert(), { deliveryId: 'nw~mail' });
    sender.close?.();

    expect(smtp.mails).toHaveLength(1);
    const mail = smtp.mails[0]!;
    expect(mail.from).toBe('earshot@alerts.example');
    expect(mail.to).toEqual(['cx-team@brand.example']);
    const { subject, body, headers } = readMail(mail.raw);
    expect(subject).toBe('[high] Negative spike · northwind · rule nw-negative');
    expect(headers).toContain('X-Earshot-Delivery: nw~mail');
    expect(body).toContain('23 mentions vs 4.1 expected');
    expect(body).toContain('window: 2024-03-01 10:00 → 2024-03-02 10:00 UTC');
    expect(body).toContain('- (cafe-reviews 1★) Charged twice: The app charged me twice & <no> refund.');
    expect(body).toContain('https://reviews.example/nw/1');
  });

  it('when no SMTP server answers, the send fails as retryable with the host and port', async () => {
    const smtp = await smtpReceiver();
    await smtp.close();
    const channel = Channel.parse({ type: 'email', host: '127.0.0.1', port: smtp.port, from: 'a@b.example', to: ['c@d.example'], timeoutMs: 2000 }) as EmailChannel;
    const send = emailSender(channel).send(sampleAlert(), { deliveryId: 'd' });
    await expect(send).rejects.toBeInstanceOf(DeliveryError);
    await expect(send).rejects.toThrow(`SMTP 127.0.0.1:${smtp.port}`);
  });
});
