/**
 * Does `earshot analyze` stream? Feeds the real CLI JSONL generated on the fly (never held in memory or on disk)
 * at two sizes and prints the child's peak resident memory (VmHWM) for each: constant memory means the peak does
 * not grow with the input.
 *
 *   npx tsx bench/analyze-memory.ts [BIG_MB=1024] [SMALL_MB=32]
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const bigMb = Number(process.argv[2] ?? 1024);
const smallMb = Number(process.argv[3] ?? 32);
const HEAP_CAP_MB = 192;

const SENTENCES = [
  'The food was great but the service was painfully slow.',
  'Not worth it. Stopped working after two days and support never answered.',
  'Highly recommend, five stars, worth every penny!',
  'I wanted to love it, but the app keeps crashing at checkout 😡',
  'Delivery was quick and the packaging was fine.',
  'Would not recommend. Cancelled my subscription and switching to another service.',
  'Is there a way to change my order after paying?',
  'Absolutely love the new latte, the staff are so friendly :)',
];

function line(i: number): string {
  const text = `${SENTENCES[i % SENTENCES.length]} ${SENTENCES[(i * 7 + 3) % SENTENCES.length]} #${i}`;
  return `${JSON.stringify({ id: i, text, rating: (i % 5) + 1 })}\n`;
}

function peakRssMb(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

async function run(mb: number): Promise<{ mb: number; lines: number; seconds: number; peakMb: number }> {
  const target = mb * 1024 * 1024;
  // A fixed heap cap: V8 otherwise grows its heap lazily with work done, which looks like growth but is not a leak.
  // Finishing a 1 GB input under the cap is itself the proof that memory does not grow with the input.
  const child = spawn(process.execPath, [`--max-old-space-size=${HEAP_CAP_MB}`, '--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'analyze'], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, MONGO_URL: '', REDIS_URL: '' },
  });
  let out = 0;
  let peak = 0;
  child.stdout.on('data', (d: Buffer) => {
    for (let i = 0; i < d.length; i++) if (d[i] === 10) out++;
  });
  const sample = () => {
    const mb = peakRssMb(child.pid!);
    if (Number.isFinite(mb)) peak = Math.max(peak, mb);
  };
  const poll = setInterval(sample, 200);
  const started = Date.now();
  let sent = 0;
  let i = 0;
  while (sent < target) {
    let chunk = '';
    while (chunk.length < 65536) chunk += line(i++);
    sent += chunk.length;
    if (!child.stdin.write(chunk)) await new Promise((r) => child.stdin.once('drain', r));
  }
  child.stdin.end();
  await new Promise<void>((resolve) => {
    child.stdout.on('end', sample);
    child.on('close', () => resolve());
  });
  clearInterval(poll);
  if (out !== i) throw new Error(`expected ${i} output lines, got ${out}`);
  return { mb, lines: i, seconds: (Date.now() - started) / 1000, peakMb: peak };
}

const small = await run(smallMb);
const big = await run(bigMb);
console.log('input      lines        seconds   lines/s    peak RSS');
for (const r of [small, big]) {
  console.log(
    `${String(r.mb).padStart(5)} MB  ${String(r.lines).padStart(10)}  ${r.seconds.toFixed(1).padStart(8)}  ${Math.round(r.lines / r.seconds).toLocaleString('en-US').padStart(8)}  ${r.peakMb.toFixed(0).padStart(6)} MB`,
  );
}
console.log(`child heap capped at ${HEAP_CAP_MB} MB (--max-old-space-size)`);
console.log(`peak RSS ratio ${bigMb} MB vs ${smallMb} MB input: ${(big.peakMb / small.peakMb).toFixed(2)}x (constant memory ≈ 1.0x)`);
