import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Mention } from '../../domain/mention.js';
import type { Filter } from '../../store/store.js';
import type { ApiDeps } from '../deps.js';
import { mentionFilter, mentionFilterShape } from '../mention-query.js';

const ExportQuery = z.object({ ...mentionFilterShape, format: z.enum(['csv', 'jsonl']).default('jsonl') }).strict();

/** Mentions read per store query: memory stays at one page whatever the range holds. */
const PAGE = 1000;

const COLUMNS = ['id', 'brand', 'source', 'publishedAt', 'url', 'author', 'title', 'text', 'stars', 'sentiment', 'score', 'themes', 'intents', 'duplicateOf'] as const;

/** A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR) is prefixed with `'` (CSV injection). */
const defuse = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

function csvRow(m: Mention): Record<(typeof COLUMNS)[number], string | number> {
  return {
    id: m._id,
    brand: m.brand,
    source: m.source.name,
    publishedAt: new Date(m.publishedAt).toISOString(),
    url: m.url,
    author: defuse(m.author.name ?? m.author.handle ?? ''),
    title: defuse(m.title ?? ''),
    text: defuse(m.text),
    stars: m.stars ?? '',
    sentiment: m.sentiment.label,
    score: m.sentiment.score,
    themes: m.themes.map((t) => `${t.theme}:${t.label}`).join(' '),
    intents: m.intents.join(' '),
    duplicateOf: m.duplicateOf ?? '',
  };
}

/** Every matching mention, newest first, a page at a time (keyset on publishedAt, _id). */
async function* pages(deps: ApiDeps, filter: Filter): AsyncGenerator<Mention[]> {
  let after: { at: Date; id: string } | undefined;
  for (;;) {
    const and = [...(filter.$and as Filter[]), ...(after ? [{ $or: [{ publishedAt: { $lt: after.at } }, { publishedAt: after.at, _id: { $lt: after.id } }] }] : [])];
    const rows = await deps.store.findMentions({ $and: and }, { sort: { publishedAt: -1, _id: -1 }, limit: PAGE });
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < PAGE) return;
    const last = rows[rows.length - 1]!;
    after = { at: new Date(last.publishedAt), id: last._id };
  }
}

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
      if (format === 'jsonl') {
        const lines = async function* () {
          for await (const page of pages(deps, filter)) yield `${page.map((m) => JSON.stringify(m)).join('\n')}\n`;
        };
        return reply.type('application/x-ndjson; charset=utf-8').send(Readable.from(lines()));
      }
      const csv = stringify({ header: true, columns: [...COLUMNS], record_delimiter: '\r\n' });
      const rows = async function* () {
        for await (const page of pages(deps, filter)) for (const m of page) yield csvRow(m);
      };
      Readable.from(rows()).pipe(csv);
      return reply.type('text/csv; charset=utf-8').send(csv);
    },
  );
}
