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
 * Sessions live in this process's memory: restarting `earshot serve` signs everyone out.
 */
export const SESSION_COOKIE = 'earshot_session';
const TTL_MS = 12 * 3_600_000;
const MAX_SESSIONS = 10_000;

interface Session {
  keyId: string;
  csrf: string;
  expires: number;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export class Sessions {
  /** By the SHA-256 of the cookie value: a memory dump holds no usable cookie. */
  private readonly byHash = new Map<string, Session>();

  constructor(private readonly store: Store) {}

  create(key: ApiKeyDoc): { token: string; session: Session } {
    this.sweep();
    if (this.byHash.size >= MAX_SESSIONS) this.byHash.delete(this.byHash.keys().next().value!);
    const token = randomBytes(32).toString('base64url');
    const session: Session = { keyId: key._id, csrf: randomBytes(24).toString('base64url'), expires: Date.now() + TTL_MS };
    this.byHash.set(sha256(token), session);
    return { token, session };
  }

  /** The live session for a cookie value and its key (null when expired, unknown, or the key was revoked since). */
  async resolve(token: string | undefined): Promise<{ session: Session; key: ApiKeyDoc } | null> {
    if (!token) return null;
    const h = sha256(token);
    const session = this.byHash.get(h);
    if (!session) return null;
    if (session.expires < Date.now()) {
      this.byHash.delete(h);
      return null;
    }
    const key = await this.store.getDoc<ApiKeyDoc>(API_KEYS, session.keyId);
    if (!key || key.revokedAt) {
      this.byHash.delete(h);
      return null;
    }
    return { session, key };
  }

  drop(token: string | undefined): void {
    if (token) this.byHash.delete(sha256(token));
  }

  private sweep(): void {
    const now = Date.now();
    for (const [h, s] of this.byHash) if (s.expires < now) this.byHash.delete(h);
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
      const { token, session } = sessions.create(key);
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
    sessions.drop(req.cookies[SESSION_COOKIE]);
    setCookie(req, reply, '', 0);
    return reply.code(204).send();
  });
}
