import type { Cell, Section } from './report.js';

function show(c: Cell | undefined): string {
  if (c === null || c === undefined) return '–';
  if (typeof c === 'number') return Number.isInteger(c) ? String(c) : c.toFixed(Math.abs(c) >= 100 ? 1 : 3);
  if (typeof c === 'boolean') return c ? 'yes' : 'no';
  return c;
}

function clip(s: string, max: number): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/**
 * Sections as aligned text tables for a terminal: numbers right-aligned, long text clipped to `maxCell` characters
 * (JSON and CSV keep everything).
 */
export function renderTable(title: string, sections: Section[], maxCell = 60): string {
  const out = [title];
  for (const s of sections) {
    out.push('', `${s.title}`);
    for (const n of s.notes ?? []) out.push(`  ${n}`);
    if (s.rows.length === 0) {
      out.push('  (nothing in this range)');
      continue;
    }
    const cells = s.rows.map((r) => s.columns.map((c) => clip(show(r[c]), maxCell)));
    const numeric = s.columns.map((c) => s.rows.every((r) => r[c] === null || r[c] === undefined || typeof r[c] === 'number'));
    const widths = s.columns.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i]!.length)));
    const line = (r: string[]) => r.map((v, i) => (numeric[i] ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join('  ').trimEnd();
    out.push(line(s.columns), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.map(line));
  }
  return out.join('\n');
}

function csvField(c: Cell | undefined): string {
  if (c === null || c === undefined) return '';
  const s = typeof c === 'boolean' ? String(c) : String(c);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Every section in one RFC 4180 CSV: a `section` column, then the union of all sections' columns (empty where a
 * section has no such column). Nothing is clipped or rounded away.
 */
export function renderCsv(sections: Section[]): string {
  const columns: string[] = [];
  for (const s of sections) for (const c of s.columns) if (!columns.includes(c)) columns.push(c);
  const lines = [['section', ...columns].join(',')];
  for (const s of sections) {
    for (const r of s.rows) lines.push([csvField(s.name), ...columns.map((c) => csvField(r[c]))].join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** JSON with Dates as ISO strings, two-space indented. */
export function renderJson(result: unknown): string {
  return JSON.stringify(result, null, 2);
}
