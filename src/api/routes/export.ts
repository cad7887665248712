import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiDeps } from '../deps.js';
import { exportStream } from '../export-stream.js';
import { mentionFilter, mentionFilterShape } from '../mention-query.js';

const ExportQuery = z.object({ ...mentionFilterShape, format: z.enum(['csv', 'jsonl']).default('jsonl') }).strict();

/** `GET /api/v1/mentions/export?…&format=jsonl|csv`: the mentions a listing would show, all of them, streamed. */
export function exportRoutes(app: FastifyInstance, deps: ApiDeps): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/mentions/export',
    { config: { scope: 'read' }, schema: { tags: ['mentions'], querystring: ExportQuery } },
    async (req, reply) => {
      const { format, ...filters } = req.query;
      const filter = await mentionFilter(req, deps, filters);
      const stamp = new Date().toISOString().slice(0, 10);
      reply.header('content-disposition', `attachment; filename="mentions-${filters.brand ?? 'all'}-${stamp}.${format}"`);
      reply.type(format === 'jsonl' ? 'application/x-ndjson; charset=utf-8' : 'text/csv; charset=utf-8');
      return reply.send(exportStream(deps.store, filter, format));
    },
  );
}
