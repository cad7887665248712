import { describe, expect, it } from 'vitest';
import { renderTable } from '../../../src/reports/render.js';
import type { Section } from '../../../src/reports/report.js';

const longUrl = 'https://reviews.example.com/cafes/northwind/reviews/a-very-long-review-slug-that-goes-on-and-on-1234567890';
const drivers: Section = {
  name: 'drivers',
  title: 'Drivers',
  columns: ['direction', 'theme', 'impact', 'example', 'url'],
  rows: [
    { direction: 'down', theme: 'billing-refunds-returns', impact: -0.266, example: '“Charged twice, no refund yet” — Got charged twice for a single latte and the store says wait', url: longUrl },
    { direction: 'up', theme: 'food', impact: 0.138, example: 'The new vegan breakfast wrap is genuinely tasty', url: 'https://x.example/r/1' },
  ],
};
const visible = (s: string) => s.replace(/\u001b\]8;;[^\u001b]*\u001b\\/g, '');

describe('when a report table is wider than the terminal', () => {
  it('shortens the text, never a URL, and fits the width', () => {
    const out = renderTable('themes', [drivers], { width: 80 });
    expect(out).toContain(longUrl);
    expect(out).toContain('https://x.example/r/1');
    expect(out).toContain('…'); // the example text was shortened
    for (const line of out.split('\n')) if (!line.includes('http')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('puts each link whole on its own line when the row cannot hold it', () => {
    const out = renderTable('themes', [drivers], { width: 60 });
    expect(out).toContain(`↳ ${longUrl}`);
    for (const line of out.split('\n')) if (!line.includes('↳')) expect(line.length).toBeLessThanOrEqual(60);
  });

  it('on a terminal with hyperlinks, links open the whole URL behind a short text', () => {
    const out = renderTable('themes', [drivers], { width: 100, hyperlinks: true });
    expect(out).toContain(`\u001b]8;;${longUrl}\u001b\\`);
    for (const line of out.split('\n')) expect(visible(line).length).toBeLessThanOrEqual(100);
  });
});

describe('numbers as an analyst reads them', () => {
  it('shares as percentages, NPS as an integer, a week without mentions as –', () => {
    const out = renderTable('r', [
      { name: 'themes', title: 'Themes', columns: ['theme', 'volume', 'share'], rows: [{ theme: 'food', volume: 79, share: 0.6289 }] },
      { name: 'nps', title: 'NPS', columns: ['score', 'total'], rows: [{ score: -33.1, total: 127 }] },
      { name: 'weeks', title: 'By week', columns: ['period', 'volume', 'netSentiment'], rows: [{ period: '2026-09-07', volume: 0, netSentiment: 0 }] },
    ]);
    expect(out).toMatch(/food\s+79\s+62\.9%/);
    expect(out).toMatch(/^\s*-33\s+127$/m);
    expect(out).not.toContain('-33.1');
    expect(out).toMatch(/2026-09-07\s+–\s+–$/m);
  });
});
