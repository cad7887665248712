import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiDeps } from '../deps.js';

/** `/healthz`: the process answers. `/readyz`: the store (and the queue, with Redis) answer too. */
export function healthRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/healthz', { schema: { tags: ['operations'], response: { 200: z.object({ status: z.literal('ok') }) } } }, async () => ({ status: 'ok' as const }));
  r.get(
    '/readyz',
    { schema: { tags: ['operations'], response: { 200: z.object({ status: z.literal('ready'), store: z.string() }), 503: z.object({ status: z.literal('unavailable'), reason: z.string() }) } } },
    async (_req, reply) => {
      try {
        await deps.store.countMentions({ _id: '__readyz__' });
        await deps.ready?.();
        return { status: 'ready' as const, store: deps.store.kind };
      } catch (err) {
        return reply.code(503).send({ status: 'unavailable' as const, reason: (err as Error).message });
      }
    },
  );
}
