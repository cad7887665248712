import type { Overview } from '../reports/overview.js';
import { fmt, table } from './table.js';

/** The demo's terminal rendering of one brand's overview (its summary of each brand). */
export function renderOverview(o: Overview, brandName: string): string {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const lines = [
    `━━ ${brandName} (${o.brand}) · ${day(o.from)} → ${day(new Date(o.to.getTime() - 1))} ━━`,
    `${o.total.mentions} mentions · net sentiment ${fmt.signed(o.total.netSentiment)} · ${fmt.pct(o.total.negativePct)} negative · avg stars ${fmt.stars(o.total.avgStars) ?? '–'}`,
    '',
    table(
      ['source', 'kind', 'mentions', 'net', 'neg', 'stars'],
      o.bySource.map((s) => [s.source, s.kind, s.mentions, fmt.signed(s.netSentiment), fmt.pct(s.negativePct), fmt.stars(s.avgStars)]),
    ),
    '',
    table(
      ['week of', 'mentions', 'net', 'neg', ''],
      o.weekly.map((w) => [w.week, w.mentions, fmt.signed(w.netSentiment), fmt.pct(w.negativePct), bar(w.netSentiment)]),
    ),
  ];
  if (o.topThemes.length) {
    lines.push('', 'top themes: ' + o.topThemes.map((t) => `${t.theme} (${t.mentions}, ${fmt.signed(t.netSentiment)})`).join(' · '));
  }
  return lines.join('\n');
}

/** A small diverging bar for net sentiment in -1..1. */
function bar(n: number): string {
  const cells = Math.round(Math.abs(n) * 10);
  return n >= 0 ? `${' '.repeat(10)}|${'+'.repeat(cells)}` : `${' '.repeat(10 - cells)}${'-'.repeat(cells)}|`;
}
