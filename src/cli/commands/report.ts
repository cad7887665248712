import { UserError } from '../../domain/errors.js';
import { Format, formatReport, REPORT_KINDS, reportFor, runReport } from '../../reports/index.js';
import { type Command, str, write } from '../command.js';
import { openRuntime } from '../runtime.js';
import { tableOptions } from '../terminal.js';

/** CLI flag → report parameter, for the flags that are passed through as given. */
const PASS_THROUGH: Record<string, string> = {
  from: 'from',
  to: 'to',
  interval: 'interval',
  by: 'by',
  source: 'source',
  theme: 'theme',
  sentiment: 'sentiment',
  limit: 'limit',
  'baseline-days': 'baselineDays',
  'min-count': 'minCount',
};

/**
 * `earshot report <kind> --brand ID …`: runs one report (an aggregation pipeline on the store) and prints it as
 * aligned tables (default), complete CSV (every section, a `section` column first) or complete JSON.
 */
export const reportCommand: Command = {
  name: 'report',
  summary: `query stored mentions: ${REPORT_KINDS.join(', ')}`,
  usage: [
    `earshot report ${REPORT_KINDS.join('|')} --brand ID [--from YYYY-MM-DD] [--to YYYY-MM-DD]`,
    '       [--interval day|week|month] [--by source|theme] [--source NAME] [--theme NAME]',
    '       [--sentiment negative|all] [--baseline-days N] [--min-count N] [--limit N] [--format table|json|csv]',
    '',
    'Ranges are UTC days, both ends included; default the last 90 days (emerging: the last 7 days vs the 28 before).',
  ].join('\n'),
  positionals: true,
  options: {
    brand: { type: 'string', short: 'b' },
    format: { type: 'string', default: 'table' },
    ...Object.fromEntries(Object.keys(PASS_THROUGH).map((k) => [k, { type: 'string' as const }])),
  },
  async run({ values, positionals }, io) {
    const [kind, ...extra] = positionals;
    if (!kind) throw new UserError(`report: which report? (one of: ${REPORT_KINDS.join(', ')})`);
    if (extra.length) throw new UserError(`report: unexpected argument "${extra[0]}"`);
    reportFor(kind);
    const format = Format.safeParse(str(values, 'format'));
    if (!format.success) throw new UserError(`--format: expected table, json or csv, got "${str(values, 'format')}"`);
    const brandId = str(values, 'brand');
    if (!brandId) throw new UserError('report: --brand ID is required');
    const params: Record<string, unknown> = {};
    for (const [flag, key] of Object.entries(PASS_THROUGH)) {
      const v = str(values, flag);
      if (v !== undefined) params[key] = v;
    }
    const rt = await openRuntime(io, { values, forceInline: true });
    try {
      const brand = rt.config.brands.find((b) => b.id === brandId);
      if (!brand) throw new UserError(`unknown brand "${brandId}" (configured: ${rt.config.brands.map((b) => b.id).join(', ')})`);
      const out = await runReport(kind, { store: rt.store, brand }, params);
      write(io.stdout, formatReport(kind, brand.name, out, format.data, tableOptions(io)));
      return 0;
    } finally {
      await rt.close();
    }
  },
};
