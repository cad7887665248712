import { UserError } from '../domain/errors.js';
import { rollupZone } from '../store/rollup-zone.js';
import { advocacyReport } from './advocacy.js';
import { emergingReport } from './emerging.js';
import { gapsReport } from './gaps.js';
import { assertKnownNames } from './known-names.js';
import { parseParams } from './params.js';
import { renderCsv, renderJson, renderTable, type TableOptions } from './render.js';
import type { ReportContext, ReportDef, Section } from './report.js';
import { sovReport } from './sov.js';
import { themesReport } from './themes.js';
import { trendReport } from './trend.js';

export type { Cell, ReportContext, ReportDef, Section } from './report.js';
export { Format, Interval, parseParams, resolveRange } from './params.js';
export { renderCsv, renderJson, renderTable } from './render.js';

/** Every report, by kind (`earshot report <kind>`). */
export const reports = {
  trend: trendReport,
  themes: themesReport,
  advocacy: advocacyReport,
  sov: sovReport,
  gaps: gapsReport,
  emerging: emergingReport,
} as const satisfies Record<string, ReportDef<any, any>>;

export type ReportKind = keyof typeof reports;
export const REPORT_KINDS = Object.keys(reports) as ReportKind[];

export function reportFor(kind: string): ReportDef {
  const def = (reports as Record<string, ReportDef>)[kind];
  if (!def) throw new UserError(`unknown report "${kind}" (one of: ${REPORT_KINDS.join(', ')})`);
  return def;
}

/** Validates `params` (one-line UserError on bad input, also for a source or theme the brand does not have) and runs the report; returns the result and its sections. */
export async function runReport(kind: string, ctx: ReportContext, params: Record<string, unknown>): Promise<{ result: unknown; sections: Section[] }> {
  const def = reportFor(kind);
  const parsed = parseParams(def.params, { ...params, brand: ctx.brand.id });
  await assertKnownNames(ctx, parsed as { source?: unknown; theme?: unknown });
  const timezone = ctx.timezone ?? (await rollupZone(ctx.store));
  const result = await def.run({ ...ctx, timezone }, parsed);
  return { result, sections: def.sections(result) };
}

/** A report's output in the asked format: aligned tables, complete CSV (all sections) or complete JSON. */
export function formatReport(
  kind: string,
  brandName: string,
  out: { result: unknown; sections: Section[] },
  format: 'table' | 'json' | 'csv',
  table: TableOptions = {},
): string {
  if (format === 'json') return renderJson({ report: kind, ...(out.result as object) });
  if (format === 'csv') return renderCsv(out.sections);
  return renderTable(`${kind} · ${brandName}`, out.sections, table);
}
