import { describe, expect, it } from 'vitest';
import { loadLexicon, loadThemePacks } from '../../../src/config/nlp-data.js';
import { createAnalyzer, fingerprint } from '../../../src/nlp/index.js';

describe('fingerprints stay comparable with stored ones', () => {
  it.each([
    [
      'Ordered the blender on Monday, it arrived Wednesday in perfect shape. Crushes ice easily and is quieter than my old one. Very happy so far.',
      '0140a05080481100',
    ],
    ["Don't buy it: the ÉCRAN broke after 2 days (see https://example.com/x) — café's refund took forever!!", '0004000480008020'],
    ['Großartig! Ça marche très bien, naïve façade.', '0000104100400020'],
    ['a', '0000000000000040'],
    ['...', '0000000000000000'],
  ])('%s', (text, fp) => {
    expect(fingerprint(text)).toBe(fp);
  });
});

describe('the word cache', () => {
  it('keeps scoring the same after it fills up and starts over', () => {
    const analyzer = createAnalyzer({ themes: loadThemePacks(['general', 'restaurants']), lexicon: loadLexicon() });
    const text = "The food was great but the service wasn't friendly. Would not recommend, too pricey!";
    const before = analyzer.analyze({ text });
    // 70,000 distinct words: more than the cache keeps, in texts of 1,000 and in one long text.
    for (let k = 0; k < 50; k++) analyzer.analyze({ text: Array.from({ length: 1000 }, (_, j) => `w${k}x${j}`).join(' ') });
    analyzer.analyze({ text: Array.from({ length: 20_000 }, (_, j) => `long${j}`).join(' ') });
    expect(analyzer.analyze({ text })).toEqual(before);
  });
});

describe('words the rules know by id (advice verbs, promises of return)', () => {
  const text = 'Try green curry. We will definitely be returning.';
  const rulesOf = (a: ReturnType<typeof createAnalyzer>) => a.analyze({ text }).sentiment.explain.flatMap((e) => e.rules);

  it('are still found after the word cache starts over, and by two analyzers in turn (each has its own cache)', () => {
    const one = createAnalyzer({ themes: loadThemePacks(['general', 'restaurants']), lexicon: loadLexicon() });
    const two = createAnalyzer({ themes: loadThemePacks(['general']), lexicon: loadLexicon() });
    expect(rulesOf(one)).toEqual(['recommendation', 'promised return']);
    expect(rulesOf(two)).toEqual(['recommendation', 'promised return']);
    // Enough new words to fill the first cache, so it starts over with other ids for every word.
    for (let k = 0; k < 70; k++) one.analyze({ text: Array.from({ length: 1000 }, (_, j) => `v${k}x${j}`).join(' ') });
    expect(rulesOf(one)).toEqual(['recommendation', 'promised return']);
    expect(rulesOf(two)).toEqual(['recommendation', 'promised return']);
  });

  it('other words in their place recommend and promise nothing ("Eat green curry.", "We should be returning.")', () => {
    const a = createAnalyzer({ lexicon: loadLexicon() });
    const rules = a.analyze({ text: 'Eat green curry. We should be returning.' }).sentiment.explain.flatMap((e) => e.rules);
    expect(rules).not.toContain('recommendation');
    expect(rules).not.toContain('promised return');
  });
});

describe('cleaning scraped text', () => {
  const analyzer = createAnalyzer({ themes: loadThemePacks(['general', 'restaurants']), lexicon: loadLexicon() });
  const same = (raw: string, clean: string) => {
    const a = analyzer.analyze({ text: raw });
    const b = analyzer.analyze({ text: clean });
    expect(a.sentiment.score).toBe(b.sentiment.score);
    expect(a.intents).toEqual(b.intents);
    expect(a.themes.map((t) => [t.theme, t.score])).toEqual(b.themes.map((t) => [t.theme, t.score]));
  };

  it('entities, tags and junk characters anywhere (even inside a link) are cleaned before scoring', () => {
    same('Great food &amp; friendly staff!<br>Would come back.', 'Great food & friendly staff!\nWould come back.');
    same('See https://x.example/a?b=1&amp;c=2 the pasta was superb', 'See https://x.example/a?b=1&c=2 the pasta was superb');
    same('The service\u0000 was slow\uFFFD but the food was amazing', 'The service  was slow  but the food was amazing');
    same('Lovely place <3 and &quot;great&quot; coffee', 'Lovely place <3 and "great" coffee');
  });
});
