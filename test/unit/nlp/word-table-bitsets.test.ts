import { describe, expect, it } from 'vitest';
import { loadLexicon } from '../../../src/config/nlp-data.js';
import { createAnalyzer } from '../../../src/nlp/index.js';
import { compileLexicon } from '../../../src/nlp/lexicon.js';

/**
 * The word table keeps each phrase-first word's "which second words" bits and each cue word's "which next words" bits
 * in one flat array per kind, grown as new words arrive. A word's bits must stay its own however many words come after
 * it, or phrases and intent cues silently stop matching on a long-running analyzer.
 */
describe('phrase and cue bit sets of the word table', () => {
  const lexicon = loadLexicon();
  const phraseOf = (a: ReturnType<typeof createAnalyzer>, text: string) =>
    a.analyze({ text }).sentiment.explain.filter((e) => e.rules.includes('phrase')).map((e) => e.token);

  it('a phrase and a cue still match after every other phrase-first word has been seen', () => {
    const a = createAnalyzer({ lexicon });
    expect(phraseOf(a, 'I would recommend it.')).toEqual(['would recommend']);
    expect(a.analyze({ text: 'We switched to another bank.' }).intents).toEqual(['churn']);
    // Every phrase of the lexicon once: each first word adds its bits, growing the flat arrays many times over.
    const phrases = [...compileLexicon(lexicon).phrases.values()].flat().map((p) => p.toks.join(' '));
    expect(phrases.length).toBeGreaterThan(100);
    for (const p of phrases) a.analyze({ text: `Honestly ${p} here.` });
    expect(phraseOf(a, 'I would recommend it.')).toEqual(['would recommend']);
    expect(a.analyze({ text: 'We switched to another bank.' }).intents).toEqual(['churn']);
  });

  it('a phrase-first or cue word followed by a word none of its phrases or cues has matches nothing', () => {
    const a = createAnalyzer({ lexicon });
    expect(phraseOf(a, 'I would walk there.')).toEqual([]);
    expect(a.analyze({ text: 'We switched off the lights.' }).intents).toEqual([]);
  });
});
