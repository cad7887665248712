import { loadLexicon, loadThemePacks } from '../src/config/nlp-data.js';
import { createAnalyzer } from '../src/nlp/index.js';
const prof = process.env.P ?? 'reviews';
const a = createAnalyzer({ themes: loadThemePacks(['general', 'restaurants', 'ecommerce', 'transport']), lexicon: loadLexicon(), profile: prof as any });
for (const t of process.argv.slice(2)) {
  const r = a.analyze({ text: t });
  console.log(r.sentiment.score.toFixed(3), r.sentiment.label.padEnd(8), t);
  for (const e of r.sentiment.explain) console.log('     ', e.token, e.base, '->', e.weight, e.rules.join(','), e.steps ? JSON.stringify(e.steps) : '');
  for (const th of r.themes) console.log('     theme', th.theme ?? th.id, th.label);
}
