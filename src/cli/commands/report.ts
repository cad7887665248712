import { UserError } from '../../domain/errors.js';
import { localDay } from '../../domain/time-zone.js';
import { Format, formatReport, REPORT_KINDS, reportFor, runReport } from '../../reports/index.js';
import { type Command, str, write } from '../command.js';
import { checkRangeHasData, checkReportFlags } from '../report-range.js';
import { rollupZone, rollupZoneMismatch } from '../../store/rollup-zone.js';
import { openRuntime } from '../runtime.js';
import { tableOptions } from '../terminal.js';
import { zodForOneShot } from '../zod-one-shot.js';

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

/** What each report flag does, for `--help`. */
const FLAG_HELP: Record<string, { valueName: string; description: string }> = {
  from: { valueName: 'YYYY-MM-DD', description: 'first day of the range (default: 90 days before --to)' },
  to: { valueName: 'YYYY-MM-DD', description: 'last day of the range, included (default: today)' },
  interval: { valueName: 'UNIT', description: 'trend buckets: day, week or month (default: week)' },
  by: { valueName: 'DIM', description: 'trend/themes: split by source or theme' },
  source: { valueName: 'NAME', description: 'only mentions from this source (its name in config)' },
  theme: { valueName: 'ID', description: 'only mentions tagged with this theme' },
  sentiment: { valueName: 'WHICH', description: 'emerging: negative (default) or all mentions' },
  limit: { valueName: 'N', description: 'rows per list section (advocates, moments, queue, terms)' },
  'baseline-days': { valueName: 'N', description: 'emerging: days of baseline before the recent range (default: 4 × the range, 28 for a week)' },
  'min-count': { valueName: 'N', description: 'emerging: a term needs at least N recent mentions (default: 3)' },
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
    "Ranges are days in the config's timezone, both ends included; default the last 90 days (emerging: the last 7 days vs the 28 before).",
  ].join('\n'),
  positionals: true,
  options: {
    brand: { type: 'string', short: 'b', valueName: 'ID', description: 'the brand to report on (required)' },
    format: { type: 'string', default: 'table', valueName: 'FMT', description: 'table (fitted to the terminal), json or csv (every section, nothing shortened)' },
    ...Object.fromEntries(Object.keys(PASS_THROUGH).map((k) => [k, { type: 'string' as const, ...FLAG_HELP[k] }])),
  },
  details: [
    'Reports: trend (volume and sentiment per period, vs the previous period), themes (share, sentiment and drivers per theme), advocacy (NPS from public data, advocates, shareable moments, the service-recovery queue), sov (share of voice vs competitors), gaps (where competitors are praised for what we are criticised), emerging (terms rising in negative mentions).',
    "Ranges and buckets are days in the config's timezone (rollups are kept per day there; after changing timezone, run earshot store rollups); weeks start on Monday. A range in the future, or one that ends before the first stored mention, is refused in one line naming what would work.",
  ],
  examples: [
    'earshot report trend --brand northwind --interval week --config config/demo.yaml',
    'earshot report themes --brand northwind --from 2026-10-01 --format csv > themes.csv',
    'earshot report emerging --brand northwind --baseline-days 28 --min-count 3',
  ],
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
    checkReportFlags(values);
    await zodForOneShot();
    const rt = await openRuntime(io, { values, forceInline: true });
    try {
      // "Today" is today where the user is: a range starting tomorrow in UTC may already have begun in Berlin.
      checkReportFlags(values, localDay(new Date(), rt.config.timezone));
      const brand = rt.config.brands.find((b) => b.id === brandId);
      if (!brand) throw new UserError(`unknown brand "${brandId}" (configured: ${rt.config.brands.map((b) => b.id).join(', ')})`);
      const timezone = await rollupZone(rt.store, rt.config.timezone);
      await checkRangeHasData(rt.store, brand.id, values, timezone);
      const mismatch = rollupZoneMismatch(timezone, rt.config.timezone);
      if (mismatch) write(io.stderr, `earshot: ${mismatch}`);
      const out = await runReport(kind, { store: rt.store, brand, timezone }, params);
      write(io.stdout, formatReport(kind, brand.name, out, format.data, tableOptions(io)));
      return 0;
    } finally {
      await rt.close();
    }
  },
};
