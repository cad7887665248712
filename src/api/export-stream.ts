import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { Mention } from '../domain/mention.js';
import { defuseFormula } from '../reports/csv-defuse.js';
import type { Filter, Store } from '../store/store.js';

/** Mentions read per store query: memory stays at one page whatever the range holds. */
const PAGE = 1000;

export const EXPORT_COLUMNS = ['id', 'brand', 'source', 'publishedAt', 'url', 'author', 'title', 'text', 'stars', 'sentiment', 'score', 'themes', 'intents', 'duplicateOf'] as const;

function csvRow(m: Mention): Record<(typeof EXPORT_COLUMNS)[number], string | number> {
  return {
    id: m._id,
    brand: m.brand,
    source: m.source.name,
    publishedAt: new Date(m.publishedAt).toISOString(),
    url: m.url,
    author: defuseFormula(m.author.name ?? m.author.handle ?? ''),
    title: defuseFormula(m.title ?? ''),
    text: defuseFormula(m.text),
    stars: m.stars ?? '',
    sentiment: m.sentiment.label,
    score: m.sentiment.score,
    themes: m.themes.map((t) => `${t.theme}:${t.label}`).join(' '),
    intents: m.intents.join(' '),
    duplicateOf: m.duplicateOf ?? '',
  };
}

/** Every mention matching `filter` (an `$and` filter), newest first, a page at a time (keyset on publishedAt, _id). */
async function* pages(store: Store, filter: Filter): AsyncGenerator<Mention[]> {
  const base = filter.$and as Filter[];
  let after: { at: Date; id: string } | undefined;
  for (;;) {
    const and = after ? [...base, { $or: [{ publishedAt: { $lt: after.at } }, { publishedAt: after.at, _id: { $lt: after.id } }] }] : base;
    const rows = await store.findMentions({ $and: and }, { sort: { publishedAt: -1, _id: -1 }, limit: PAGE });
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < PAGE) return;
    const last = rows[rows.length - 1]!;
    after = { at: new Date(last.publishedAt), id: last._id };
  }
}

/** The export as a stream: JSONL (whole stored documents, one a line) or CSV (the columns above, header first). */
export function exportStream(store: Store, filter: Filter, format: 'jsonl' | 'csv'): Readable {
  if (format === 'jsonl') {
    return Readable.from(
      (async function* () {
        for await (const page of pages(store, filter)) yield `${page.map((m) => JSON.stringify(m)).join('\n')}\n`;
      })(),
    );
  }
  const csv = stringify({ header: true, columns: [...EXPORT_COLUMNS], record_delimiter: '\r\n' });
  const rows = Readable.from(
    (async function* () {
      for await (const page of pages(store, filter)) for (const m of page) yield csvRow(m);
    })(),
  );
  rows.on('error', (err) => csv.destroy(err));
  return rows.pipe(csv);
}
