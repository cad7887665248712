import { createRequire } from 'node:module';
import type * as CsvStringify from 'csv-stringify/sync';
import { defuseFormula } from './csv-defuse.js';
import type { Cell, Section } from './report.js';

/** How a terminal table shows a column, by its name (CSV and JSON keep the raw values). */
type Kind = 'pct' | 'signedPct' | 'points' | 'int' | 'plain';
function columnKind(column: string): Kind {
  if (column === 'share' || /Share$/.test(column)) return 'pct';
  if (/ShareChange$/.test(column)) return 'points';
  if (column === 'volumeChange') return 'signedPct';
  if (column === 'score' || column === 'nps') return 'int';
  return 'plain';
}

function show(c: Cell | undefined, kind: Kind = 'plain'): string {
  if (c === null || c === undefined) return '–';
  if (typeof c === 'number') {
    if (kind === 'pct') return `${(c * 100).toFixed(1)}%`;
    if (kind === 'signedPct') return `${c > 0 ? '+' : ''}${(c * 100).toFixed(1)}%`;
    if (kind === 'points') return `${c > 0 ? '+' : ''}${(c * 100).toFixed(1)} pp`;
    if (kind === 'int') return String(Math.round(c));
    return Number.isInteger(c) ? String(c) : c.toFixed(Math.abs(c) >= 100 ? 1 : 3);
  }
  if (typeof c === 'boolean') return c ? 'yes' : 'no';
  return c;
}

const URL_RE = /^https?:\/\/\S+$/;
/** Columns whose values are links: never shortened (a cut URL cannot be clicked or pasted). */
function isUrlColumn(column: string, rows: Array<Record<string, Cell>>): boolean {
  const values = rows.map((r) => r[column]).filter((v) => v !== null && v !== undefined && v !== '');
  return values.length > 0 && values.every((v) => typeof v === 'string' && URL_RE.test(v));
}

/** A row of a period with no mentions: its counts and averages read `–`, not 0. */
function isEmptyPeriod(row: Record<string, Cell>): boolean {
  return row.volume === 0 || (row.volume === undefined && row.mentions === 0);
}

function clip(s: string, max: number): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > max ? `${one.slice(0, Math.max(1, max - 1))}…` : one;
}

/** OSC 8: a terminal hyperlink showing `text` and opening `url`. */
function hyperlink(url: string, text: string): string {
  return `\u001b]8;;${url}\u001b\\${text}\u001b]8;;\u001b\\`;
}

/** Options of {@link renderTable}. */
export interface TableOptions {
  /** Columns the table may use: the terminal's width (`process.stdout.columns`). Default: no limit (a pipe or file). */
  width?: number;
  /** Longest text cell before the table is fitted to `width`, in characters. Default 60. */
  maxCell?: number;
  /** Show links as terminal hyperlinks (OSC 8) with a short visible text. Default false (URLs printed whole). */
  hyperlinks?: boolean;
}

const GAP = 2;
/** Columns a user copies into the next command (`alerts ack ID`): never shortened. */
const KEEP_WHOLE = /^(id|.*Id)$/;
const MIN_TEXT = 12;

/**
 * Sections as aligned text tables for a terminal, fitted to `width`: numbers right-aligned, shares as `62.9%`, a
 * period without mentions as `–`; text columns are shortened (…) to fit, links never are: when a table with its
 * links would not fit, each row's link is printed whole on the line under the row. JSON and CSV keep everything.
 */
export function renderTable(title: string, sections: Section[], options: number | TableOptions = {}): string {
  const opts = typeof options === 'number' ? { maxCell: options } : options;
  const width = opts.width ?? Number.POSITIVE_INFINITY;
  const maxCell = opts.maxCell ?? 60;
  const out = [title];
  for (const s of sections) {
    out.push('', `${s.title}`);
    for (const n of s.notes ?? []) out.push(`  ${n}`);
    if (s.rows.length === 0) {
      out.push('  (nothing in this range)');
      continue;
    }
    out.push(...fitSection(s, width, maxCell, opts.hyperlinks ?? false));
  }
  return out.join('\n');
}

