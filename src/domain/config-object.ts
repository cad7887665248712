import { z } from 'zod';

/**
 * A mapping of a config file: unknown keys are errors (a typo such as `alert:` for `alerts:` must not pass as "no
 * rules"). Keys starting with `x-` are the exception: they hold YAML anchors and are dropped by the config loader.
 * Use it for config mappings only; documents read back from the store (Mention, RawItem) stay tolerant.
 */
export function configObject<T extends z.core.$ZodLooseShape>(shape: T) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (iss) => (iss.code === 'unrecognized_keys' ? iss.keys.map((k) => unknownKeyMessage(k, known)).join('\n') : undefined),
  });
}

/**
 * The message of an `unrecognized_keys` issue raised by `configObject`: one line per key, in the order of
 * `issue.keys`, so a formatter can print each key at its own path.
 */
export function unknownKeyMessages(issue: { keys: readonly string[]; message: string }): string[] {
  const lines = issue.message.split('\n');
  return issue.keys.map((k, i) => (lines.length === issue.keys.length ? lines[i]! : `unknown key "${k}"`));
}

function unknownKeyMessage(key: string, known: string[]): string {
  const hint = closest(key, known);
  return hint ? `unknown key (did you mean "${hint}"?)` : `unknown key (expected one of: ${known.join(', ')})`;
}

/** The known key a typo most likely meant: same up to case, ≤ 2 edits, or the one sharing the longest prefix (≥ 4: `exclude` → `exclusions`). */
function closest(key: string, known: string[]): string | undefined {
  const k = key.toLowerCase();
  let best: { key: string; d: number } | undefined;
  for (const c of known) {
    const d = editDistance(k, c.toLowerCase());
    if (d <= 2 && d < key.length && (!best || d < best.d)) best = { key: c, d };
  }
  if (best) return best.key;
  const shared = known.map((c) => ({ key: c, n: commonPrefix(k, c.toLowerCase()) })).filter((c) => c.n >= 4);
  const top = Math.max(0, ...shared.map((c) => c.n));
  const tops = shared.filter((c) => c.n === top);
  return tops.length === 1 ? tops[0]!.key : undefined;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}
