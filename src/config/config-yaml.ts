import type { Document, Node } from 'yaml';
import { cachedValue, cacheKey, storeValue, yamlModule, yamlVersion } from './yaml-cache.js';

/**
 * A config's YAML, read for `checkConfig`: its syntax errors (as lines), or its document, or, where the document can
 * be cached, the plain tree it stands for before `${VAR}` substitution.
 */
export type ConfigYaml = { errors: string[] } | { doc: Document } | { tree: unknown };

/**
 * Parse config text. With `cache`, a tree is kept as JSON under the hash of the text, so the next start-up with the
 * same file skips the YAML library altogether (about 150 ms of cold parser code on the demo's 7 KB config, most of
 * `config check`). Only a tree whose substitution reads the same on plain values as on the document is cached: no
 * `${VAR}` inside an anchored node (aliases and merge keys copy or share it), plain string keys, JSON-safe values.
 * Documents with errors are never cached.
 */
export function parseConfigText(text: string, cache: boolean): ConfigYaml {
  // The parser's version is part of the key: another version may read the same text differently.
  const key = cache ? cacheKey('config-tree', yamlVersion(), text) : undefined;
  if (key) {
    const hit = cachedValue(key);
    if (hit !== undefined) return { tree: hit };
  }
  const { parseDocument } = yamlModule();
  const doc = parseDocument(text, { prettyErrors: true, merge: true });
  if (doc.errors.length) {
    // After the first syntax error the parser reports every later token; a few lines say it all.
    const lines = [...new Set(doc.errors.map((e) => `YAML ${e.linePos?.[0] ? `line ${e.linePos[0].line}: ` : ''}${e.message.split('\n')[0]}`))];
    return { errors: lines.length > 3 ? [...lines.slice(0, 3), `YAML: ${lines.length - 3} more error(s) after these`] : lines };
  }
  if (!key || !plainDocument(doc.contents as Node | null)) return { doc };
  let tree: unknown;
  try {
    // Merge keys (`<<: *anchor`) and aliases are resolved here; a bad one is a YAML problem in the file.
    tree = doc.toJS();
  } catch (err) {
    return { errors: [`YAML: ${(err as Error).message.split('\n')[0]}`] };
  }
  if (!jsonSafe(tree)) return { doc };
  storeValue(key, tree);
  return { tree };
}

/**
 * Whether substituting `${VAR}` in the plain tree of the document gives what substituting in the document does: no
 * placeholder in or under an anchored node, and every map key a string scalar that keeps its place.
 */
function plainDocument(root: Node | null | undefined): boolean {
  const { isAlias, isMap, isScalar, isSeq } = yamlModule();
  const plain = (node: Node | null | undefined, inAnchor: boolean): boolean => {
    if (!node) return true;
    const anchored = inAnchor || Boolean((node as { anchor?: string }).anchor);
    if (isMap(node)) {
      for (const pair of node.items) {
        const k = isScalar(pair.key) ? pair.key.value : undefined;
        // A merge key (`<<: *base`, `<<: [*a, *b]`) brings in anchored maps, checked at their anchors.
        if (typeof k === 'symbol') {
          const v = pair.value as Node | null;
          if (isAlias(v) || (isSeq(v) && v.items.every((x) => isAlias(x)))) continue;
          return false;
        }
        // Keys that a plain object would reorder ("200") or treat specially ("__proto__") stay with the document.
        if (typeof k !== 'string' || /^(?:0|[1-9]\d*)$/.test(k) || k === '__proto__') return false;
        if (!plain(pair.value as Node | null, anchored)) return false;
      }
      return true;
    }
    if (isSeq(node)) return node.items.every((item) => plain(item as Node | null, anchored));
    if (isScalar(node)) return !(anchored && typeof node.value === 'string' && node.value.includes('${'));
    return true; // an alias: what it stands for is checked at its anchor
  };
  return plain(root, false);
}

/** Whether JSON keeps `v` as it is: strings, finite numbers, booleans, null, arrays and plain objects of them. */
function jsonSafe(v: unknown): boolean {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  if (Array.isArray(v)) return v.every(jsonSafe);
  if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) return Object.values(v).every(jsonSafe);
  return false;
}
