import { describe, expect, it } from 'vitest';
import { loadLexicon, loadThemePacks } from '../../../src/config/nlp-data.js';
import { createAnalyzer } from '../../../src/nlp/index.js';

const a = createAnalyzer({ themes: loadThemePacks(['general']), lexicon: loadLexicon() });
const social = (text: string) => a.analyze({ text, profile: 'social' }).sentiment;

describe('dropping in is a visit in posts too, not something stopping or dropping', () => {
  it.each(["I'll have to drop by next time I visit!", 'Stop by our booth.', 'We stopped by for lunch.'])('"%s" blames nothing', (text) => {
    expect(social(text).score).toBe(0);
  });

  it('coming back that way is a promise ("I\'ll stop by again."); a thing stopped is still a fault', () => {
    expect(social("I'll stop by again.").label).toBe('positive');
    expect(social('my phone stopped working').label).toBe('negative');
  });
});
