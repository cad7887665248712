/**
 * Aspect accuracy of earshot's themes on SemEval-2014 Task 4 restaurant sentences (`<shared>/data/absa/`, the
 * training portion: our dev data). Run: `npx tsx bench/aspect-accuracy.ts`.
 *
 * Themes of the `restaurants` pack map to the task's categories (food, service, price, ambience); a sentence with
 * none of them is `anecdotes/miscellaneous`. Measures, as the task defines them:
 * - category detection: micro-averaged precision / recall / F1 over the five categories;
 * - category polarity: for each gold category, the label earshot gives it (the theme's label where the theme was
 *   found, else the sentence label), against the gold polarity (a `conflict` gold label counts as a miss), next to
 *   the plain sentence label for every category (the bar a theme label must clear).
 * Sentences are split by a hash of the text into `dev` (4/5) and `val` (1/5), as in `sentiment-accuracy.ts`.
 *
 * `--errors` adds detection precision / recall per category and counts the polarity misses by class (see
 * `errorClass`); `--samples=N` lists up to N sentences of each class.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadLexicon, loadThemePacks } from '../src/config/nlp-data.js';
import { createAnalyzer } from '../src/nlp/index.js';
import { dataDir, type Part, partOf } from './dev-split.js';

interface Sentence {
  text: string;
  categories: Map<string, string>;
}

function unescape(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function readSemEval(file: string): Sentence[] {
  const xml = readFileSync(file, 'utf8');
  const out: Sentence[] = [];
  for (const m of xml.matchAll(/<sentence\b[^>]*>([\s\S]*?)<\/sentence>/g)) {
    const body = m[1]!;
    const text = unescape(/<text>([\s\S]*?)<\/text>/.exec(body)?.[1] ?? '');
    const categories = new Map<string, string>();
    for (const c of body.matchAll(/<aspectCategory\s+category="([^"]+)"\s+polarity="([^"]+)"/g)) categories.set(c[1]!, c[2]!);
    if (text) out.push({ text, categories });
  }
  return out;
}

/** Theme ids (of any loaded pack) that stand for each SemEval category. */
const CATEGORY_OF: Record<string, string> = { food: 'food', service: 'service', price: 'price', ambience: 'ambience' };
const MISC = 'anecdotes/miscellaneous';

/**
 * The class of a polarity miss, for `--errors`: gold `conflict` (no single label can be right), a theme label of
 * neutral against a polar gold, a polar label against a neutral gold, the opposite polarity; each split by whether
 * the label came from the theme or (no theme found) from the sentence, and whether the sentence label was right.
 */
function errorClass(gold: string, mine: string, fromTheme: boolean, sentence: string, gold_: Map<string, string>): string {
  if (gold === 'conflict') return 'gold conflict';
  const src = fromTheme ? (sentence === gold ? 'theme (sentence label right)' : 'theme') : 'no theme: sentence label';
  const mixed = new Set([...gold_.values()].filter((g) => g === 'positive' || g === 'negative')).size > 1 ? ', mixed sentence' : '';
  if (mine === 'neutral') return `neutral for ${gold}, ${src}${mixed}`;
  if (gold === 'neutral') return `${mine} for neutral, ${src}${mixed}`;
  return `opposite (${mine} for ${gold}), ${src}${mixed}`;
}

const showErrors = process.argv.includes('--errors');
const SAMPLES = Number(process.argv.find((x) => x.startsWith('--samples='))?.slice(10) ?? 0);

const file = join(dataDir('absa'), 'Restaurants_Train_v2.xml');
const sentences = readSemEval(file);
const analyzer = createAnalyzer({ themes: loadThemePacks(['restaurants']), lexicon: loadLexicon() });
const f = (x: number) => x.toFixed(3);

console.log(`data: ${file}`);
console.log('part   n      category P / R / F1          polarity acc (themes)   polarity acc (sentence label)');
for (const part of ['dev', 'val'] as Part[]) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let right = 0;
  let rightSentence = 0;
  let total = 0;
  const perCat = new Map<string, [number, number]>();
  const errors = new Map<string, number>();
  /** Per category: true positives, false positives, false negatives. */
  const detect = new Map<string, [number, number, number]>();
  const cell = (c: string) => detect.get(c) ?? (detect.set(c, [0, 0, 0]), detect.get(c)!);
  const samples = new Map<string, string[]>();
  const rows = sentences.filter((s) => partOf(s.text) === part);
  for (const s of rows) {
    const a = analyzer.analyze({ text: s.text });
    const labels = new Map<string, string>();
    for (const h of a.themes) {
      const c = CATEGORY_OF[h.theme];
      if (c && !labels.has(c)) labels.set(c, h.label);
    }
    const predicted = new Set(labels.keys());
    if (predicted.size === 0) predicted.add(MISC);
    for (const c of predicted) if (s.categories.has(c)) (tp++, cell(c)[0]++); else (fp++, cell(c)[1]++);
    for (const c of s.categories.keys()) if (!predicted.has(c)) (fn++, cell(c)[2]++);
    for (const [c, gold] of s.categories) {
      const mine = labels.get(c) ?? a.sentiment.label;
      total++;
      const ok = mine === gold;
      if (!ok) {
        const cls = errorClass(gold, mine, labels.has(c), a.sentiment.label, s.categories);
        errors.set(cls, (errors.get(cls) ?? 0) + 1);
        const list = samples.get(cls) ?? [];
        if (list.length < SAMPLES) list.push(`${c}=${gold} got ${mine}: ${s.text}`);
        samples.set(cls, list);
      }
      if (ok) right++;
      if (a.sentiment.label === gold) rightSentence++;
      const cell = perCat.get(c) ?? [0, 0];
      cell[0] += ok ? 1 : 0;
      cell[1]++;
      perCat.set(c, cell);
    }
  }
  const p = tp / (tp + fp);
  const r = tp / (tp + fn);
  const f1 = (2 * p * r) / (p + r);
  console.log(`${part.padEnd(7)}${String(rows.length).padEnd(7)}${`${f(p)} / ${f(r)} / ${f(f1)}`.padEnd(29)}${f(right / total).padEnd(24)}${f(rightSentence / total)}`);
  console.log(`       polarity by category: ${[...perCat].map(([c, [h, n]]) => `${c} ${f(h / n)} (${n})`).join(', ')}`);
  if (showErrors) {
    console.log(`       detection by category (P / R, tp fp fn): ${[...detect].map(([c, [t, p, n]]) => `${c} ${f(t / (t + p))} / ${f(t / (t + n))} (${t} ${p} ${n})`).join(', ')}`);
    console.log(`       polarity misses by class (${total - right}):`);
    for (const [cls, n] of [...errors].sort((x, y) => y[1] - x[1])) {
      console.log(`         ${String(n).padStart(4)}  ${cls}`);
      for (const line of SAMPLES > 0 ? samples.get(cls)! : []) console.log(`               ${line}`);
    }
  }
}
