import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runNode } from '../../helpers/cli.js';

/** `%GetOptimizationStatus` bits: the function has optimized code, made by TurboFan. */
const OPTIMIZED = 1 << 4;
const TURBOFANNED = 1 << 6;

/** "reason … at position" for each time V8 threw away the optimized tokenizer, from its deopt trace. */
function tokenizerDeopts(trace: string): string[] {
  const out: string[] = [];
  const lines = trace.split('\n');
  for (let k = 0; k < lines.length; k++) {
    if (!/deoptimizing .*<JSFunction tokenize /.test(lines[k]!)) continue;
    const reason = /reason: ([^)]*)\)/.exec(lines[k]!)?.[1] ?? '?';
    const at = /deoptimize at <([^>]*)>/.exec(lines[k + 1] ?? '')?.[1] ?? '?';
    out.push(`${reason} at ${at}`);
  }
  return out;
}

describe('tokenizer warm-up', () => {
  it('leaves V8 nothing in the tokenizer that a later text can deoptimize', async () => {
    // The analyzer warms the tokenizer; V8 then optimizes it from that feedback alone, and 20,000 mixed texts (URLs,
    // emoji, non-Latin scripts, HTML, control characters, 100 KB) must not make it leave the optimized code. If this
    // fails after a tokenizer change, add a text that takes the new branch to WARMUP_TEXTS.
    const { stdout, stderr, code } = await runNode([
      '--allow-natives-syntax',
      '--no-concurrent-recompilation',
      '--trace-deopt-verbose',
      '--import',
      'tsx',
      join(ROOT, 'test/helpers/tokenizer-deopt-probe.ts'),
    ]);
    expect(code, stderr).toBe(0);
    // V8 writes its trace through its own buffered stdout, so a block of it can land just before the probe's line
    // without a line break: find the line's start anywhere, not only at a line start.
    const at = stdout.lastIndexOf('PROBE {');
    expect(at, stderr).toBeGreaterThanOrEqual(0);
    const line = stdout.slice(at).split('\n')[0]!;
    const probe = JSON.parse(line.slice(6)) as { before: number; after: number; texts: number };
    expect(probe.texts).toBe(20_003);
    expect(tokenizerDeopts(stdout)).toEqual([]);
    expect(probe.before & (OPTIMIZED | TURBOFANNED)).toBe(OPTIMIZED | TURBOFANNED);
    expect(probe.after & (OPTIMIZED | TURBOFANNED)).toBe(OPTIMIZED | TURBOFANNED);
  });

});
