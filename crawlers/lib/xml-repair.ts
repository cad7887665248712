/** Items of a feed: an element cut off inside one of these is dropped whole, never stored half-written. */
const ITEM_TAGS = new Set(['item', 'entry']);

/**
 * Lenient recovery for a feed that ends early (no `</rss>`, or cut off mid-item): scans the tags (skipping comments,
 * CDATA, processing instructions and self-closing tags), drops a trailing partial tag and any item left open, then
 * closes the elements still open, innermost first. Undefined when nothing was open (the document is not truncated;
 * its fault lies elsewhere and is not guessed at).
 */
export function closeTruncatedXml(xml: string): { xml: string; droppedPartialItem: boolean } | undefined {
  const stack: { name: string; start: number }[] = [];
  const tag = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<(\/?)([A-Za-z_][\w:.-]*)((?:"[^"]*"|'[^']*'|[^'">])*?)(\/?)>/g;
  let end = 0;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    end = tag.lastIndex;
    const [, closing, name, , selfClosing] = m;
    if (!name || selfClosing) continue;
    if (!closing) stack.push({ name, start: m.index });
    else {
      const at = stack.map((e) => e.name).lastIndexOf(name);
      if (at >= 0) stack.length = at; // also closes anything left open inside it, as HTML parsers do
    }
  }
  if (!stack.length) return undefined;
  let body = xml.slice(0, end);
  let droppedPartialItem = false;
  const open = stack.findIndex((e) => ITEM_TAGS.has(e.name.toLowerCase()));
  if (open >= 0) {
    body = xml.slice(0, stack[open]!.start);
    stack.length = open;
    droppedPartialItem = true;
  }
  return { xml: `${body}${stack.reverse().map((e) => `</${e.name}>`).join('')}`, droppedPartialItem };
}
