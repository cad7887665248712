/** The media type of a Content-Type header, lowercased (`text/html`), or '' when absent. */
export function mediaType(contentType: string | string[] | undefined): string {
  const v = Array.isArray(contentType) ? contentType[0] : contentType;
  return (v ?? '').split(';', 1)[0]!.trim().toLowerCase();
}

/** The `charset` parameter of a Content-Type header, or undefined. */
export function charsetOf(contentType: string | string[] | undefined): string | undefined {
  const v = Array.isArray(contentType) ? contentType[0] : contentType;
  const m = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(v ?? '');
  return m?.[1]?.toLowerCase();
}

/** A charset declared inside the first bytes of an HTML or XML document (`<meta charset>`, `http-equiv`, `<?xml encoding>`). */
export function sniffDeclaredCharset(bytes: Buffer): string | undefined {
  const head = bytes.subarray(0, 2048).toString('latin1');
  const meta =
    /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i.exec(head) ?? /<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._:-]+)/i.exec(head);
  return meta?.[1]?.toLowerCase();
}

function bomCharset(bytes: Buffer): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return undefined;
}

/**
 * Decodes a text body the way browsers do: byte-order mark, then the Content-Type charset, then a charset declared in
 * the document, else UTF-8. Unknown charsets fall back to UTF-8 (invalid bytes become U+FFFD, never a crash).
 */
export function decodeText(bytes: Buffer, contentType?: string | string[]): string {
  const candidates = [bomCharset(bytes), charsetOf(contentType), sniffDeclaredCharset(bytes), 'utf-8'];
  for (const label of candidates) {
    if (!label) continue;
    try {
      return new TextDecoder(label).decode(bytes);
    } catch {
      // unknown label: try the next source of truth
    }
  }
  return bytes.toString('utf8');
}

/**
 * True when decoded "text" is really binary (an image or archive served as text/html): NUL bytes, or more than 10% of
 * the first 4 KB being control characters or undecodable bytes.
 */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, 4096);
  if (sample.includes('\u0000')) return true;
  let odd = 0;
  for (const ch of sample) {
    const c = ch.codePointAt(0)!;
    if (c === 0xfffd || (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12)) odd += 1;
  }
  return sample.length > 0 && odd / sample.length > 0.1;
}

/** HTML and XHTML media types. */
export const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
