import type { CheerioAPI } from 'cheerio';
import { isNode, type SchemaNode } from './node.js';

/** What the JSON-LD blocks of a page hold: their top-level values, and one message per block that did not parse. */
export interface JsonLdBlocks {
  blocks: unknown[];
  errors: string[];
}

/** Parses JSON the way sites actually write it: comments/CDATA wrappers, raw newlines in strings, trailing commas. */
function parseLenient(raw: string): unknown {
  const src = raw
    .trim()
    .replace(/^<!--|-->$/g, '')
    .replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '')
    .replace(/^\s*\/\/.*$/gm, '')
    .trim();
  try {
    return JSON.parse(src);
  } catch (first) {
    const repaired = src.replace(/[\r\n\t]+/g, ' ').replace(/,\s*([}\]])/g, '$1');
    try {
      return JSON.parse(repaired);
    } catch {
      throw first;
    }
  }
}

/**
 * Every `<script type="application/ld+json">` block of the page. A malformed block is reported and skipped; the
 * valid blocks next to it are still returned.
 */
export function readJsonLd($: CheerioAPI): JsonLdBlocks {
  const blocks: unknown[] = [];
  const errors: string[] = [];
  $('script[type]').each((i, el) => {
    const type = ($(el).attr('type') ?? '').split(';', 1)[0]!.trim().toLowerCase();
    if (type !== 'application/ld+json') return;
    const raw = $(el).text();
    if (!raw.trim()) return;
    try {
      blocks.push(parseLenient(raw));
    } catch (err) {
      errors.push(`JSON-LD block ${i + 1} is not valid JSON (${(err as Error).message.slice(0, 120)}); other blocks still read`);
    }
  });
  return { blocks, errors };
}

/**
 * Every object in the blocks (arrays, `@graph`, nested values), parents before children, each once, with the map of
 * `@id` → the fullest node carrying that id (so references like `"author": {"@id": "#p1"}` can be resolved).
 */
export function flattenNodes(roots: unknown[]): { nodes: SchemaNode[]; byId: Map<string, SchemaNode> } {
  const nodes: SchemaNode[] = [];
  const byId = new Map<string, SchemaNode>();
  const seen = new Set<unknown>();
  const visit = (v: unknown, depth: number) => {
    if (depth > 40 || v === null || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
      return;
    }
    const node = v as SchemaNode;
    nodes.push(node);
    const id = node['@id'];
    if (typeof id === 'string' && Object.keys(node).length > 1) {
      const prev = byId.get(id);
      if (!prev || Object.keys(node).length > Object.keys(prev).length) byId.set(id, node);
    }
    for (const [key, child] of Object.entries(node)) {
      if (key !== '@context' && (isNode(child) || Array.isArray(child))) visit(child, depth + 1);
    }
  };
  for (const r of roots) visit(r, 0);
  return { nodes, byId };
}
