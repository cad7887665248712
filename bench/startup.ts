/**
 * Start-up benchmark: the whole `earshot` process, from spawn to exit, for the commands a user runs by hand, next to
 * `node -e 1` measured in the same run (the floor: Node itself). Median of N runs each, cases interleaved so a busy
 * machine slows them all alike. Times the built bin (`node dist/src/cli/main.js`, run `npm run build` first), the
 * README's path (`npm run -s earshot --`, the same bin behind npm's own start-up) and the source path through tsx
 * (`npm run earshot:src --`).
 *
 *   npm run bench:startup -- [--runs 5] [--data DIR]
 *
 * `report trend` reads the demo's data: `--data DIR` (an EARSHOT_DATA_DIR where `earshot demo` ran), else
 * `./data` when it holds the demo's store, else the bench runs `earshot demo` once into a temporary directory first.
 *
 * Targets (issue 17), built bin: --help and config check ≤ 300 ms; analyze (one line) ≤ 500 ms; report trend ≤ 600 ms.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'dist/src/cli/main.js');
const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, data: { type: 'string' } } });
const RUNS = Number(values.runs);

if (!existsSync(BIN)) {
  console.error(`bench:startup: ${path.relative(ROOT, BIN)} is missing: run npm run build first`);
  process.exit(2);
}

let tempData: string | undefined;
let dataDir = values.data ? path.resolve(values.data) : path.join(ROOT, 'data');
if (!existsSync(path.join(dataDir, 'earshot.db'))) {
  tempData = mkdtempSync(path.join(tmpdir(), 'earshot-startup-'));
  dataDir = tempData;
  console.log(`running earshot demo once into ${dataDir} (not timed)…`);
  const demo = spawnSync(process.execPath, [BIN, 'demo'], { cwd: ROOT, env: { ...process.env, EARSHOT_DATA_DIR: dataDir, MONGO_URL: '', REDIS_URL: '' }, stdio: ['ignore', 'ignore', 'inherit'] });
  if (demo.status !== 0) {
    console.error('bench:startup: earshot demo failed');
    process.exit(1);
  }
}

const env = { ...process.env, EARSHOT_DATA_DIR: dataDir, MONGO_URL: '', REDIS_URL: '', EARSHOT_DEBUG: '' };
const TSX = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const ONE_LINE = '{"id":1,"text":"The coffee was great but the wait was far too long."}\n';

interface Case {
  label: string;
  args: string[];
  input?: string;
  /** ms, built bin */
  target?: number;
}
const earshot = (args: string[]) => [BIN, ...args];
const dev = (args: string[]) => [TSX, path.join(ROOT, 'src/cli/main.ts'), ...args];
const NPM_CLI = path.join(path.dirname(process.execPath), '../lib/node_modules/npm/bin/npm-cli.js');
const npm = (args: string[]) => [NPM_CLI, 'run', '-s', 'earshot', '--', ...args];
const trend = ['report', 'trend', '--brand', 'northwind', '--interval', 'week', '--config', 'config/demo.yaml'];
const CASES: Case[] = [
  { label: 'node -e 1 (the floor)', args: ['-e', '1'] },
  { label: 'earshot --help', args: earshot(['--help']), target: 300 },
  { label: 'earshot config check', args: earshot(['config', 'check', 'config/demo.yaml']), target: 300 },
  { label: 'earshot analyze (1 line)', args: earshot(['analyze']), input: ONE_LINE, target: 500 },
  { label: 'earshot report trend', args: earshot(trend), target: 600 },
  { label: 'npm run earshot -- --help', args: npm(['--help']) },
  { label: 'npm run earshot -- report', args: npm(trend) },
  { label: 'tsx src/… --help', args: dev(['--help']) },
  { label: 'tsx src/… report trend', args: dev(trend) },
];

function once(c: Case): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, c.args, { cwd: ROOT, env, input: c.input ?? '', stdio: ['pipe', 'ignore', 'pipe'] });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${c.label} exited ${r.status}: ${String(r.stderr).split('\n')[0]}`);
  return ms;
}

// one warm-up round (disk cache, tsx's transform cache, the YAML data cache), then RUNS interleaved rounds
for (const c of CASES) once(c);
const times = new Map<string, number[]>(CASES.map((c) => [c.label, []]));
for (let i = 0; i < RUNS; i++) for (const c of CASES) times.get(c.label)!.push(once(c));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const floor = median(times.get(CASES[0]!.label)!);
const load = (await import('node:os')).loadavg()[0]!.toFixed(2);
console.log(`\nstart-up, median of ${RUNS} (load average ${load}, ${(await import('node:os')).cpus().length} cores)\n`);
console.log(`${'case'.padEnd(28)} ${'median'.padStart(8)} ${'× node -e 1'.padStart(12)} ${'target'.padStart(8)}`);
for (const c of CASES) {
  const m = median(times.get(c.label)!);
  const verdict = c.target ? `${String(c.target).padStart(5)} ms ${m <= c.target ? 'ok' : 'OVER'}` : '';
  console.log(`${c.label.padEnd(28)} ${`${m.toFixed(0)} ms`.padStart(8)} ${`${(m / floor).toFixed(1)}×`.padStart(12)} ${verdict.padStart(8)}`);
}
if (tempData) rmSync(tempData, { recursive: true, force: true });
