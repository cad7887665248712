/**
 * Instructions per analysis of earshot's full analyze against the `sentiment` package's `analyze`, on the same texts
 * as `nlp-throughput.ts` (labelled sentences, and review-length documents of four of them), counted by valgrind.
 *
 *   npm run build && npm run bench:nlp-instructions -- [--set docs|sentences|both] [--runs 3]
 *
 * Why beside the throughput bench: on a shared VM the timed ratio of one build swings by ±10% from run to run, so a
 * change worth 2–3% cannot be seen in it. An instruction count depends far less on what else the machine is doing:
 * under `node --predictable` (V8 compiles on the main thread, in a fixed order), a fixed hash and random seed, and no
 * address randomisation (`setarch -R`), the peer's count is the same to 0.1% run after run. Earshot's mostly agrees
 * to 1–3%, but now and then a run lands 10–15% off (the engine compiled or inlined differently: seen on both
 * sentences and reviews); without those settings it varied by up to 25%. So each side is counted `--runs` times
 * (default 3, each run listed) and the median is printed: compare builds by their medians, and trust only moves
 * larger than the spread of the runs.
 * It is a proxy, not the target: the ratio of instructions is not the ratio of time (a cache miss or a native
 * regex costs more per instruction than straight-line code). Use it to compare two builds of earshot; the target
 * stays `bench:nlp`'s timed ratio.
 *
 * Method: each side runs in its own process under `valgrind --tool=cachegrind --cache-sim=no`, once for `lo` rounds
 * over the texts and once for `hi` rounds; (count(hi) − count(lo)) / ((hi − lo) × texts) is the steady-state cost of
 * one analysis, with start-up, compilation and the first rounds' word-table inserts subtracted out. Times the built
 * code in `dist/` (run `npm run build` first). Takes about 2 minutes a run (valgrind runs node about 30× slower).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { arch as nodeArch, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { dataDir } from './dev-split.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { set: { type: 'string', default: 'both' }, runs: { type: 'string', default: '3' } } });
const RUNS = Math.max(1, Math.floor(Number(values.runs)) || 1);
const SETS = values.set === 'both' ? ['sentences', 'docs'] : [values.set!];
if (!SETS.every((s) => s === 'sentences' || s === 'docs')) {
  console.error(`bench:nlp-instructions: --set must be docs, sentences or both (got "${values.set}")`);
  process.exit(2);
}
if (!existsSync(path.join(ROOT, 'dist/src/nlp/index.js'))) {
  console.error('bench:nlp-instructions: dist/ is missing: run npm run build first');
  process.exit(2);
}
if (spawnSync('valgrind', ['--version']).status !== 0) {
  console.error('bench:nlp-instructions: valgrind is not installed (apt-get install -y valgrind)');
  process.exit(2);
}

/** The texts of `nlp-throughput.ts`: the labelled sentences, and documents of four consecutive ones. */
function texts(): { sentences: string[]; docs: string[] } {
  const dir = process.env.EARSHOT_SENTIMENT_DATA ?? dataDir('sentiment-labelled');
  const sentences: string[] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt')).sort()) {
    for (let line of readFileSync(path.join(dir, f), 'utf8').split('\n')) {
      if (line.endsWith('\r')) line = line.slice(0, -1);
      const tab = line.lastIndexOf('\t');
      if (tab > 0) sentences.push(line.slice(0, tab).trim());
    }
  }
  const docs: string[] = [];
  for (let i = 0; i + 4 <= sentences.length; i += 4) docs.push(sentences.slice(i, i + 4).join(' '));
  return { sentences, docs };
}

/**
 * The measured process: reads the texts, builds its side, runs `rounds` rounds. Plain JavaScript on the built code,
 * so no loader thread runs beside it. Arguments: texts file, side, rounds.
 */
