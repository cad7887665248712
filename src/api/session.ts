import '@fastify/cookie';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Store } from '../store/store.js';
import { ApiError } from './errors.js';
import { API_KEYS, type ApiKeyDoc, verifyKey } from './keys.js';

/**
 * Dashboard sign-in: an API key is exchanged once for an httpOnly, SameSite=Strict session cookie, so the key never
 * sits in a URL, in localStorage or in script reach. Writes made with the cookie must also carry the session's CSRF
 * token in `X-CSRF-Token` (synchronizer token: script on another origin can neither read it nor send the header).
 * Sessions are kept in the store (collection `sessions`, by the SHA-256 of the cookie), so a restart signs nobody out,
 * several `earshot serve` processes on one store share them, and signing out anywhere ends the session everywhere.
 */
export const SESSION_COOKIE = 'earshot_session';
export const SESSIONS = 'sessions';
const TTL_MS = 12 * 3_600_000;

interface Session {
  keyId: string;
  csrf: string;
  expires: number;
}

type SessionDoc = Session & { _id: string };

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export class Sessions {
  constructor(private readonly store: Store) {}

  async create(key: ApiKeyDoc): Promise<{ token: string; session: Session }> {
    await this.store.deleteDocs(SESSIONS, { expires: { $lt: Date.now() } });
    const token = randomBytes(32).toString('base64url');
    const session: Session = { keyId: key._id, csrf: randomBytes(24).toString('base64url'), expires: Date.now() + TTL_MS };
    // Only the hash is stored: a copy of the store holds no usable cookie.
    await this.store.putDoc(SESSIONS, { _id: sha256(token), ...session });
    return { token, session };
  }

  /** The live session for a cookie value and its key (null when expired, unknown, or the key was revoked since). */
  async resolve(token: string | undefined): Promise<{ session: Session; key: ApiKeyDoc } | null> {
    if (!token || token.length > 200) return null;
    const doc = await this.store.getDoc<SessionDoc>(SESSIONS, sha256(token));
    if (!doc || doc.expires < Date.now()) return null;
    const key = await this.store.getDoc<ApiKeyDoc>(API_KEYS, doc.keyId);
    if (!key || key.revokedAt) return null;
    return { session: { keyId: doc.keyId, csrf: doc.csrf, expires: doc.expires }, key };
  }

  async drop(token: string | undefined): Promise<void> {
    if (token && token.length <= 200) await this.store.deleteDocs(SESSIONS, { _id: sha256(token) });
  }
}

/** Whether the request's CSRF header matches its session's token (constant time). */
export function csrfOk(req: FastifyRequest, session: Session): boolean {
  const sent = req.headers['x-csrf-token'];
  if (typeof sent !== 'string') return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(session.csrf);
  return a.length === b.length && timingSafeEqual(a, b);
}

const SessionView = z.object({
  name: z.string(),
  scope: z.enum(['read', 'write', 'admin']),
  brands: z.array(z.string()).nullable(),
  csrf: z.string(),
});

export const sessionView = (key: ApiKeyDoc, session: Session) => ({ name: key.name, scope: key.scope, brands: key.brands ?? null, csrf: session.csrf });

function setCookie(req: FastifyRequest, reply: FastifyReply, value: string, maxAgeS: number): void {
  reply.setCookie(SESSION_COOKIE, value, {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    secure: req.protocol === 'https',
    maxAge: maxAgeS,
  });
}

/** `POST /api/session` (sign in with a key), `GET /api/session` (who am I, and the CSRF token), `DELETE` (sign out). */
export function sessionRoutes(app: FastifyInstance, store: Store, sessions: Sessions): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/session',
    {
      config: { rateLimit: { max: 20, timeWindow: 60_000 } },
      schema: { tags: ['session'], body: z.object({ key: z.string().min(1).max(200) }).strict(), response: { 200: SessionView } },
    },
    async (req, reply) => {
      const key = await verifyKey(store, req.body.key.trim());
      if (!key) throw new ApiError(401, 'unauthorized', 'unknown or revoked API key', 'body.key');
      const { token, session } = await sessions.create(key);
      setCookie(req, reply, token, TTL_MS / 1000);
      return sessionView(key, session);
    },
  );
  // Signed out is an answer, not an error: the page asks this first on every load.
  r.get('/api/session', { schema: { tags: ['session'], response: { 200: z.union([SessionView.extend({ signedIn: z.literal(true) }), z.object({ signedIn: z.literal(false) })]) } } }, async (req) => {
    const found = await sessions.resolve(req.cookies[SESSION_COOKIE]);
    if (!found) return { signedIn: false as const };
    return { signedIn: true as const, ...sessionView(found.key, found.session) };
  });
  r.delete('/api/session', { schema: { tags: ['session'] } }, async (req, reply) => {
    const found = await sessions.resolve(req.cookies[SESSION_COOKIE]);
    if (found && !csrfOk(req, found.session)) throw new ApiError(403, 'csrf', 'missing or wrong X-CSRF-Token header');
    await sessions.drop(req.cookies[SESSION_COOKIE]);
    setCookie(req, reply, '', 0);
    return reply.code(204).send();
  });
}
