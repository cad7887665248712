// npx tsx .ab/grepcheck.mts REGEX  : airline dev tweets matching, with gold and ours, mismatches first
import { readFileSync } from 'node:fs';
import { loadLexicon, loadThemePacks } from '../src/config/nlp-data.js';
import { createAnalyzer } from '../src/nlp/index.js';
const re = new RegExp(process.argv[2]!, 'i');
const a = createAnalyzer({ themes: loadThemePacks(['general', 'transport']), lexicon: loadLexicon(), profile: 'social' });
const rows = readFileSync('/work/shared/data/social/airline-tweets-dev.tsv', 'utf8').split('\n').slice(1).filter(Boolean).map((l) => l.split('\t'));
let ok = 0, n = 0; const bad: string[] = [];
for (const r of rows) {
  const text = r[4]!; if (!re.test(text)) continue;
  const s = a.analyze({ text }).sentiment.score; const mine = s >= 0.05 ? 'positive' : s <= -0.05 ? 'negative' : 'neutral';
  n++; if (mine === r[0]) ok++; else bad.push(`${r[0]!.padEnd(8)} ${mine.padEnd(8)} ${s.toFixed(2).padStart(6)} ${text}`);
}
console.log(`${ok}/${n} right`); for (const b of bad.slice(0, Number(process.env.N ?? 40))) console.log(b);
