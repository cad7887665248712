/**
 * Run by `test/unit/nlp/tokenizer-warmup.test.ts` in a child process started with `--allow-natives-syntax
 * --no-concurrent-recompilation --trace-deopt-verbose`: builds an analyzer (which warms the tokenizer), has V8 optimize
 * the tokenizer from that feedback alone, then analyzes a broad mix of texts. Prints one line, `PROBE {...}`, with the
 * tokenizer's optimization status before and after; V8's deopt trace (stdout) says where it left optimized code.
 */
import { loadLexicon, loadThemePacks } from '../../src/config/nlp-data.js';
import { createAnalyzer } from '../../src/nlp/index.js';
import { tokenize } from '../../src/nlp/tokenize.js';

type Probe = (f: unknown) => number;
const status = new Function('f', 'return %GetOptimizationStatus(f)') as Probe;
const prepare = new Function('f', '%PrepareFunctionForOptimization(f); return 0') as Probe;
const optimizeNext = new Function('f', '%OptimizeFunctionOnNextCall(f); return 0') as Probe;

const analyzer = createAnalyzer({ themes: loadThemePacks(['general', 'restaurants', 'ecommerce']), lexicon: loadLexicon() });
prepare(tokenize);
optimizeNext(tokenize);
analyzer.analyze({ text: 'The first text after the warm-up.' });
const before = status(tokenize);

/** Pieces of review text, markup and junk, mixed at random below (a fixed seed: the same mix every run). */
const PIECES = [
  'The food was great', 'but the service was painfully slow', 'I would not recommend it', 'highly recommend!',
  'waste of money', 'never again.', 'five stars', 'It stopped working after a week', 'refund please?', 'Thanks',
  'the', 'a', 'I', 'A', 'very', 'not', 'good', 'bad', 'NOT', 'GREAT', 'OK', 'ok', 'x', 'd', 'h', 'w', 'H', 'W', 'X', 'D',
  'hello', 'wow', 'with', 'did', 'xbox', 'x-ray', 'well-made', 'wi-fi', "don't", "DON'T", "it's", "dogs'", "''", "'n'",
  '4.5', '10/10', '3.', '.5', '1,000', '2024', '#1', '#fail', '#Love', '@user', '@', '#', '*', '_', '"', "'", '(', ')',
  ':)', ':-(', ';)', 'xD', 'XD', 'D:', '<3', '</3', '^_^', '-_-', ':D', ':p', '(:', '):', '=)',
  '.', ',', '!', '?', '!!!', '?!', '...', '..', ';', ':', '-', '--', '—', '–', '…', '/', '&', '%', '$', '+', '=',
  'http://example.com/a?b=c', 'https://t.co/AbC', 'www.example.org', 'HTTP', 'http', 'www', 'https://', 'http://x.y/é',
  '<b>', '</p>', '<br/>', '&amp;', '&lt;', '&#39;', '&nbsp;',
  'café', 'CAFÉ', 'naïve', 'déjà', 'İstanbul', 'İ', 'ß', 'ﬁ', 'Ωμέγα', 'Привет', 'мир', '日本語', '。', '！', '？', '、',
  'שלום', 'مرحبا', 'हिन्दी', 'don’t', 'it’s', '‘quoted’', '“quoted”', '¿qué?', '¡sí!',
  '😀', '👍🏽', '❤️', '🇫🇷', '👨‍👩‍👧', '1️⃣', '💯', '🙂', '😡', '\u{1d400}',
  '\u00a0', '\u3000', '\u2028', '\u2029', '\u200b', '\ufeff', '\ufffd', '\u0000', '\u0001', '\u007f', '\u0085',
  '\ud800', '\udc00', '\n', '\r\n', '\t',
];

let seed = 20261201;
const random = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
let texts = 0;
for (let k = 0; k < 20_000; k++) {
  const words = 1 + Math.floor(random() * 30);
  let t = '';
  for (let j = 0; j < words; j++) {
    t += PIECES[Math.floor(random() * PIECES.length)];
    const r = random();
    if (r < 0.75) t += ' ';
    else if (r < 0.8) t += '\n';
  }
  analyzer.analyze({ text: t, title: k % 7 === 0 ? PIECES[k % PIECES.length] : undefined });
  texts++;
}
// Long texts: more words than the fingerprint reads, 100 KB, and a short one after them.
analyzer.analyze({ text: 'word '.repeat(2_000) });
analyzer.analyze({ text: 'The food was great but the service was slow. '.repeat(2_300) });
analyzer.analyze({ text: 'short' });
texts += 3;

console.log(`PROBE ${JSON.stringify({ before, after: status(tokenize), texts })}`);
