/**
 * Throughput of earshot's full analyze (sentiment + themes + intents + language + fingerprint) against the
 * `sentiment` package's `analyze` alone, on the same texts in the same run. Run: `npm run bench:nlp` (one plain node
 * process with tsx's loader, as the pipeline runs; under the `tsx` command, which runs the script in a child of its
 * own process, this machine measured earshot's side 3–7% slower and the peer's not, and now and then 25% slower).
 *
 * Texts: the labelled sentences in `../shared/data/sentiment-labelled/` (or `EARSHOT_SENTIMENT_DATA`), plus
 * review-length documents made of four consecutive sentences each. Each side is warmed up, then timed for
 * `EARSHOT_BENCH_SECONDS` (default 3) seconds in short paired rounds (see `compare`); the ratio is the median of the
 * pairs'. `EARSHOT_BENCH_RUNS=N` (default 1) repeats each comparison N times and adds the median ratio.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Sentiment from 'sentiment';
import { loadLexicon, loadThemePacks } from '../src/config/nlp-data.js';
import { createAnalyzer } from '../src/nlp/index.js';
import { dataDir as sharedData } from './dev-split.js';

const dataDir = process.env.EARSHOT_SENTIMENT_DATA ?? sharedData('sentiment-labelled');
const seconds = Number(process.env.EARSHOT_BENCH_SECONDS ?? 3);
const runs = Math.max(1, Math.floor(Number(process.env.EARSHOT_BENCH_RUNS ?? 1)) || 1);

function sentences(): string[] {
  const out: string[] = [];
  for (const f of readdirSync(dataDir).filter((x) => x.endsWith('.txt')).sort()) {
    for (let line of readFileSync(join(dataDir, f), 'utf8').split('\n')) {
      if (line.endsWith('\r')) line = line.slice(0, -1);
      const tab = line.lastIndexOf('\t');
      if (tab > 0) out.push(line.slice(0, tab).trim());
    }
  }
  return out;
}

const single = sentences();
if (single.length === 0) {
  console.error(`no sentences in ${dataDir} (set EARSHOT_SENTIMENT_DATA)`);
  process.exit(1);
}
const docs: string[] = [];
for (let i = 0; i + 4 <= single.length; i += 4) docs.push(single.slice(i, i + 4).join(' '));

const analyzer = createAnalyzer({ themes: loadThemePacks(['general', 'restaurants', 'ecommerce']), lexicon: loadLexicon() });
const afinn = new Sentiment();
let sink = 0;

/*
 * Documents per second of each side over `texts`, run for about `ms` milliseconds. One loop per side, written out
 * twice on purpose: a shared loop calling either side through a parameter is a polymorphic call site, which V8
 * may compile differently from run to run (one side's calls inlined, or neither), which made runs disagree.
 */
function earshotRate(texts: string[], ms: number): number {
  let n = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (const t of texts) {
      const a = analyzer.analyze({ text: t });
      sink += a.sentiment.score + a.themes.length + a.intents.length + a.fingerprint.length;
    }
    n += texts.length;
    now = performance.now();
  }
  return n / ((now - start) / 1000);
}

function sentimentRate(texts: string[], ms: number): number {
  let n = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (const t of texts) sink += afinn.analyze(t).score;
    n += texts.length;
    now = performance.now();
  }
  return n / ((now - start) / 1000);
}

/**
 * One comparison: prints its line and returns the ratio. The time is cut into `PAIRS` short back-to-back pairs (one
 * round of each side, the order alternating), and the ratio is the median of the pairs' ratios: on a shared machine a
 * neighbour's burst then spoils a pair or two instead of one side's whole average.
 */
const PAIRS = 12;
function compare(name: string, texts: string[]): number {
  earshotRate(texts, 500);
  sentimentRate(texts, 500);
  const roundMs = (seconds * 1000) / PAIRS / 2;
  const mine: number[] = [];
  const peer: number[] = [];
  const ratios: number[] = [];
  for (let r = 0; r < PAIRS; r++) {
    let a: number;
    let b: number;
    if (r % 2 === 0) {
      a = earshotRate(texts, roundMs);
      b = sentimentRate(texts, roundMs);
    } else {
      b = sentimentRate(texts, roundMs);
      a = earshotRate(texts, roundMs);
    }
    mine.push(a);
    peer.push(b);
    ratios.push(a / b);
  }
  const avgChars = Math.round(texts.reduce((s, t) => s + t.length, 0) / texts.length);
  const ratio = median(ratios);
  console.log(
    `${name.padEnd(22)}${String(texts.length).padEnd(7)}${String(avgChars).padEnd(7)}` +
      `${Math.round(median(mine)).toLocaleString('en-US').padStart(12)} ${Math.round(median(peer)).toLocaleString('en-US').padStart(12)}   ${ratio.toFixed(2)}x`,
  );
  return ratio;
}

function median(values: number[]): number {
  const v = [...values].sort((x, y) => x - y);
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}

/** `runs` comparisons of one corpus; with more than one, also their median ratio. */
function compareRuns(name: string, texts: string[]): void {
  const ratios: number[] = [];
  for (let r = 0; r < runs; r++) ratios.push(compare(name, texts));
  if (runs === 1) return;
  const m = median(ratios);
  console.log(`${`${name}: median of ${runs}`.padEnd(62)}${m.toFixed(2)}x`);
}

console.log(`node ${process.version}; ${seconds}s per corpus; earshot = full analyze (its fingerprint included, as the pipeline stores it), sentiment = its analyze() only\n`);
console.log(`${'corpus'.padEnd(22)}${'docs'.padEnd(7)}${'chars'.padEnd(7)}${'earshot/s'.padStart(12)} ${'sentiment/s'.padStart(12)}   ratio`);
compareRuns('sentences', single);
compareRuns('4-sentence reviews', docs);
if (sink === 42) console.log('');
