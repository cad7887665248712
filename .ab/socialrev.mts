import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadLexicon } from '../src/config/nlp-data.js';
import { createAnalyzer } from '../src/nlp/index.js';
const a = createAnalyzer({ lexicon: loadLexicon(), profile: 'social' });
const dir = '/work/shared/data/sentiment-labelled';
for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt'))) {
  let ok = 0, okA = 0, n = 0, diff = 0;
  for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) {
    const t = line.lastIndexOf('\t'); if (t < 0) continue;
    const text = line.slice(0, t).trim(); const y = line.slice(t + 1).trim() === '1';
    const s = a.analyze({ text }).sentiment.score, sA = a.analyze({ text: '@x ' + text }).sentiment.score;
    n++; if ((s >= 0) === y) ok++; if ((sA >= 0) === y) okA++; if ((s >= 0) !== (sA >= 0)) { diff++; if (process.env.V) console.log(y ? 'POS' : 'NEG', s.toFixed(2), sA.toFixed(2), text); }
  }
  console.log(f, n, 'not addressed', (ok / n).toFixed(4), 'addressed', (okA / n).toFixed(4), 'flips', diff);
}
