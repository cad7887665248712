import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Brand } from '../domain/brand.js';
import type { Store } from '../store/store.js';
import { ApiError, notFound } from './errors.js';
import { type ApiKeyDoc, type Scope, scopeAllows, verifyKey } from './keys.js';
import { csrfOk, SESSION_COOKIE, type Sessions } from './session.js';

/** Who is calling: the key's name (recorded in audit entries), its scope and brands. */
export interface Principal {
  keyId: string;
  name: string;
  scope: Scope;
  brands?: string[];
}

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
  interface FastifyContextConfig {
    /** The scope a route needs; routes without one are public (health, docs). */
    scope?: Scope;
  }
}

/** Query parameters that look like a credential: refused, so a key never sits in a URL, a log or a browser history. */
const KEY_PARAMS = ['key', 'api_key', 'apikey', 'token', 'access_token', 'auth'];

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every route with a `scope` in its config needs `Authorization: Bearer <key>` with at least that scope, or the
 * dashboard's session cookie (plus its CSRF token on writes). A key in the query string is refused outright,
 * whatever else the request carries.
 */
export function installAuth(app: FastifyInstance, store: Store, sessions?: Sessions): void {
  app.addHook('onRequest', async (req) => {
    const query = req.query as Record<string, unknown> | undefined;
    const inUrl = query && KEY_PARAMS.find((p) => p in query);
    if (inUrl) throw new ApiError(400, 'key_in_url', `API keys go in the Authorization header, never in the URL (remove "${inUrl}")`, `query.${inUrl}`);
    const needed = req.routeOptions.config.scope;
    if (!needed) return;
    const header = req.headers.authorization;
    if (!header && sessions && req.cookies?.[SESSION_COOKIE]) {
      const found = await sessions.resolve(req.cookies[SESSION_COOKIE]);
      if (!found) throw new ApiError(401, 'unauthorized', 'session expired or signed out; sign in again');
      if (!SAFE_METHODS.has(req.method) && !csrfOk(req, found.session)) throw new ApiError(403, 'csrf', 'missing or wrong X-CSRF-Token header');
      if (!scopeAllows(found.key.scope, needed)) throw new ApiError(403, 'forbidden', `this key's scope is ${found.key.scope}; this needs ${needed}`);
      req.principal = toPrincipal(found.key);
      return;
    }
    if (!header) throw new ApiError(401, 'unauthorized', 'missing Authorization: Bearer <key> (create one with `earshot keys create`)');
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m) throw new ApiError(401, 'unauthorized', 'Authorization must be "Bearer <key>"');
    const key = await verifyKey(store, m[1]!);
    if (!key) throw new ApiError(401, 'unauthorized', 'unknown or revoked API key');
    if (!scopeAllows(key.scope, needed)) throw new ApiError(403, 'forbidden', `this key's scope is ${key.scope}; this needs ${needed}`);
    req.principal = toPrincipal(key);
  });
}

function toPrincipal(k: ApiKeyDoc): Principal {
  return { keyId: k._id, name: k.name, scope: k.scope, ...(k.brands ? { brands: k.brands } : {}) };
}

/** Whether the caller may see `brandId` (a key limited to brands sees nothing of the others). */
export function canSee(req: FastifyRequest, brandId: string): boolean {
  const brands = req.principal?.brands;
  return !brands || brands.includes(brandId);
}

/** The configured brand the caller may see, or 404 — the same answer for a brand that exists but is not theirs. */
export function visibleBrand(req: FastifyRequest, brands: readonly Brand[], id: string): Brand {
  const brand = brands.find((b) => b.id === id);
  if (!brand || !canSee(req, id)) throw notFound(`brand "${id}"`);
  return brand;
}
