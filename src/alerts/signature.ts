import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header carrying a webhook body's signature. */
export const SIGNATURE_HEADER = 'x-earshot-signature';

/** `sha256=<hex>`: HMAC-SHA256 of the exact body bytes with the channel's secret (GitHub's scheme). */
export function signBody(secret: string, body: string | Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** True when `header` is the signature of `body` under `secret` (constant-time compare). For receivers. */
export function verifySignature(secret: string, body: string | Buffer, header: string | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(signBody(secret, body));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
