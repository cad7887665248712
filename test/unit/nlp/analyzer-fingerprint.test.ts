import { describe, expect, it } from 'vitest';
import { Analysis } from '../../../src/domain/analysis.js';
import { FP_DISAGREE } from '../../../src/nlp/fingerprint-words.js';
import { fingerprint } from '../../../src/nlp/index.js';
import { compileLexicon } from '../../../src/nlp/lexicon.js';
import { compileThemes } from '../../../src/nlp/themes.js';
import { tokenize } from '../../../src/nlp/tokenize.js';
import { createVocabulary, type Vocabulary } from '../../../src/nlp/vocabulary.js';
import { analyzer } from './helpers.js';

/** What the pipeline stored before the analyzer returned a fingerprint: it must not change, ever. */
const expected = (title: string | undefined, text: string) => fingerprint(`${title ?? ''} ${text}`);
const analyzed = (title: string | undefined, text: string) =>
  analyzer().analyze(title === undefined ? { text } : { title, text }).fingerprint;

const TRICKY = [
  '',
  '   ',
  'The food was great but the service was painfully slow.',
  "Don't go, it's not worth it. I can't say I wasn't warned.",
  'Don’t go, it‘s bad’ and ‘quoted’ words',
  "rock'n'roll, dogs' toys, abc''def, x'9, 'tis, ''' alone, end'",
  'see http://x.co/a?b=1 and https://Example.com/path, also (http://inside.parens) ok',
  'mid-word:http://x.co/y and x.http://z.co and www.foo.org and Http://caps.com',
  'HTTP is a protocol; HTTPS too; http: is not a URL but http://is',
  'ask @joe or @Zoë_x, email me@example.com, lone @ sign',
  'xD that was fun D: :D :p :-) <3 </3 8) ^_^ -_- :s',
  'rated 4.5 out of 5.0, v1.2.3, 1,000 people, $20.99, 10/10, 5/5 stars',
  'café naïve Ärger ÀÉÎ Très Ωμέγα привет 日本語 İstanbul ß ǅ ﬁ ÿ Ā',
  '<b>bold</b> &amp; &#39;quoted&#39; <br>line<p>para</p>',
  'tab\tnew\nline\r\nctrl\u0000\u000b\u000cjunk\u200b\ufeffbom\ufffdrep',
  'emoji 😀👍🏽🇫🇷 and lone \ud800 surrogate',
  'well-made wi-fi — dash – en; semi: colon (paren) "quote" *star* _under_ #hashtag #123',
  'NBSP\u00a0between\u3000ideographic\u2028line\u2029para',
  'x d xd dx ... !!! ??? …',
  'a',
  '4.',
  '.5',
  "it's",
  "'",
];

/** Deterministic random texts from pieces that exercise both scanners' special cases. */
function randomTexts(count: number): string[] {
  let seed = 7;
  const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const pieces = [
    'good', 'bad', 'Food', 'SERVICE', "don't", "dogs'", 'don’t', "''", "'", '.', ',', '4.5', '1.2.3', 'x', 'D', 'xD', 'D:',
    ':D', '@joe', '@', '#tag', 'http://a.b/c', 'https://q.r', 'HTTP', 'Http://x', 'www.x.org', 'h', 'ht', 'café', 'É',
    'Ω', '日本', '😀', '<3', '&amp;', '<i>', '\u0000', '\u000b', '\u00a0', '-', '—', '…', '!!', '?', ':', ';', '(', ')',
    '"', '*', '_', '9', '10', 'İ',
  ];
  const seps = [' ', ' ', ' ', '', '\n', '\t', "'", '.', '-'];
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    const len = 1 + Math.floor(rnd() * 12);
    let t = '';
    for (let j = 0; j < len; j++) t += pieces[Math.floor(rnd() * pieces.length)]! + seps[Math.floor(rnd() * seps.length)]!;
    out.push(t);
  }
  return out;
}

describe('the analyzer returns the fingerprint of title + text', () => {
  it('equals fingerprint(`${title} ${text}`) on tricky texts, with and without a title', () => {
    for (const text of TRICKY) {
      expect(analyzed(undefined, text), JSON.stringify(text)).toBe(expected(undefined, text));
      for (const title of ['', '   ', '\ufeff', 'Great place', "Don't!", 'http://t.co', 'Café']) {
        expect(analyzed(title, text), JSON.stringify([title, text])).toBe(expected(title, text));
      }
    }
  });

  it('equals it on random mixes of URLs, handles, emoticons, apostrophes, numbers and non-ASCII', () => {
    const texts = randomTexts(3000);
    for (let k = 0; k < texts.length; k++) {
      const title = k % 5 === 0 ? texts[(k + 1) % texts.length]! : undefined;
      expect(analyzed(title, texts[k]!), JSON.stringify([title, texts[k]])).toBe(expected(title, texts[k]!));
    }
  });

  it('equals it past the 5000 words the fingerprint reads, and for a title alone', () => {
    const long = Array.from({ length: 6000 }, (_, k) => `w${k}`).join(' ');
    expect(analyzed(undefined, long)).toBe(expected(undefined, long));
    expect(analyzed('Title words', long)).toBe(expected('Title words', long));
    const justUnder = Array.from({ length: 4999 }, (_, k) => `w${k}`).join(' ');
    expect(analyzed('x', justUnder)).toBe(expected('x', justUnder));
    expect(analyzed('Only a title', '')).toBe(expected('Only a title', ''));
    expect(analyzed(undefined, '')).toBe('0000000000000000');
  });

  it('is part of the Analysis shape', () => {
    const r = analyzer().analyze({ text: 'Lovely staff, quick service' });
    expect(Analysis.parse(r).fingerprint).toMatch(/^[0-9a-f]{16}$/);
    const foreign = analyzer().analyze({ text: 'Das Essen war sehr gut und der Service war freundlich.' });
    expect(foreign.fingerprint).toBe(fingerprint(' Das Essen war sehr gut und der Service war freundlich.'));
  });

  it('comes from the tokenizer pass for plain ASCII text, and falls back where the scanners disagree', () => {
    const toks = (t: string) => tokenize(t, tokenVocab()).wordHashCount;
    expect(toks("Don't go, it's 4.5 stars (really)! #tag")).toBeGreaterThan(0);
    for (const t of ['café', 'see @joe', 'xD', 'HTTP', "abc''def", 'www.x.org', 'x\u000by']) expect(toks(t), t).toBe(FP_DISAGREE);
  });
});

describe('fingerprint() itself is unchanged (values stored in databases)', () => {
  it('gives the values it always gave', () => {
    expect(fingerprint('The food was great but the service was painfully slow.')).toBe('5000000800000100');
    expect(fingerprint("Don't go: 4.5 stars, see http://x.co/a @joe xD Café")).toBe('8000000110001022');
  });
});

/** A word table of its own, for calling the tokenizer directly. */
let vocabulary: Vocabulary | undefined;
function tokenVocab(): Vocabulary {
  vocabulary ??= createVocabulary(compileLexicon(undefined), compileThemes([]));
  return vocabulary;
}
