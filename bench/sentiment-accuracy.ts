/**
 * Sentiment accuracy of earshot against the `sentiment` package (AFINN-165) and VADER (`vader-sentiment`), side by
 * side on every labelled set in the data folder. Run: `npx tsx bench/sentiment-accuracy.ts`.
 *
 * Data: `../shared/data/sentiment-labelled/` relative to the repo root, or `EARSHOT_SENTIMENT_DATA`. Each `*.txt` is
 * one sentence per line, a TAB, then the label (1 positive, 0 negative); lines are split at the LAST tab.
 * Decision rule, the same for all three scorers: score >= 0 is positive (the sets have no neutral class).
 * Pearson r is between each scorer's continuous score (earshot and VADER compound, `sentiment` score) and the label.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Sentiment from 'sentiment';
import { loadLexicon, loadThemePacks } from '../src/config/nlp-data.js';
import { createAnalyzer } from '../src/nlp/index.js';

const require = createRequire(import.meta.url);
const vader = require('vader-sentiment') as {
  SentimentIntensityAnalyzer: { polarity_scores(text: string): { compound: number } };
};

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.env.EARSHOT_SENTIMENT_DATA ?? resolve(root, '../shared/data/sentiment-labelled');

interface Row {
  text: string;
  label: 0 | 1;
}

function readSet(file: string): { rows: Row[]; skipped: number } {
  const rows: Row[] = [];
  let skipped = 0;
  for (let line of readFileSync(file, 'utf8').split('\n')) {
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line.trim() === '') continue;
    const tab = line.lastIndexOf('\t');
    const label = tab >= 0 ? line.slice(tab + 1).trim() : '';
    if (label !== '0' && label !== '1') {
      skipped++;
      continue;
    }
    rows.push({ text: line.slice(0, tab), label: label === '1' ? 1 : 0 });
  }
  return { rows, skipped };
}

function pearson(xs: number[], ys: number[]): number {
  const n = xs.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i]!;
    my += ys[i]!;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? 0 : sxy / Math.sqrt(sxx * syy);
}

interface Metrics {
  r: number;
  f1: number;
  acc: number;
}

function metrics(scores: number[], labels: number[]): Metrics {
  let tp = 0;
  let tn = 0;
  let fp = 0;
  let fn = 0;
  scores.forEach((s, i) => {
    const pred = s >= 0 ? 1 : 0;
    if (pred === 1 && labels[i] === 1) tp++;
    else if (pred === 0 && labels[i] === 0) tn++;
    else if (pred === 1) fp++;
    else fn++;
  });
  const f1 = (p: number, q: number, r: number) => (p === 0 ? 0 : (2 * p) / (2 * p + q + r));
  return {
    r: pearson(scores, labels),
    f1: (f1(tp, fp, fn) + f1(tn, fn, fp)) / 2,
    acc: (tp + tn) / scores.length,
  };
}

const files = readdirSync(dataDir)
  .filter((f) => f.endsWith('.txt'))
  .sort();
if (files.length === 0) {
  console.error(`no *.txt sets in ${dataDir} (set EARSHOT_SENTIMENT_DATA)`);
  process.exit(1);
}

const earshot = createAnalyzer({ themes: loadThemePacks(['general']), lexicon: loadLexicon() });
const afinn = new Sentiment();
const scorers: [string, (t: string) => number][] = [
  ['earshot', (t) => earshot.analyze({ text: t }).sentiment.score],
  ['sentiment', (t) => afinn.analyze(t).score],
  ['vader', (t) => vader.SentimentIntensityAnalyzer.polarity_scores(t).compound],
];

const f = (x: number) => x.toFixed(3);
const pad = (s: string, n: number) => s.padEnd(n);
console.log(`data: ${dataDir}`);
console.log(`decision rule: score >= 0 -> positive (all scorers); r = Pearson r of the score with the 0/1 label\n`);
console.log(`${pad('set', 24)}${pad('n', 6)}${scorers.map(([name]) => pad(`${name}  r / F1 / acc`, 27)).join('')}ahead on all`);
let allAhead = true;
for (const file of files) {
  const { rows, skipped } = readSet(join(dataDir, file));
  const labels = rows.map((r) => r.label);
  const results = scorers.map(([, score]) => metrics(rows.map((r) => score(r.text)), labels));
  const [mine, ...peers] = results as [Metrics, ...Metrics[]];
  const ahead = (['r', 'f1', 'acc'] as const).every((k) => peers.every((p) => mine[k] > p[k]));
  allAhead &&= ahead;
  const cells = results.map((m) => pad(`${f(m.r)} / ${f(m.f1)} / ${f(m.acc)}`, 27)).join('');
  console.log(`${pad(file.replace(/\.txt$/, ''), 24)}${pad(String(rows.length), 6)}${cells}${ahead ? 'yes' : 'NO'}${skipped ? `  (${skipped} lines skipped)` : ''}`);
}
console.log(`\nearshot ahead of both on every set and metric: ${allAhead ? 'yes' : 'no'}`);
