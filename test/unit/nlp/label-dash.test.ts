import { describe, expect, it } from 'vitest';
import { compileLexicon } from '../../../src/nlp/lexicon.js';
import { compileThemes } from '../../../src/nlp/themes.js';
import { M } from '../../../src/nlp/token.js';
import { tokenize } from '../../../src/nlp/tokenize.js';
import { createVocabulary } from '../../../src/nlp/vocabulary.js';
import { analyzer } from './helpers.js';

const vocab = createVocabulary(compileLexicon(undefined, 'reviews'), compileThemes([]));
const theme = (text: string, id: string) => analyzer().analyze({ text }).themes.find((t) => t.theme === id);

describe('labels written with a dash ("Food - A+, Service - D+") give each grade to its own theme', () => {
  it.each(['Food - A+, Service - D+', 'Food - A+ Service - D+', 'Food – A+, Service – D+', 'Food -- A+, Service -- D+'])(
    '"%s": the food is the A+, the service the D+',
    (text) => {
      expect(theme(text, 'food')?.label).toBe('positive');
      expect(theme(text, 'service')?.label).toBe('negative');
    },
  );

  it('so does any opinion after a dashed label', () => {
    const text = 'The food - great, the service - awful.';
    expect(theme(text, 'food')?.label).toBe('positive');
    expect(theme(text, 'service')?.label).toBe('negative');
    expect(theme('Food - delicious, Service - slow', 'service')?.label).toBe('negative');
  });
});

describe('other dashes are no labels', () => {
  it('a dash around an aside: "the food - while good - was cold" keeps its complaint', () => {
    expect(theme('The food - while good - was cold.', 'food')?.label).toBe('negative');
  });

  it('a dash between two clauses, with an opinion before the theme ("great food - the service was awful")', () => {
    const text = 'Great food - the service was awful.';
    expect(theme(text, 'food')?.label).toBe('positive');
    expect(theme(text, 'service')?.label).toBe('negative');
    const other = 'The food was great - the service was slow.';
    expect(theme(other, 'food')?.label).toBe('positive');
    expect(theme(other, 'service')?.label).toBe('negative');
  });

  it('texts are searched for dashed labels only when the tokenizer saw a dash ending a clause', () => {
    expect(tokenize('Food - A+', vocab).marks & M.DASH).toBe(M.DASH);
    expect(tokenize('Food – A+', vocab).marks & M.DASH).toBe(M.DASH);
    expect(tokenize('A well-done steak for 5-10 dollars', vocab).marks & M.DASH).toBe(0);
  });

  it.each(['- - -', 'Food -', 'Food - ', '– Food –', 'Food - - Service -', ' -Food- '])('"%s" never throws', (text) => {
    expect(() => analyzer().analyze({ text })).not.toThrow();
  });
});