function fitSection(s: Section, width: number, maxCell: number, hyperlinks: boolean): string[] {
  const urlCols = new Set(s.columns.filter((c) => isUrlColumn(c, s.rows)));
  const numeric = s.columns.map((c) => s.rows.every((r) => r[c] === null || r[c] === undefined || typeof r[c] === 'number'));
  const text = (r: Record<string, Cell>, c: string, i: number) => {
    if (numeric[i] && isEmptyPeriod(r)) return '–';
    const v = show(r[c], columnKind(c));
    return urlCols.has(c) ? v : clip(v, maxCell);
  };
  const raw = s.rows.map((r) => s.columns.map((c, i) => text(r, c, i)));
  // a hyperlink shows at most 30 characters; the link itself is whole
  const visible = (c: string, v: string) => (urlCols.has(c) && hyperlinks && v.length > 30 ? `${v.slice(0, 29)}…` : v);
  const natural = s.columns.map((c, i) => Math.max(c.length, ...raw.map((r) => visible(c, r[i]!).length)));

  const fit = (cols: number[]): number[] | null => {
    const widths = cols.map((i) => natural[i]!);
    const total = () => widths.reduce((a, b) => a + b, 0) + GAP * (widths.length - 1);
    // shorten the widest shortenable text column, one character at a time
    while (total() > width) {
      let widest = -1;
      cols.forEach((ci, k) => {
        const col = s.columns[ci]!;
        if (numeric[ci] || urlCols.has(col) || KEEP_WHOLE.test(col) || widths[k]! <= Math.max(MIN_TEXT, col.length)) return;
        if (widest < 0 || widths[k]! > widths[widest]!) widest = k;
      });
      if (widest < 0) return null;
      widths[widest]!--;
    }
    return widths;
  };
  const all = s.columns.map((_, i) => i);
  let cols = all;
  let widths = fit(all);
  let linksBelow = false;
  if (!widths && urlCols.size) {
    cols = all.filter((i) => !urlCols.has(s.columns[i]!));
    widths = fit(cols);
    linksBelow = true;
  }
  widths ??= cols.map((i) => natural[i]!); // nothing left to shorten: wider than the terminal, never cut

  const cell = (ci: number, k: number, v: string) => {
    const col = s.columns[ci]!;
    const w = widths![k]!;
    if (urlCols.has(col)) {
      const shown = visible(col, v);
      const padded = shown.padEnd(w);
      return hyperlinks && v !== '–' ? hyperlink(v, shown) + padded.slice(shown.length) : padded;
    }
    const shown = clip(v, w);
    return numeric[ci] ? shown.padStart(w) : shown.padEnd(w);
  };
  const lines = [
    cols.map((ci, k) => (numeric[ci] ? s.columns[ci]!.padStart(widths![k]!) : s.columns[ci]!.padEnd(widths![k]!))).join(' '.repeat(GAP)).trimEnd(),
    widths.map((w) => '─'.repeat(w)).join(' '.repeat(GAP)),
  ];
  raw.forEach((r) => {
    lines.push(cols.map((ci, k) => cell(ci, k, r[ci]!)).join(' '.repeat(GAP)).trimEnd());
    if (linksBelow) {
      for (const ci of all) {
        const v = r[ci]!;
        if (urlCols.has(s.columns[ci]!) && v !== '–') lines.push(`    ↳ ${hyperlinks ? hyperlink(v, v) : v}`);
      }
    }
  });
  return lines;
}

/**
 * Every section in one RFC 4180 CSV (csv-stringify): a `section` column, then the union of all sections' columns
 * (empty where a section has no such column), CRLF line ends, a field quoted when it holds a comma, a quote, a CR or
 * a LF. Nothing is clipped or rounded away; true/false are spelled out, null is empty. Text a spreadsheet would run
 * as a formula (`=1+1`, `@SUM(…)`, `-2+3` from a mention) starts with `'`, as in `earshot export` (CSV injection).
 */
export function renderCsv(sections: Section[]): string {
  const columns: string[] = [];
  for (const s of sections) for (const c of s.columns) if (!columns.includes(c)) columns.push(c);
  const records: Cell[][] = [['section', ...columns]];
  for (const s of sections) for (const r of s.rows) records.push([s.name, ...columns.map((c) => r[c] ?? null)]);
  // Loaded here: a table or JSON report does not pay for the CSV writer at start-up.
  const { stringify } = createRequire(import.meta.url)('csv-stringify/sync') as typeof CsvStringify;
  return stringify(records, {
    record_delimiter: '\r\n',
    // csv-stringify quotes a field holding the delimiter, a quote or LF; a lone CR must be quoted too (RFC 4180).
    quoted_match: /\r/,
    cast: { boolean: (v) => String(v), string: (v) => defuseFormula(v) },
  });
}

/** JSON with Dates as ISO strings, two-space indented. */
export function renderJson(result: unknown): string {
  return JSON.stringify(result, null, 2);
}
