const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', hellip: '…', mdash: '—', ndash: '–',
  rsquo: "'", lsquo: "'", rdquo: '"', ldquo: '"', eacute: 'é', egrave: 'è', uuml: 'ü', ouml: 'ö', auml: 'ä', szlig: 'ß',
};
const ENTITY = /&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,8});/gi;
/** Tags that end a line of text; everything else is dropped in place. */
const BLOCK_TAG = /<\s*(br|\/?p|\/?div|\/?li|\/?h[1-6]|\/?tr)\b[^>]*>/gi;
const ANY_TAG = /<\/?[a-z][a-z0-9]*\b[^<>]{0,500}>|<!--[\s\S]*?-->/gi;
/** Replacement characters (invalid UTF-8), NEL (a stray cp1252 ellipsis) and other C0/C1 controls except tab and newline. */
// eslint-disable-next-line no-control-regex
const JUNK = /[\uFFFD\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B\uFEFF]/g;
/** The same without the global flag, for a test that keeps no `lastIndex` state. */
const HAS_JUNK = new RegExp(JUNK.source);

function decodeEntity(m: string, body: string): string {
  if (body[0] === '#') {
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : ' ';
  }
  return NAMED_ENTITIES[body.toLowerCase()] ?? m;
}

/**
 * Clean scraped text before scoring: decode HTML entities, turn block tags into line breaks, drop other tags,
 * and blank out replacement characters and control codes. Returns the input unchanged (same string) when there is
 * nothing to clean, so the common case costs a few `indexOf` calls.
 */
export function normalizeText(text: string): string {
  let t = text;
  if (t.indexOf('<') >= 0) t = t.replace(BLOCK_TAG, '\n').replace(ANY_TAG, ' ');
  if (t.indexOf('&') >= 0) t = t.replace(ENTITY, decodeEntity);
  if (HAS_JUNK.test(t)) t = t.replace(JUNK, ' ');
  return t;
}
