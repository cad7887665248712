import { describe, expect, it } from 'vitest';
import { reportFor } from '../../../src/reports/index.js';
import { parseParams, resolveRange } from '../../../src/reports/params.js';
import { bucketStarts, truncDate } from '../../../src/reports/parts.js';
import { renderCsv, renderTable } from '../../../src/reports/render.js';
import { TrendParams } from '../../../src/reports/trend.js';
import { termsOf } from '../../../src/reports/terms.js';

describe('report parameters', () => {
  it('when --from is after --to, the error is one line naming both dates', () => {
    expect(() => parseParams(TrendParams, { brand: 'acme', from: '2024-05-01', to: '2024-04-01' })).toThrow(/^--from 2024-05-01 is after --to 2024-04-01$/);
  });

  it('when a date is not a date, the error names the flag and the value', () => {
    expect(() => parseParams(TrendParams, { brand: 'acme', from: 'yesterday' })).toThrow('--from: expected a date like 2024-03-01, got "yesterday"');
    expect(() => parseParams(TrendParams, { brand: 'acme', interval: 'hour' })).toThrow(/^--interval: /);
  });

  it('a day-only --to includes that whole day; no --from means 90 days back; the same day twice is one day', () => {
    const p = parseParams(TrendParams, { brand: 'acme', from: '2024-03-01', to: '2024-03-31' });
    const r = resolveRange(p.from, p.to, 90);
    expect(r.from.toISOString()).toBe('2024-03-01T00:00:00.000Z');
    expect(r.to.toISOString()).toBe('2024-04-01T00:00:00.000Z');
    expect(r.days).toBe(31);
    const d = resolveRange(undefined, undefined, 90, new Date('2024-06-15T13:00:00Z'));
    expect([d.from.toISOString(), d.to.toISOString()]).toEqual(['2024-03-18T00:00:00.000Z', '2024-06-16T00:00:00.000Z']);
    const one = parseParams(TrendParams, { brand: 'acme', from: '2024-03-01', to: '2024-03-01' });
    expect(resolveRange(one.from, one.to, 90).days).toBe(1);
  });

  it('an unknown report kind lists the known ones', () => {
    expect(() => reportFor('nps')).toThrow('unknown report "nps" (one of: trend, themes, advocacy, sov, gaps, emerging)');
  });

  it('weeks start on Monday and months on the 1st; buckets cover the range', () => {
    expect(truncDate(new Date('2024-03-10T12:00:00Z'), 'week').toISOString().slice(0, 10)).toBe('2024-03-04');
    expect(truncDate(new Date('2024-03-10T12:00:00Z'), 'month').toISOString().slice(0, 10)).toBe('2024-03-01');
    const starts = bucketStarts({ from: new Date('2024-01-15T00:00:00Z'), to: new Date('2024-04-01T00:00:00Z'), days: 77 }, 'month');
    expect(starts.map((d) => d.toISOString().slice(0, 7))).toEqual(['2024-01', '2024-02', '2024-03']);
  });
});

describe('rendering', () => {
  const sections = [
    { name: 'a', title: 'A', columns: ['name', 'n'], rows: [{ name: 'x, "quoted"\nline', n: 1.23456 }] },
    { name: 'b', title: 'B', columns: ['other'], rows: [{ other: null }] },
  ];

  it('CSV quotes commas, quotes and newlines and keeps full precision', () => {
    expect(renderCsv(sections)).toBe('section,name,n,other\r\na,"x, ""quoted""\nline",1.23456,\r\nb,,,\r\n');
  });

  it('CSV quotes a lone CR, spells out true/false, keeps negative numbers, and defuses text a spreadsheet would run', () => {
    const risky = [{ name: 'r', title: 'R', columns: ['term', 'ok', 'change', 'note'], rows: [{ term: '=HYPERLINK("http://x")', ok: true, change: -0.08, note: 'a\rb' }, { term: '@SUM(A1)', ok: false, change: 0, note: '-2+3' }] }];
    expect(renderCsv(risky)).toBe('section,term,ok,change,note\r\nr,"\'=HYPERLINK(""http://x"")",true,-0.08,"a\rb"\r\nr,\'@SUM(A1),false,0,\'-2+3\r\n');
  });

  it('tables right-align numbers, round them and show missing values as a dash', () => {
    const t = renderTable('T', [{ name: 's', title: 'S', columns: ['k', 'v'], rows: [{ k: 'long name', v: 0.5 }, { k: 'b', v: null }] }]);
    expect(t.split('\n').slice(3)).toEqual(['k              v', '─────────  ─────', 'long name  0.500', 'b              –']);
  });
});

describe('emerging terms', () => {
  it('makes phrases across stopwords but not across sentences, and drops the brand name', () => {
    const t = termsOf('Acme charged me twice. Refund now', new Set(['acme']));
    expect(t.has('charged twice')).toBe(true);
    expect(t.has('twice refund')).toBe(false);
    expect(t.has('acme')).toBe(false);
  });
});
