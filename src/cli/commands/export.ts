import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { UserError } from '../../domain/errors.js';
import { type Command, str, write } from '../command.js';
import { openRuntime } from '../runtime.js';

/** CLI flag → the API's filter parameter (the same zod schema parses both). */
const FLAGS: Record<string, string> = {
  from: 'from',
  to: 'to',
  source: 'source',
  theme: 'theme',
  label: 'label',
  intent: 'intent',
  'stars-min': 'starsMin',
  'stars-max': 'starsMax',
  text: 'q',
  status: 'status',
  assignee: 'assignee',
  tag: 'tag',
};
/** What each filter flag does, for `--help`. */
const FLAG_HELP: Record<string, { valueName: string; description: string }> = {
  from: { valueName: 'YYYY-MM-DD', description: 'published on or after this day' },
  to: { valueName: 'YYYY-MM-DD', description: 'published on or before this day (included)' },
  source: { valueName: 'NAME', description: 'only this source (its name in config)' },
  theme: { valueName: 'ID', description: 'only mentions tagged with this theme' },
  label: { valueName: 'LIST', description: 'sentiment labels, comma-separated: positive, neutral, negative' },
  intent: { valueName: 'LIST', description: 'intents, comma-separated (e.g. churn,complaint,recommend)' },
  'stars-min': { valueName: 'N', description: 'at least N stars (1–5)' },
  'stars-max': { valueName: 'N', description: 'at most N stars (1–5)' },
  text: { valueName: 'WORDS', description: 'text contains these words' },
  status: { valueName: 'LIST', description: 'workflow status, comma-separated (new, assigned, resolved, ignored)' },
  assignee: { valueName: 'NAME', description: 'assigned to NAME' },
  tag: { valueName: 'TAG', description: 'carries this tag' },
};
const flagOf = (param: string) => Object.entries(FLAGS).find(([, p]) => p === param)?.[0] ?? param;

/**
 * `earshot export mentions --brand ID …`: every stored mention matching the filters, streamed as JSONL (whole
 * documents) or CSV, to stdout or `--out FILE`, in constant memory. The filters are the API listing's.
 */
export const exportCommand: Command = {
  name: 'export',
  summary: 'stream stored mentions as JSONL or CSV (the API listing\'s filters), in constant memory',
  usage: [
    'earshot export mentions --brand ID [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--source NAME] [--theme ID]',
    '       [--label negative,neutral] [--intent churn,complaint] [--stars-min N] [--stars-max N] [--text WORDS]',
    '       [--status new,assigned] [--assignee NAME] [--tag TAG] [--duplicates] [--format jsonl|csv] [--out FILE]',
  ].join('\n'),
  positionals: true,
  options: {
    brand: { type: 'string', short: 'b', valueName: 'ID', description: 'the brand whose mentions are exported (required)' },
    format: { type: 'string', default: 'jsonl', valueName: 'FMT', description: 'jsonl (whole documents, one per line) or csv (one row per mention, spreadsheet columns)' },
    out: { type: 'string', short: 'o', valueName: 'FILE', description: 'write to FILE instead of stdout' },
    duplicates: { type: 'boolean', default: false, description: 'include near-duplicate copies (default: only the first of each)' },
    ...Object.fromEntries(Object.keys(FLAGS).map((k) => [k, { type: 'string' as const, ...FLAG_HELP[k] }])),
  },
  examples: [
    'earshot export mentions --brand northwind --format csv --out northwind.csv --config config/demo.yaml',
    'earshot export mentions --brand northwind --label negative --from 2026-11-01 --config config/demo.yaml',
  ],
  async run({ values, positionals }, io) {
    const [what, ...extra] = positionals;
    if (what !== 'mentions') throw new UserError(`export: what? (one of: mentions), got "${what ?? ''}"`);
    if (extra.length) throw new UserError(`export: unexpected argument "${extra[0]}"`);
    const format = str(values, 'format');
    if (format !== 'jsonl' && format !== 'csv') throw new UserError(`--format: expected jsonl or csv, got "${format}"`);
    const brand = str(values, 'brand');
    if (!brand) throw new UserError('export: --brand ID is required');
    const [{ MentionFilters, buildMentionFilter }, { exportStream }, { ApiError }] = await Promise.all([
      import('../../api/mention-query.js'),
      import('../../api/export-stream.js'),
      import('../../api/errors.js'),
    ]);
    const input: Record<string, unknown> = { brand, duplicates: values.duplicates ? 'true' : 'false' };
    for (const [flag, param] of Object.entries(FLAGS)) {
      const v = str(values, flag);
      if (v !== undefined) input[param] = v;
    }
    const parsed = MentionFilters.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new UserError(`--${flagOf(String(issue.path[0]))}: ${issue.message}`);
    }
    const rt = await openRuntime(io, { values, forceInline: true });
    try {
      if (!rt.config.brands.some((b) => b.id === brand)) {
        throw new UserError(`unknown brand "${brand}" (configured: ${rt.config.brands.map((b) => b.id).join(', ')})`);
      }
      const filter = await buildMentionFilter(rt, [brand], parsed.data).catch((err: unknown) => {
        if (err instanceof ApiError && err.path) throw new UserError(`--${flagOf(err.path.replace(/^query\./, ''))}: ${err.message.replace(/^[\w.]+: /, '')}`);
        throw err;
      });
      const out = str(values, 'out');
      await pipeline(exportStream(rt.store, filter, format), out ? createWriteStream(out) : io.stdout, out ? {} : { end: false });
      if (out) write(io.stderr, `exported to ${out}`);
      return 0;
    } finally {
      await rt.close();
    }
  },
};
