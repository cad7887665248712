import type { IncomingMessage, ServerResponse } from 'node:http';

/** What every route handler gets. */
export interface RouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** `http://127.0.0.1:PORT` — the site's own origin, used for absolute links. */
  origin: string;
  /** Path segments after the route's prefix match, already decoded. */
  params: string[];
}

/** Content types the demo serves. */
export const TYPES = {
  html: 'text/html; charset=utf-8',
  json: 'application/json; charset=utf-8',
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  text: 'text/plain; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
} as const;

/** Sends a complete response (no body for HEAD). */
export function send(
  ctx: RouteContext,
  status: number,
  type: string,
  body: string,
  headers: Record<string, string> = {},
): void {
  const buf = Buffer.from(body, 'utf8');
  ctx.res.writeHead(status, { 'content-type': type, 'content-length': String(buf.length), ...headers });
  ctx.res.end(ctx.req.method === 'HEAD' ? undefined : buf);
}

export function sendJson(ctx: RouteContext, value: unknown, headers: Record<string, string> = {}, status = 200): void {
  send(ctx, status, TYPES.json, JSON.stringify(value), headers);
}

export function notFound(ctx: RouteContext, what = 'Not found'): void {
  send(ctx, 404, TYPES.text, `${what}\n`);
}
