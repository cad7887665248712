import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runNode } from '../../helpers/cli.js';

/** Prints the process's peak resident memory (KiB) as the last stderr line when it exits. */
const REPORT_MAX_RSS = `data:text/javascript,process.on('exit', () => process.stderr.write('maxrss_kib=' + process.resourceUsage().maxRSS + '\\n'))`;

/** `earshot analyze` through the real CLI, with its peak memory. */
async function analyze(input: Buffer | string) {
  const r = await runNode(['--import', 'tsx', '--import', REPORT_MAX_RSS, join(ROOT, 'src/cli/main.ts'), 'analyze'], {
    input,
    env: { ...process.env, MONGO_URL: '', REDIS_URL: '', EARSHOT_DEBUG: '' },
  });
  const maxRssMiB = Number(/maxrss_kib=(\d+)/.exec(r.stderr)?.[1]) / 1024;
  const ids = r.stdout.trim().split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { id: unknown }).id);
  return { ...r, ids, maxRssMiB, problems: r.stderr.split('\n').filter((l) => l.startsWith('earshot:')) };
}

const line = (id: string, text: string) => JSON.stringify({ id, text });

describe('earshot analyze on hostile input', () => {
  it('a UTF-8 byte order mark does not cost line 1 (CRLF line ends too)', async () => {
    const r = await analyze(`\uFEFF${line('first', 'Great coffee, friendly staff.')}\r\n${line('second', 'The wait was far too long.')}\r\n`);
    expect(r.problems).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.ids).toEqual(['first', 'second']);
  });

  it('CSV: an over-long record (a 3 MB quoted field) is reported by row and skipped; the records after it, multi-line ones too, are scored', async () => {
    const big = `"${'so slow, '.repeat((3 * 1024 * 1024) / 9)}"`;
    const input = ['id,text', '1,Great coffee.', `2,${big}`, '3,"Awful service,\nand cold food."', '4,"She said ""never again"""', ''].join('\r\n');
    const r = await runNode(['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'analyze', '--format', 'csv'], {
      input,
      env: { ...process.env, MONGO_URL: '', REDIS_URL: '', EARSHOT_DEBUG: '' },
    });
    expect(r.code).toBe(1);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; sentiment: { label: string } });
    expect(out.map((o) => o.id)).toEqual(['1', '3', '4']);
    expect(out[1]!.sentiment.label).toBe('negative');
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([`earshot: CSV row 3: longer than 1 MB (${Buffer.byteLength(big) + 2} bytes), skipped`, 'earshot: 1 line(s) skipped']);
  });

  it('a 50 MB line is reported by number and skipped in bounded memory; the lines after it are still scored', async () => {
    const big = `{"id":"huge","text":"${'so slow '.repeat((50 * 1024 * 1024) / 8)}"}`;
    const input = Buffer.from([line('a', 'Great coffee.'), big, line('c', 'Awful service.'), ''].join('\n'));
    const r = await analyze(input);
    expect(r.code).toBe(1);
    expect(r.ids).toEqual(['a', 'c']);
    expect(r.problems).toEqual([`earshot: line 2: longer than 1 MB (${Buffer.byteLength(big)} bytes), skipped`, 'earshot: 1 line(s) skipped']);
    // Buffering the line (the old readline loop) peaked at ~2.1 GB; streaming past it stays near the ~260 MB the
    // CLI takes for a one-line input.
    expect(r.maxRssMiB).toBeGreaterThan(0);
    expect(r.maxRssMiB).toBeLessThan(600);
  });
});