const WORKER = `
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
const [file, side, rounds] = process.argv.slice(1);
const texts = JSON.parse(readFileSync(file, 'utf8'));
let analyze;
if (side === 'earshot') {
  const { createAnalyzer } = await import(${JSON.stringify(path.join(ROOT, 'dist/src/nlp/index.js'))});
  const { loadLexicon, loadThemePacks } = await import(${JSON.stringify(path.join(ROOT, 'dist/src/config/nlp-data.js'))});
  const a = createAnalyzer({ themes: loadThemePacks(['general', 'restaurants', 'ecommerce']), lexicon: loadLexicon() });
  analyze = (t) => { const r = a.analyze({ text: t }); return r.sentiment.score + r.themes.length + r.intents.length + r.fingerprint.length; };
} else {
  const Sentiment = createRequire(${JSON.stringify(path.join(ROOT, 'package.json'))})('sentiment');
  const s = new Sentiment();
  analyze = (t) => s.analyze(t).score;
}
// In a function: a loop in the module's top level (which awaits) is not optimized, and would add its own cost.
function run(n) {
  let sink = 0;
  for (let r = 0; r < n; r++) for (const t of texts) sink += analyze(t);
  return sink;
}
if (Number.isNaN(run(Number(rounds)))) process.exitCode = 3;
`;

/** `setarch`'s name for this machine's architecture. */
function arch(): string {
  return nodeArch() === 'arm64' ? 'aarch64' : nodeArch() === 'x64' ? 'x86_64' : nodeArch();
}

/** Instructions valgrind counted for one run of the worker. */
function count(file: string, side: string, rounds: number): Promise<number> {
  const args = ['--tool=cachegrind', '--cache-sim=no', '--cachegrind-out-file=/dev/null', process.execPath,
    '--predictable', '--single-threaded', '--hash-seed=1', '--random-seed=1', '--input-type=module', '-e', WORKER, file, side, String(rounds)];
  return new Promise((resolve, reject) => {
    // `setarch -R`: no address randomisation, whose addresses would otherwise reach hash tables and the counts.
    const child = spawn('setarch', [arch(), '-R', 'valgrind', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => {
      const m = /I\s+refs:\s+([\d,]+)/.exec(err);
      if (code !== 0 || !m) reject(new Error(`valgrind run of ${side} failed (exit ${code}): ${err.trim().split('\n').pop()}`));
      else resolve(Number(m[1]!.replace(/,/g, '')));
    });
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

const sets = texts();
const tmp = mkdtempSync(path.join(tmpdir(), 'earshot-instr-'));
try {
  console.log(`instructions per analysis (valgrind, node --predictable), ${SETS.join(' and ')}, median of ${RUNS} run(s)\n`);
  console.log(`${'texts'.padEnd(20)} ${'n'.padStart(6)} ${'earshot'.padStart(10)} ${'sentiment'.padStart(10)}   ratio (sentiment / earshot)`);
  for (const set of SETS) {
    const list = sets[set as 'sentences' | 'docs'];
    const file = path.join(tmp, `${set}.json`);
    writeFileSync(file, JSON.stringify(list));
    // About 30,000 analyses between the two counts whatever the set.
    const lo = Math.max(1, Math.round(30_000 / list.length));
    const hi = 2 * lo;
    const per: Record<string, number> = {};
    const all: Record<string, number[]> = { earshot: [], sentiment: [] };
    for (let r = 0; r < RUNS; r++) {
      for (const side of ['earshot', 'sentiment']) {
        // The two runs of a side at once: two cores, and a count does not depend on the other run.
        const [a, b] = await Promise.all([count(file, side, lo), count(file, side, hi)]);
        all[side]!.push((b - a) / ((hi - lo) * list.length));
      }
    }
    for (const side of ['earshot', 'sentiment']) per[side] = median(all[side]!);
    if (RUNS > 1) console.log(`  runs: earshot ${all.earshot!.map((x) => Math.round(x).toLocaleString('en-US')).join(' ')}; sentiment ${all.sentiment!.map((x) => Math.round(x).toLocaleString('en-US')).join(' ')}`);
    const label = set === 'docs' ? '4-sentence reviews' : 'sentences';
    console.log(`${label.padEnd(20)} ${String(list.length).padStart(6)} ${Math.round(per.earshot!).toLocaleString('en-US').padStart(10)} ${Math.round(per.sentiment!).toLocaleString('en-US').padStart(10)}   ${(per.sentiment! / per.earshot!).toFixed(2)}x`);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
