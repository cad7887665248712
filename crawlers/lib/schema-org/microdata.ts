import type { AnyNode, CheerioAPI, Element } from 'cheerio';
import type { SchemaNode } from './node.js';

const URL_ATTRS: Record<string, string> = {
  a: 'href', area: 'href', link: 'href', img: 'src', audio: 'src', video: 'src', source: 'src', embed: 'src', iframe: 'src', track: 'src', object: 'data',
};

function isElement(n: AnyNode): n is Element {
  return n.type === 'tag' || n.type === 'script' || n.type === 'style';
}

/** The value of an `itemprop` element as the microdata spec defines it (content, href, datetime, text …). */
function propValue($: CheerioAPI, el: Element, base: string): string {
  const $el = $(el);
  const tag = el.tagName.toLowerCase();
  if ($el.attr('content') !== undefined) return $el.attr('content')!;
  const urlAttr = URL_ATTRS[tag];
  if (urlAttr) {
    const raw = $el.attr(urlAttr) ?? '';
    try {
      return new URL(raw, base).href;
    } catch {
      return raw;
    }
  }
  if ((tag === 'data' || tag === 'meter') && $el.attr('value') !== undefined) return $el.attr('value')!;
  if (tag === 'time' && $el.attr('datetime') !== undefined) return $el.attr('datetime')!;
  return $el.text().replace(/\s+/g, ' ').trim();
}

function addProp(node: SchemaNode, names: string, value: unknown): void {
  for (const name of names.split(/\s+/).filter(Boolean)) {
    const prev = node[name];
    node[name] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
}

function buildItem($: CheerioAPI, el: Element, base: string, depth: number): SchemaNode {
  const $el = $(el);
  const node: SchemaNode = {};
  const types = ($el.attr('itemtype') ?? '').split(/\s+/).filter(Boolean);
  if (types.length) node['@type'] = types.length === 1 ? types[0] : types;
  const id = $el.attr('itemid');
  if (id) {
    try {
      node['@id'] = new URL(id, base).href;
    } catch {
      node['@id'] = id;
    }
  }
  const lang = $el.attr('lang');
  if (lang) node['@lang'] = lang;
  const walk = (parent: Element) => {
    for (const child of parent.children) {
      if (!isElement(child)) continue;
      const $c = $(child);
      const prop = $c.attr('itemprop');
      const scoped = $c.attr('itemscope') !== undefined;
      if (prop) {
        addProp(node, prop, scoped && depth < 20 ? buildItem($, child, base, depth + 1) : propValue($, child, base));
        if (scoped) continue; // its descendants belong to the nested item
      } else if (scoped) continue; // a separate top-level item
      walk(child);
    }
  };
  walk(el);
  return node;
}

/** Every top-level microdata item of the page (`itemscope` without `itemprop`) as a JSON-LD-like object. */
export function readMicrodata($: CheerioAPI, baseUrl: string): SchemaNode[] {
  const items: SchemaNode[] = [];
  $('[itemscope]').each((_, el) => {
    const $el = $(el);
    if ($el.attr('itemprop') !== undefined && $el.parents('[itemscope]').length) return;
    items.push(buildItem($, el as Element, baseUrl, 0));
  });
  return items;
}
