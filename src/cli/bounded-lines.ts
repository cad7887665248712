/** What `boundedLines` yields for each input line: its 1-based number and its text, or its size when over the cap. */
export type BoundedLine = { n: number; text: string } | { n: number; tooLong: number };

const NEWLINE = 0x0a;
const QUOTE = 0x22;
const CR = 0x0d;

export interface BoundedLinesOptions {
  /**
   * CSV records: a line break inside double quotes belongs to the record (RFC 4180; `""` inside quotes toggles
   * twice, so it stays quoted). Default false.
   */
  quoted?: boolean;
}

/**
 * Split a byte stream into lines (`\n` or `\r\n`) holding at most `maxBytes` of one line in memory: a longer line is
 * streamed past, not buffered, and yielded as `{tooLong: bytes}` so the caller can report it and go on. A UTF-8 byte
 * order mark at the start of the stream is skipped. Lines are decoded as UTF-8 whole, so a character split across
 * chunks stays intact.
 * @param maxBytes longest line kept, in bytes (without its line break).
 */
export async function* boundedLines(input: AsyncIterable<Buffer | string>, maxBytes: number, opts: BoundedLinesOptions = {}): AsyncGenerator<BoundedLine> {
  let parts: Buffer[] = [];
  let size = 0;
  /** Bytes of the current line once it went over the cap (then nothing of it is kept). */
  let over = -1;
  let n = 0;
  let atStart = true;
  let inQuotes = false;
  let lastByte = -1;
  /** The next line break at or after `from` that ends a line (outside quotes, for CSV), or -1. */
  const nextBreak = (chunk: Buffer, from: number): number => {
    if (!opts.quoted) return chunk.indexOf(NEWLINE, from);
    for (let i = from; i < chunk.length; i++) {
      const b = chunk[i];
      if (b === QUOTE) inQuotes = !inQuotes;
      else if (b === NEWLINE && !inQuotes) return i;
    }
    return -1;
  };
  const finish = (): BoundedLine => {
    n += 1;
    if (over >= 0) {
      const line = { n, tooLong: lastByte === CR ? over - 1 : over }; // a CRLF's CR is part of the break
      over = -1;
      return line;
    }
    let text = Buffer.concat(parts, size).toString('utf8');
    parts = [];
    size = 0;
    if (text.endsWith('\r')) text = text.slice(0, -1);
    return { n, text };
  };
  const add = (piece: Buffer) => {
    if (piece.length) lastByte = piece[piece.length - 1]!;
    if (over >= 0) over += piece.length;
    else if (size + piece.length > maxBytes) {
      over = size + piece.length;
      parts = [];
      size = 0;
    } else if (piece.length) {
      parts.push(piece);
      size += piece.length;
    }
  };

  for await (const raw of input) {
    let chunk = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
    if (atStart && chunk.length) {
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
      atStart = false;
    }
    let pos = 0;
    for (let nl = nextBreak(chunk, pos); nl !== -1; nl = nextBreak(chunk, pos)) {
      add(chunk.subarray(pos, nl));
      yield finish();
      pos = nl + 1;
    }
    // Copy the tail: a kept subarray would pin the whole chunk.
    if (pos < chunk.length) add(over >= 0 ? chunk.subarray(pos) : Buffer.from(chunk.subarray(pos)));
  }
  if (size > 0 || over >= 0) yield finish();
}
