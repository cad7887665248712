import { tokenize } from './tokenize.js';
import type { Vocabulary } from './vocabulary.js';
import type { WordInfo } from './word-info.js';
import { WordTable } from './word-table.js';

/**
 * Texts that between them take every branch of the tokenizer and of the small helpers V8 compiles into it, however
 * rare: non-ASCII spaces and letters, "İ", URLs at the start, middle and end of a text, emoticons that are and are not
 * ("xD", "xbox", "D:"), apostrophes that do and do not join, numbers with a decimal point, ALL CAPS, a word against an
 * emoji, @handles, HTML and control characters, a text longer than the tokenizer's first scratch columns.
 *
 * Why: V8 optimizes the tokenizer from what it has seen run, and compiles each branch it has never seen as "leave the
 * optimized code". A branch first met later (the first "café" after a thousand ASCII reviews) throws the optimized
 * tokenizer away. On Node 20 that can stick: V8 starts compiling an on-stack-replacement (OSR) version of the
 * tokenizer's loop right after most optimizations, and a deopt while that compile runs (the tokenizer's compile takes
 * 50–150 ms on two cores) leaves the tokenizer unoptimized, entering the OSR code at each text's first loop
 * iteration, and V8 did not optimize it again for the rest of the run. The whole analyze was then ~15% slower:
 * between one process in 30 and one in 4 in `bench/nlp-throughput.ts` and a 2-second harness. Running every branch
 * before the first real text leaves the optimizer nothing to be surprised by;
 * `test/unit/nlp/tokenizer-warmup.test.ts` checks that no text deoptimizes the tokenizer afterwards.
 */
export const WARMUP_TEXTS: readonly string[] = [
  'The food was great, really. Service was slow... but the staff were kind! Would I go back? Yes!!',
  'NOT GOOD AT ALL. I hated it; the xbox and the x-ray and the dogs\' toys broke. 4.5 stars? No: 2.5/5 - meh',
  "I don't know... it's ok (I guess). Ain't bad. DON'T, IT'S, O'Neil. Rock 'n' roll 'quoted' words'",
  'Great place xD and D: and :) ;-) <3 </3 ^_^ -_- :-( =) (: ): xd d: Dx',
  'Variants :)) :-)) :))) :(( :-(( :((( :\') :\'-) :\'-( ;( ;-( :-[ :-] =] =[ =/ =p :3 :> :< >:-( :^) (-: )-: <33 at 10:30',
  'Check http://example.com/a?b=c&d=<e> and https://t.co/AbC or www.example.org/x, then HTTP stuff',
  'www.start.com is a site.\nNew line here\r\n\ttabbed http://end.example',
  'hello world http://x.y/\u00e9\u0130\u0001 wow',
  'Caf\u00e9 na\u00efve d\u00e9j\u00e0 vu \u00a0 r\u00e9sum\u00e9\u3000\u2028\u2029 \u00c9COLE CAF\u00c9 MA\u00d1ANA',
  'I don\u2019t like it \u2018much\u2019 \u2014 it\u2019s \u201cfine\u201d\u2026 \u00bfQu\u00e9? \u00a1S\u00ed! \u3002 \uff01 \uff1f \u3001 \uff0c \u2013',
  '\u0130stanbul was great, \u0130ST\u0130KLAL street is good caf\u00e9 and good',
  'good\ud83d\ude00 bad\ud83d\udc4e\ud83c\udffd ok\u2764\ufe0f \ud83c\uddeb\ud83c\uddf7 \ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67 1\ufe0f\u20e3 \ud83d\udc4d',
  '\ud800 lone \udc00 surrogates \ud835\udc00 math letter \u0000 nul \u200b zero width \ufeff bom \ufffd replacement \u007f del',
  '@someone said #fail and #love @\u0130lker @\u00e9mile @ alone # hash *stars* _under_ "quoted" well-made wi-fi - dash',
  '<b>Bold</b> &amp; &lt;tag&gt; <p>para</p> <br/> &#39; &nbsp;text',
  'Prices: $5, \u20ac5, \u00a35, \u00a55, \u20b95, 10%, 3.14, .5, 5., 1,000, 2024, #1, A+, B-, I, A, OK, U.S.A., e.g. i.e.',
  'Wow!!! Really?! Hmm?? Ok... Fine.. End. Last,word.Next,one',
  'x',
  'd',
  '.',
  ',',
  'h',
  'http://only.example',
  'www.only.example',
  "dogs' ",
  "it's'",
  "rock''n'roll",
  '4.5',
  'CAF\u00c9',
  '\u00e9',
  '\ud83d\ude00',
  'A. B, C! D? E; F: G( H) I- J\u2014 K\u2013',
  'wHaT iS tHiS? ALLCAPS Mixed123 123abc abc123 x1 d2 h3 w4',
  'hello:world xD: xDD Xd dD: D:< :D: :-Dx (xD) so.xD ok,D: fine-xD',
  Array.from({ length: 80 }, (_, k) => `word${k % 37}`).join(' '),
  '',
];

/** How often the texts are run: V8 starts recording what a function does only after its first few calls. */
const ROUNDS = 4;
let warmed = false;

/**
 * Run the tokenizer over `WARMUP_TEXTS` (once per process; later calls return at once), against a word table of its
 * own whose words know nothing: the branches are the tokenizer's, and working out what its ~150 words mean (their
 * lexicon, theme and typo lookups: about 25 ms, a twentieth of a one-line `earshot analyze`) would be spent on words
 * no text may hold.
 */
export function warmTokenizer(): void {
  if (warmed) return;
  warmed = true;
  const vocab: Vocabulary = new WordTable(blankInfo);
  for (let r = 0; r < ROUNDS; r++) for (const t of WARMUP_TEXTS) tokenize(t, vocab);
}

/** What the warm-up's table knows of a word: nothing (the fields of `WordInfo`, in its order). */
function blankInfo(word: string): WordInfo {
  return {
    word, flags: 0, roles: 0, valence: 0, booster: 0, diminisher: 0, phrases: null, hedgeAfter: null, irrealisNext: null,
    negationBreakers: null, negatorNext: null, foreign: null, stem: word, stemId: -1, themeOffset: -1, cues: null,
    cueNext: null, cueWordNumber: -1, phraseNext: null, phraseSecondNumber: -1, aspectAdj: null, hashtag: 0,
    hashtagWords: null,
  };
}
