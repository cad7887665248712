/**
 * Sentiment accuracy of earshot against the `sentiment` package (AFINN-165) and VADER (`vader-sentiment`), side by
 * side on every labelled set in the data folder. Run: `npx tsx bench/sentiment-accuracy.ts`.
 *
 * Data: `<shared>/data/sentiment-labelled/` (see `dataDir`), or `EARSHOT_SENTIMENT_DATA`. Each `*.txt` is
 * one sentence per line, a TAB, then the label (1 positive, 0 negative); lines are split at the LAST tab.
 * Decision rule, the same for all three scorers: score >= 0 is positive (the sets have no neutral class).
 * Pearson r is between each scorer's continuous score (earshot and VADER compound, `sentiment` score) and the label.
 *
 * Then the airline tweets (`<shared>/data/social/airline-tweets-dev.tsv`): 3-class at the ±0.05 cut (the `sentiment`
 * package's integer score at ±0.5), Pearson r with -1/0/1, accuracy and macro-F1, earshot scoring them with its
 * `social` profile as the pipeline scores posts (the review sets with the default, `reviews`); and, with the
 * `transport` pack, the share of negative tweets with a stated complaint reason that get the matching theme.
 *
 * Every set is split by a hash of the text into `dev` (4/5) and `val` (1/5): tune on dev, check on val.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Sentiment from 'sentiment';
import { loadLexicon, loadThemePacks } from '../src/config/nlp-data.js';
import { createAnalyzer } from '../src/nlp/index.js';
import { dataDir as sharedData, type Part, partOf, pearson } from './dev-split.js';

const require = createRequire(import.meta.url);
const vader = require('vader-sentiment') as {
  SentimentIntensityAnalyzer: { polarity_scores(text: string): { compound: number } };
};

const dataDir = process.env.EARSHOT_SENTIMENT_DATA ?? sharedData('sentiment-labelled');

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
console.log(`${pad('set', 30)}${pad('n', 6)}${scorers.map(([name]) => pad(`${name}  r / F1 / acc`, 27)).join('')}ahead on all`);
let allAhead = true;
for (const file of files) {
  const { rows: all, skipped } = readSet(join(dataDir, file));
  for (const part of ['dev', 'val'] as Part[]) {
    const rows = all.filter((r) => partOf(r.text) === part);
    const labels = rows.map((r) => r.label);
    const results = scorers.map(([, score]) => metrics(rows.map((r) => score(r.text)), labels));
    const [mine, ...peers] = results as [Metrics, ...Metrics[]];
    const ahead = (['r', 'f1', 'acc'] as const).every((k) => peers.every((p) => mine[k] > p[k]));
    allAhead &&= ahead;
    const cells = results.map((m) => pad(`${f(m.r)} / ${f(m.f1)} / ${f(m.acc)}`, 27)).join('');
    const name = `${file.replace(/\.txt$/, '')} ${part}`;
    console.log(`${pad(name, 30)}${pad(String(rows.length), 6)}${cells}${ahead ? 'yes' : 'NO'}${skipped && part === 'dev' ? `  (${skipped} lines skipped)` : ''}`);
  }
}

// Airline tweets: 3 classes, and complaint reason -> transport theme.
type Label3 = 'negative' | 'neutral' | 'positive';
interface Tweet {
  text: string;
  label: Label3;
  reason: string;
}
const tweetFile = join(sharedData('social'), 'airline-tweets-dev.tsv');
const tweets: Tweet[] = [];
for (const line of readFileSync(tweetFile, 'utf8').split('\n').slice(1)) {
  const cols = line.split('\t');
  if (cols.length < 5) continue;
  const label = cols[0] as Label3;
  if (label !== 'negative' && label !== 'neutral' && label !== 'positive') continue;
  tweets.push({ label, reason: cols[1]!, text: cols.slice(4).join('\t').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>') });
}
const cut = (s: number, at: number): Label3 => (s >= at ? 'positive' : s <= -at ? 'negative' : 'neutral');
const tweetScorers: [string, (t: string) => Label3, (t: string) => number][] = [
  ['earshot', (t) => cut(earshot.analyze({ text: t, profile: 'social' }).sentiment.score, 0.05), (t) => earshot.analyze({ text: t, profile: 'social' }).sentiment.score],
  ['sentiment', (t) => cut(afinn.analyze(t).score, 0.5), (t) => afinn.analyze(t).score],
  ['vader', (t) => cut(vader.SentimentIntensityAnalyzer.polarity_scores(t).compound, 0.05), (t) => vader.SentimentIntensityAnalyzer.polarity_scores(t).compound],
];
function metrics3(pred: Label3[], gold: Label3[], scores: number[]): Metrics {
  const classes: Label3[] = ['negative', 'neutral', 'positive'];
  let f1 = 0;
  for (const c of classes) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    pred.forEach((p, i) => {
      if (p === c && gold[i] === c) tp++;
      else if (p === c) fp++;
      else if (gold[i] === c) fn++;
    });
    f1 += tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  }
  const acc = pred.filter((p, i) => p === gold[i]).length / pred.length;
  const num = { negative: -1, neutral: 0, positive: 1 };
  return { r: pearson(scores, gold.map((g) => num[g])), f1: f1 / 3, acc };
}
console.log(`\nairline tweets (${tweetFile}), 3-class at ±0.05 (sentiment: ±0.5); earshot with its social profile, as posts are scored`);
console.log(`${pad('set', 30)}${pad('n', 6)}${tweetScorers.map(([name]) => pad(`${name}  r / F1 / acc`, 27)).join('')}ahead on all`);
for (const part of ['dev', 'val'] as Part[]) {
  const rows = tweets.filter((t) => partOf(t.text) === part);
  const gold = rows.map((t) => t.label);
  const results = tweetScorers.map(([, label, score]) => metrics3(rows.map((t) => label(t.text)), gold, rows.map((t) => score(t.text))));
  const [mine, ...peers] = results as [Metrics, ...Metrics[]];
  const ahead = (['r', 'f1', 'acc'] as const).every((k) => peers.every((p) => mine[k] > p[k]));
  allAhead &&= ahead;
  const cells = results.map((m) => pad(`${f(m.r)} / ${f(m.f1)} / ${f(m.acc)}`, 27)).join('');
  console.log(`${pad(`airline-tweets ${part}`, 30)}${pad(String(rows.length), 6)}${cells}${ahead ? 'yes' : 'NO'}`);
}

/** The transport-pack themes that answer each complaint reason of the airline set ("Can't Tell" has none). */
const REASON_THEMES: Record<string, string[]> = {
  'Late Flight': ['delays'],
  'Cancelled Flight': ['cancellations'],
  'Lost Luggage': ['baggage'],
  'Damaged Luggage': ['baggage'],
  'Customer Service Issue': ['customer-service'],
  'Flight Booking Problems': ['booking-checkin'],
  'Flight Attendant Complaints': ['crew-onboard'],
  'Bad Flight': ['crew-onboard', 'seats-comfort', 'delays'],
  longlines: ['queues', 'delays'],
};
let transport: ReturnType<typeof createAnalyzer> | undefined;
try {
  transport = createAnalyzer({ themes: loadThemePacks(['general', 'transport']), lexicon: loadLexicon() });
} catch (err) {
  console.log(`\ncomplaint reason -> transport theme: skipped (${(err as Error).message})`);
}
if (transport) {
  console.log('\ncomplaint reason -> transport theme (negative tweets with a stated reason): matched / n');
  for (const part of ['dev', 'val'] as Part[]) {
    const byReason = new Map<string, [number, number]>();
    let hit = 0;
    let n = 0;
    for (const t of tweets) {
      const want = REASON_THEMES[t.reason];
      if (t.label !== 'negative' || !want || partOf(t.text) !== part) continue;
      const got = transport.analyze({ text: t.text, profile: 'social' }).themes.some((h) => want.includes(h.theme));
      const cell = byReason.get(t.reason) ?? [0, 0];
      cell[0] += got ? 1 : 0;
      cell[1]++;
      byReason.set(t.reason, cell);
      hit += got ? 1 : 0;
      n++;
    }
    const detail = [...byReason].map(([r, [h, k]]) => `${r} ${f(h / k)}`).join(', ');
    console.log(`  ${part}: ${f(hit / n)} (${hit} / ${n}); ${detail}`);
  }
}
console.log(`\nearshot ahead of both on every set and metric: ${allAhead ? 'yes' : 'no'}`);
