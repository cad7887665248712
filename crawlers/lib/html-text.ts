import { load } from 'cheerio';

const BLOCKS = 'p,div,li,ul,ol,h1,h2,h3,h4,h5,h6,blockquote,pre,tr,table,section,article,header,footer';

/** Collapses runs of spaces and blank lines; trims every line. */
export function normaliseSpace(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[\s\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * HTML (a feed description, a Mastodon status, a review body) as readable plain text: entities decoded, `<br>` and
 * block elements become line breaks, scripts and styles dropped. Plain text passes through (whitespace normalised).
 */
export function htmlToText(html: string | undefined | null): string {
  if (!html) return '';
  if (!/[<&]/.test(html)) return normaliseSpace(html);
  const $ = load(html, null, false);
  $('script,style,noscript,template').remove();
  $('br').replaceWith('\n');
  $(BLOCKS).each((_, el) => {
    $(el).prepend('\n').append('\n');
  });
  return normaliseSpace($.root().text());
}
