import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Alert } from '../domain/alert.js';
import { SIGNATURE_HEADER, verifySignature } from './signature.js';

/** A webhook delivery as a receiver saw it. */
export interface ReceivedAlert {
  alert: Alert;
  deliveryId: string;
  /** The HMAC signature matched the shared secret. */
  verified: boolean;
}

/**
 * A local webhook receiver on 127.0.0.1 (free port) for `earshot demo` and for trying channels out: accepts the
 * JSON earshot posts, checks the signature against `secret`, and calls `onAlert`. Answers 401 to a bad signature,
 * 400 to a body that is not an earshot alert.
 */
export async function startAlertReceiver(opts: { secret: string; onAlert?: (a: ReceivedAlert) => void }): Promise<{
  url: string;
  received: ReceivedAlert[];
  close(): Promise<void>;
}> {
  const received: ReceivedAlert[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const verified = verifySignature(opts.secret, body, req.headers[SIGNATURE_HEADER] as string | undefined);
      if (!verified) {
        res.writeHead(401).end('bad signature');
        return;
      }
      let parsed: { type?: string; deliveryId?: string; alert?: Alert };
      try {
        parsed = JSON.parse(body.toString('utf8'));
      } catch {
        res.writeHead(400).end('not JSON');
        return;
      }
      if (parsed.type !== 'earshot.alert' || !parsed.alert) {
        res.writeHead(400).end('not an earshot alert');
        return;
      }
      const hit: ReceivedAlert = { alert: parsed.alert, deliveryId: parsed.deliveryId ?? '', verified };
      // A retried delivery arrives with the same id: keep one.
      if (!received.some((r) => r.deliveryId === hit.deliveryId)) {
        received.push(hit);
        opts.onAlert?.(hit);
      }
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/earshot-alerts`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
