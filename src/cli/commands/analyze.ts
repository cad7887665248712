import { z } from 'zod';
import { loadLexicon, loadThemePacks } from '../../config/nlp-data.js';
import { UserError } from '../../domain/errors.js';
import { createAnalyzer, TEXT_PROFILES, type TextProfile } from '../../nlp/index.js';
import { boundedLines } from '../bounded-lines.js';
import { type Command, str, write } from '../command.js';

/** Longest input line (JSONL) or CSV record analyzed, in bytes: 1 MB. A longer one is reported and skipped. */
export const MAX_LINE_BYTES = 1024 * 1024;

const Line = z.object({
  id: z.union([z.string(), z.number()]),
  text: z.string(),
  title: z.string().optional(),
  /** Stars out of 5 unless `best` is given. */
  rating: z.number().optional(),
  best: z.number().positive().optional(),
});

/** Write respecting backpressure, so a 1 GB input streams in constant memory. */
async function emit(out: NodeJS.WritableStream, line: string): Promise<void> {
  if (!out.write(`${line}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
}

/** `earshot analyze`: JSONL or CSV in on stdin, one JSONL result per input line out, same order. */
export const analyzeCommand: Command = {
  name: 'analyze',
  summary: 'score texts from stdin (JSONL or CSV) and write one JSON result per line',
  usage: 'earshot analyze [--format jsonl|csv] [--text-column NAME] [--id-column NAME] [--packs general,restaurants] [--profile reviews|social] < in > out',
  options: {
    format: { type: 'string', default: 'jsonl', valueName: 'FMT', description: 'input format: jsonl ({"id","text","title"?,"rating"?,"best"?} per line) or csv (a header row)' },
    'text-column': { type: 'string', default: 'text', valueName: 'NAME', description: 'csv: the column holding the text' },
    'id-column': { type: 'string', default: 'id', valueName: 'NAME', description: 'csv: the column holding the id (default: the row number)' },
    packs: { type: 'string', default: 'general', valueName: 'LIST', description: 'theme packs to tag with, comma-separated (config/themes/*.yaml)' },
    profile: { type: 'string', default: 'reviews', valueName: 'NAME', description: 'lexicon profile: reviews (review text) or social (posts, tweets, comments)' },
  },
  details: [
    'Output: one JSON line per scored input line, in input order: {"id","sentiment":{"score","label","explain"},"themes","intents","lang","fingerprint"}.',
    'A bad input line (not JSON, no text, longer than 1 MB) is reported on stderr with its line number and skipped, so the output has fewer lines than the input: join on id, not on line number. The exit code is then 1.',
  ],
  examples: [
    'echo \'{"id":1,"text":"Great coffee, slow service"}\' | earshot analyze',
    'earshot analyze --format csv --text-column review --packs general,restaurants < reviews.csv > scored.jsonl',
  ],
  async run({ values }, io) {
    const format = str(values, 'format');
    if (format !== 'jsonl' && format !== 'csv') throw new UserError(`--format: expected jsonl or csv, got "${format}"`);
    const packs = str(values, 'packs')!.split(',').map((p) => p.trim()).filter(Boolean);
    let themes;
    try {
      themes = loadThemePacks(packs);
    } catch (err) {
      throw new UserError(`--packs: ${(err as Error).message}`);
    }
    const profile = str(values, 'profile')!;
    if (!(TEXT_PROFILES as readonly string[]).includes(profile)) throw new UserError(`--profile: expected ${TEXT_PROFILES.join(' or ')}, got "${profile}"`);
    const analyzer = createAnalyzer({ themes, lexicon: loadLexicon(), profile: profile as TextProfile });
    let bad = 0;
    const score = async (id: string | number, input: z.infer<typeof Line>) => {
      const r = analyzer.analyze({
        text: input.text,
        ...(input.title ? { title: input.title } : {}),
        ...(input.rating !== undefined ? { rating: { value: input.rating, best: input.best ?? 5 } } : {}),
      });
      await emit(io.stdout, JSON.stringify({ id, sentiment: r.sentiment, themes: r.themes, intents: r.intents, lang: r.lang, fingerprint: r.fingerprint }));
    };

    if (format === 'jsonl') {
      for await (const line of boundedLines(io.stdin as AsyncIterable<Buffer | string>, MAX_LINE_BYTES)) {
        const n = line.n;
        if ('tooLong' in line) {
          bad++;
          write(io.stderr, `earshot: line ${n}: longer than 1 MB (${line.tooLong} bytes), skipped`);
          continue;
        }
        const raw = line.text;
        if (raw.trim() === '') continue;
        let json: unknown;
        try {
          json = JSON.parse(raw);
        } catch {
          bad++;
          write(io.stderr, `earshot: line ${n}: not valid JSON, skipped`);
          continue;
        }
        const parsed = Line.safeParse(json);
        if (!parsed.success) {
          bad++;
          const i = parsed.error.issues[0]!;
          write(io.stderr, `earshot: line ${n}: ${i.path.join('.') || 'line'}: ${i.message}, skipped`);
          continue;
        }
        await score(parsed.data.id, parsed.data);
      }
    } else {
      const textCol = str(values, 'text-column')!;
      const idCol = str(values, 'id-column')!;
      // Loaded here: JSONL input (the common case) does not pay for the CSV parser at start-up.
      const { parse: parseCsvSync } = await import('csv-parse/sync');
      // Records are cut at line breaks outside quotes with at most 1 MB of one in memory; each is parsed alone, so an
      // over-long or malformed record is reported by number and skipped, and the rest of the file is still scored.
      let header: string[] | undefined;
      for await (const rec of boundedLines(io.stdin as AsyncIterable<Buffer | string>, MAX_LINE_BYTES, { quoted: true })) {
        const row = rec.n;
        if ('tooLong' in rec) {
          if (!header) throw new UserError(`CSV row 1 (the header): longer than 1 MB (${rec.tooLong} bytes)`);
          bad++;
          write(io.stderr, `earshot: CSV row ${row}: longer than 1 MB (${rec.tooLong} bytes), skipped`);
          continue;
        }
        if (rec.text.trim() === '') continue;
        let fields: string[];
        try {
          [fields = []] = parseCsvSync(rec.text, { relax_column_count: true }) as string[][];
        } catch (err) {
          if (!header) throw new UserError(`CSV row 1 (the header): ${(err as Error).message.split('\n')[0]}`);
          bad++;
          write(io.stderr, `earshot: CSV row ${row}: ${(err as Error).message.split('\n')[0]}, skipped`);
          continue;
        }
        if (!header) {
          header = fields;
          if (!header.includes(textCol)) throw new UserError(`CSV has no column "${textCol}" (use --text-column; columns: ${header.join(', ')})`);
          continue;
        }
        const value = (name: string) => {
          const i = header!.indexOf(name);
          return i >= 0 ? fields[i] : undefined;
        };
        const text = value(textCol) ?? '';
        const id = value(idCol) ?? row - 1;
        const ratingText = value('rating');
        const rating = ratingText !== undefined && ratingText !== '' ? Number(ratingText) : undefined;
        await score(id, { id, text, ...(rating !== undefined && Number.isFinite(rating) ? { rating } : {}) });
      }
    }
    if (bad > 0) write(io.stderr, `earshot: ${bad} line(s) skipped`);
    return bad > 0 ? 1 : 0;
  },
};
