import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadLexicon, loadThemePacks } from '../src/config/nlp-data.js';
import { createAnalyzer } from '../src/nlp/index.js';
const dir = '/work/shared/data/sentiment-labelled';
const texts: string[] = [];
for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt'))) for (const l of readFileSync(join(dir, f), 'utf8').split('\n')) { const t = l.lastIndexOf('\t'); if (t > 0) texts.push(l.slice(0, t).trim()); }
const docs: string[] = []; for (let i = 0; i + 4 <= texts.length; i += 4) docs.push(texts.slice(i, i + 4).join(' '));
const a = createAnalyzer({ themes: loadThemePacks(['general', 'restaurants', 'ecommerce']), lexicon: loadLexicon() });
let sink = 0;
const until = performance.now() + 8000;
while (performance.now() < until) for (const t of docs) sink += a.analyze({ text: t }).sentiment.score;
console.log(sink > 0);
