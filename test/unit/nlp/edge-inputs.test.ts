import { describe, expect, it } from 'vitest';
import { Analysis } from '../../../src/domain/analysis.js';
import { createAnalyzer } from '../../../src/nlp/index.js';
import { analyzer } from './helpers.js';

const analyze = (text: string) => analyzer().analyze({ text });

describe('edge inputs', () => {
  it('empty and whitespace-only text give a neutral, valid result', () => {
    for (const t of ['', '   \n\t ']) {
      const r = analyze(t);
      expect(Analysis.parse(r)).toBeTruthy();
      expect(r.sentiment).toMatchObject({ score: 0, label: 'neutral' });
      expect(r.themes).toEqual([]);
      expect(r.intents).toEqual([]);
    }
  });

  it('only emoji is scored from the emoji, language undetermined', () => {
    const r = analyze('😍😍🔥');
    expect(r.sentiment.label).toBe('positive');
    expect(r.lang).toBe('und');
  });

  it('only punctuation is neutral and does not throw', () => {
    const r = analyze('?!?!... ,,, --- ;;; !!!');
    expect(r.sentiment.label).toBe('neutral');
    expect(r.sentiment.explain).toEqual([]);
  });

  it('100 KB of text completes, without blowing up, with a sane, bounded result', () => {
    const para = 'The room was clean and the staff were friendly, but breakfast was cold and overpriced. ';
    const text = para.repeat(Math.ceil(100_000 / para.length));
    const start = performance.now();
    const r = analyze(text);
    // A guard against work that grows with the square of the length (minutes at this size), not a speed measure:
    // speed is measured in bench/ (about 0.5 s here on a quiet machine; 2 s was once exceeded under a loaded one).
    expect(performance.now() - start).toBeLessThan(20_000);
    expect(Analysis.parse(r)).toBeTruthy();
    expect(r.sentiment.explain.length).toBeLessThanOrEqual(40);
    expect(r.themes.find((t) => t.theme === 'cleanliness')?.label).toBe('positive');
    expect(r.themes.every((t) => t.evidence.length <= 240)).toBe(true);
  });

  it('HTML remnants are decoded and tags ignored ("&amp;", "<br>")', () => {
    const r = analyze('Fish &amp; chips were <b>excellent</b>!<br><br>Service was slow &#8211; but friendly.');
    expect(r.sentiment.label).toBe('positive');
    expect(r.sentiment.explain.map((e) => e.token)).not.toContain('amp');
    expect(r.themes.find((t) => t.theme === 'food')?.evidence).not.toMatch(/<b>|&amp;/);
  });

  it('mixed-language text gets one language and a valid result', () => {
    const r = analyze('Super Produkt, sehr gut! But the delivery was late.');
    expect(['en', 'de']).toContain(r.lang);
    expect(Analysis.parse(r)).toBeTruthy();
  });

  it('a line of invalid UTF-8 (replacement characters) is survived and the rest still scored', () => {
    const broken = Buffer.from([0x47, 0x72, 0x65, 0x61, 0x74, 0x20, 0xff, 0xfe, 0xc3, 0x28, 0x20, 0x70, 0x68, 0x6f, 0x6e, 0x65]).toString('utf8');
    expect(broken).toContain('\uFFFD');
    const r = analyze(broken);
    expect(r.sentiment.label).toBe('positive');
    expect(Analysis.parse(r)).toBeTruthy();
  });

  it('input that is not a string does not crash the pipeline', () => {
    const r = createAnalyzer().analyze({ text: undefined as unknown as string });
    expect(r.sentiment.label).toBe('neutral');
  });

  it('an analyzer without options uses the built-in AFINN + emoji lexicon and no themes', () => {
    const r = createAnalyzer().analyze({ text: 'The food was excellent 😍' });
    expect(r.sentiment.label).toBe('positive');
    expect(r.themes).toEqual([]);
  });
});
