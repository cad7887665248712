import { readFileSync } from 'node:fs';
import { loadLexicon, loadThemePacks } from '../src/config/nlp-data.js';
import { createAnalyzer } from '../src/nlp/index.js';
import { aspectAdjective } from '../src/nlp/aspect-adjectives.js';
import { partOf } from '../bench/dev-split.js';
const xml = readFileSync('/work/shared/data/absa/Restaurants_Train_v2.xml', 'utf8');
const a = createAnalyzer({ themes: loadThemePacks(['general', 'restaurants']), lexicon: loadLexicon() });
let n = 0;
for (const m of xml.matchAll(/<sentence\b[^>]*>([\s\S]*?)<\/sentence>/g)) {
  const text = /<text>([\s\S]*?)<\/text>/.exec(m[1]!)![1]!.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  if (partOf(text) !== 'dev') continue;
  const cats = [...m[1]!.matchAll(/category="([^"]+)"\s+polarity="([^"]+)"/g)].map((c) => `${c[1]}=${c[2]}`).join(' ');
  const words = text.toLowerCase().match(/[a-z']+/g) ?? [];
  const adjs = words.filter((w) => aspectAdjective(w));
  if (!adjs.length) continue;
  const r = a.analyze({ text });
  const linked = r.sentiment.explain.filter((e) => e.rules.includes('aspect')).map((e) => e.token.toLowerCase());
  const unl = adjs.filter((w) => !linked.includes(w));
  if (!unl.length) continue;
  n++;
  console.log(unl.join(','), '|', cats, '|', r.themes.map((t) => `${t.theme}:${t.label}`).join(' '), '|', text.slice(0, 120));
}
console.log(n);
