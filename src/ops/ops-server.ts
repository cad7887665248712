import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';

/** What `/healthz` reports: 200 while `healthy()` says so, else 503 (shutting down, lost its queue). */
export interface OpsServerOptions {
  port: number;
  /** Default 127.0.0.1; `0.0.0.0` to be scraped from other containers. */
  host?: string;
  registry: Registry;
  health(): { ok: boolean } & Record<string, unknown>;
}

/**
 * A worker's own small HTTP server: `GET /healthz` (JSON, for container healthchecks) and `GET /metrics`
 * (Prometheus text). Nothing else; it never serves data.
 */
export async function startOpsServer(opts: OpsServerOptions): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && path === '/healthz') {
      const h = opts.health();
      res.writeHead(h.ok ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify({ status: h.ok ? 'ok' : 'unavailable', ...h }));
      return;
    }
    if (req.method === 'GET' && path === '/metrics') {
      opts.registry.metrics().then(
        (text) => res.writeHead(200, { 'content-type': opts.registry.contentType }).end(text),
        (err: Error) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`metrics failed: ${err.message}`),
      );
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found: /healthz and /metrics only');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `http://${address.includes(':') ? `[${address}]` : address}:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
