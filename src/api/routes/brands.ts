import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { canSee } from '../auth.js';
import type { ApiDeps } from '../deps.js';

const BrandSummary = z.object({
  id: z.string(),
  name: z.string(),
  competitors: z.array(z.object({ id: z.string(), name: z.string() })),
  sources: z.array(z.object({ name: z.string(), kind: z.string() })),
});

/** `GET /api/v1/brands`: the configured brands this key may see. */
export function brandRoutes(app: FastifyInstance, deps: ApiDeps): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/brands',
    { config: { scope: 'read' }, schema: { tags: ['reports'], response: { 200: z.object({ brands: z.array(BrandSummary), timezone: z.string().describe('The configured time zone (IANA): report buckets and shown times use it') }) } } },
    async (req) => ({ brands: brandSummaries(deps, req), timezone: deps.config.timezone }),
  );
}

/** The configured brands the caller may see, as `GET /api/v1/brands` lists them (also embedded in the dashboard). */
export function brandSummaries(deps: Pick<ApiDeps, 'config'>, req: FastifyRequest): z.infer<typeof BrandSummary>[] {
  return deps.config.brands
    .filter((b) => canSee(req, b.id))
    .map((b) => ({
      id: b.id,
      name: b.name,
      competitors: b.competitors.map((c) => ({ id: c.id, name: c.name })),
      sources: b.sources.map((s) => ({ name: s.name, kind: s.kind })),
    }));
}
