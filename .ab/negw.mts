import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadLexicon } from '../src/config/nlp-data.js';
import { createAnalyzer } from '../src/nlp/index.js';
import { partOf } from '../bench/dev-split.js';
const dir = '/work/shared/data/sentiment-labelled';
for (const w of [1, 1.5, 2]) {
  const lex = loadLexicon(); lex.profiles!.social!.negativeWeight = w;
  const a = createAnalyzer({ lexicon: lex, profile: 'social' });
  const out: string[] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt'))) {
    const acc = { dev: [0, 0], val: [0, 0] } as Record<string, number[]>;
    for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) {
      const t = line.lastIndexOf('\t'); if (t < 0) continue;
      const text = line.slice(0, t).trim(); const y = line.slice(t + 1).trim() === '1';
      const s = a.analyze({ text }).sentiment.score; const p = partOf(text);
      acc[p]![1]++; if ((s >= 0) === y) acc[p]![0]++;
    }
    out.push(`${f.split('_')[0]} dev ${(acc.dev![0]! / acc.dev![1]!).toFixed(3)} val ${(acc.val![0]! / acc.val![1]!).toFixed(3)}`);
  }
  console.log('negativeWeight', w, out.join(' | '));
}
