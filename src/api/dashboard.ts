import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { repoRoot } from '../cli/paths.js';
import type { ApiDeps } from './deps.js';
import { brandSummaries } from './routes/brands.js';
import { SESSION_COOKIE, type Sessions, sessionView } from './session.js';

/**
 * The dashboard (`src/dashboard/`), served at `/`: one HTML page, one script and one stylesheet. The bundle is built
 * from source with esbuild the first time a server starts in this process (about 0.3 s) and kept in memory, so it
 * is there after `npm ci` with no build step; `npm run build` also writes it to `dist/dashboard/` and a built
 * install serves that instead.
 */
export interface DashboardAssets {
  /** The page, with `<!--boot-->` where a signed-in view's session and brands go. */
  html: Asset;
  files: Map<string, Asset>;
}

interface Asset {
  body: Buffer;
  gzip: Buffer;
  type: string;
  etag: string;
}

/** The page's policy: only our own script, no inline script, no frames, nothing fetched from another origin. */
export const DASHBOARD_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const SOURCE_DIR = () => join(repoRoot(), 'src', 'dashboard');
const BUILT_DIR = () => join(repoRoot(), 'dist', 'dashboard');

let cached: Promise<DashboardAssets> | undefined;

/** The dashboard's assets: built once per process (from `dist/dashboard` when a build left them there). */
export function dashboardAssets(): Promise<DashboardAssets> {
  cached ??= loadAssets().catch((err) => {
    cached = undefined;
    throw err;
  });
  return cached;
}

async function loadAssets(): Promise<DashboardAssets> {
  const built = BUILT_DIR();
  if (existsSync(join(built, 'app.js')) && !existsSync(join(SOURCE_DIR(), 'main.tsx'))) {
    return assemble(readFileSync(join(built, 'app.js')), readFileSync(join(built, 'app.css')));
  }
  const { js, css } = await bundleDashboard();
  return assemble(js, css);
}

/** Bundles `src/dashboard/main.tsx` (Preact + uPlot) into one minified script and one stylesheet. */
export async function bundleDashboard(): Promise<{ js: Buffer; css: Buffer }> {
  const { build } = await import('esbuild');
  const out = await build({
    entryPoints: [join(SOURCE_DIR(), 'main.tsx')],
    bundle: true,
    minify: true,
    format: 'esm',
    target: ['chrome110', 'firefox115', 'safari16'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    outdir: 'out',
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const js = out.outputFiles.find((f) => f.path.endsWith('.js'));
  const css = out.outputFiles.find((f) => f.path.endsWith('.css'));
  if (!js || !css) throw new Error('dashboard bundle: esbuild produced no script or stylesheet');
  return { js: Buffer.from(js.contents), css: Buffer.from(css.contents) };
}

function asset(body: Buffer, type: string): Asset {
  return { body, gzip: gzipSync(body, { level: 9 }), type, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 16)}"` };
}

function assemble(js: Buffer, css: Buffer): DashboardAssets {
  const script = asset(js, 'text/javascript; charset=utf-8');
  const style = asset(css, 'text/css; charset=utf-8');
  const v = (a: Asset) => a.etag.slice(1, 9);
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>earshot</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/app.css?v=${v(style)}">
<script type="module" src="/assets/app.js?v=${v(script)}"></script>
</head>
<body><!--boot--><div id="app"><p class="boot">Loading earshot…</p></div><noscript>The earshot dashboard needs JavaScript; the API is at /api/v1 (docs at /docs).</noscript></body>
</html>
`;
  return { html: asset(Buffer.from(html), 'text/html; charset=utf-8'), files: new Map([['app.js', script], ['app.css', style]]) };
}

function send(req: FastifyRequest, reply: FastifyReply, a: Asset, cache: string) {
  reply.header('content-type', a.type).header('etag', a.etag).header('cache-control', cache).header('vary', 'accept-encoding');
  if (req.headers['if-none-match'] === a.etag) return reply.code(304).send();
  if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) return reply.header('content-encoding', 'gzip').send(a.gzip);
  return reply.send(a.body);
}

/**
 * `GET /` (the page; the view lives in the URL's fragment) and `GET /assets/app.js|app.css`. For a signed-in
 * browser the page carries its session and brands as inert JSON (`<script type="application/json">`, which the CSP
 * does not run), saving the first view two round trips.
 */
export function dashboardRoutes(app: FastifyInstance, deps: ApiDeps, sessions: Sessions): void {
  app.get('/', { schema: { hide: true } }, async (req, reply) => {
    const a = await dashboardAssets();
    reply.header('content-security-policy', DASHBOARD_CSP);
    const found = await sessions.resolve(req.cookies[SESSION_COOKIE]);
    if (!found) return send(req, reply, a.html, 'no-cache');
    req.principal = { keyId: found.key._id, name: found.key.name, scope: found.key.scope, ...(found.key.brands ? { brands: found.key.brands } : {}) };
    const boot = JSON.stringify({ session: { signedIn: true, ...sessionView(found.key, found.session) }, brands: brandSummaries(deps, req), timezone: deps.config.timezone }).replace(/</g, '\\u003c');
    const html = a.html.body.toString().replace('<!--boot-->', `<script type="application/json" id="boot">${boot}</script>`);
    reply.header('content-type', a.html.type).header('cache-control', 'no-store');
    return reply.send(html);
  });
  app.get<{ Params: { file: string } }>('/assets/:file', { schema: { hide: true } }, async (req, reply) => {
    const a = (await dashboardAssets()).files.get(req.params.file);
    if (!a) return reply.code(404).type('text/plain').send('not found');
    return send(req, reply, a, 'public, max-age=31536000, immutable');
  });
}
