import { createRequire } from 'node:module';
import { loadLexicon, loadThemePacks } from '../src/config/nlp-data.js';
import { createAnalyzer } from '../src/nlp/index.js';
const require = createRequire(import.meta.url);
const lex = require('vader-sentiment/src/vader_lexicon.js');
const L = lex.lexicon ?? lex.default ?? lex;
const a = createAnalyzer({ themes: [], lexicon: loadLexicon(), profile: 'social' });
const out: string[] = [];
for (const [w, v] of Object.entries(L as Record<string, number>)) {
  if (Math.abs(v) < Number(process.env.MIN ?? 1.5)) continue;
  const s = a.analyze({ text: w }).sentiment;
  if (s.score === 0 || Math.sign(s.score) !== Math.sign(v)) out.push(`${String(v).padStart(5)} ${s.score.toFixed(2).padStart(6)} ${w}`);
}
console.log(out.length); console.log(out.join('\n'));
