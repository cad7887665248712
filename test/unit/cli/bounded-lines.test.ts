import { describe, expect, it } from 'vitest';
import { boundedLines, type BoundedLine } from '../../../src/cli/bounded-lines.js';

async function lines(chunks: Array<Buffer | string>, max = 10, quoted = false): Promise<BoundedLine[]> {
  const out: BoundedLine[] = [];
  for await (const l of boundedLines((async function* () { yield* chunks; })(), max, { quoted })) out.push(l);
  return out;
}

describe('boundedLines', () => {
  it('splits on \\n and \\r\\n across chunk boundaries, last line without a break included', async () => {
    expect(await lines(['ab\r', '\ncd\n\nef'])).toEqual([{ n: 1, text: 'ab' }, { n: 2, text: 'cd' }, { n: 3, text: '' }, { n: 4, text: 'ef' }]);
  });

  it('CSV records: a line break inside quotes (split across chunks too) stays in the record; escaped quotes do not end it', async () => {
    expect(await lines(['a,"x', '\ny"\n', 'b,"q""\n"\r\nc\n'], 100, true)).toEqual([
      { n: 1, text: 'a,"x\ny"' },
      { n: 2, text: 'b,"q""\n"' },
      { n: 3, text: 'c' },
    ]);
    expect(await lines(['a,"0123456789\n"\nok\n'], 10, true)).toEqual([{ n: 1, tooLong: 15 }, { n: 2, text: 'ok' }]);
  });

  it('keeps a UTF-8 character split across chunks intact', async () => {
    const bytes = Buffer.from('café\n');
    expect(await lines([bytes.subarray(0, 4), bytes.subarray(4)])).toEqual([{ n: 1, text: 'café' }]);
  });

  it('skips a byte order mark at the start only', async () => {
    expect(await lines([Buffer.from('\uFEFFa\n\uFEFFb\n')])).toEqual([{ n: 1, text: 'a' }, { n: 2, text: '\uFEFFb' }]);
  });

  it('a line over the cap is reported with its size, the next line is whole', async () => {
    expect(await lines(['0123456789', '\n01234', '56789x', 'yz\nok'])).toEqual([
      { n: 1, text: '0123456789' },
      { n: 2, tooLong: 13 },
      { n: 3, text: 'ok' },
    ]);
    expect(await lines(['0123456789abc'])).toEqual([{ n: 1, tooLong: 13 }]);
  });
});
