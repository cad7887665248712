import type { Document, Node } from 'yaml';
import { yamlModule } from './yaml-cache.js';

/** Where a `${NAME}` placeholder sat in the config: its path (`channels.hook.secret`) and the variable. */
export interface Placeholder {
  path: Array<string | number>;
  name: string;
}

const PLACEHOLDER = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;

/**
 * Replace `${NAME}` and `${NAME:-default}` in one piece of text with variables (then the environment). An unset or
 * empty variable without a default is reported in `missing`, not silently replaced by nothing.
 */
export function interpolate(text: string, vars: Record<string, string | undefined>): { text: string; missing: string[] } {
  const missing: string[] = [];
  const out = text.replace(PLACEHOLDER, (_m, name: string, def?: string) => {
    const v = vars[name];
    if (v !== undefined && v !== '') return v;
    if (def !== undefined) return def;
    missing.push(name);
    return '';
  });
  return { text: out, missing };
}

/**
 * Substitute placeholders in a parsed YAML document, in scalar values only: the text of a variable lands inside one
 * string and can never become YAML structure (a `${NOTE}` of `x\nallowPrivateNetworks: true` stays that text).
 * Keys, comments and anchors are left alone. A substituted value is always a string; the loader turns it into a
 * number or true/false where the schema asks for one (see `coerceSubstituted`).
 * @returns the paths of substituted values and the placeholders whose variable is unset.
 */
export function substituteScalars(
  doc: Document,
  vars: Record<string, string | undefined>,
): { substituted: Array<Array<string | number>>; missing: Placeholder[] } {
  const { isMap, isScalar, isSeq } = yamlModule();
  const substituted: Array<Array<string | number>> = [];
  const missing: Placeholder[] = [];
  const walk = (node: Node | null | undefined, path: Array<string | number>): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        walk(pair.value as Node | null, [...path, key]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item as Node | null, [...path, i]));
    } else if (isScalar(node) && typeof node.value === 'string' && node.value.includes('${')) {
      const out = interpolate(node.value, vars);
      for (const name of out.missing) missing.push({ path, name });
      node.value = out.text;
      substituted.push(path);
    }
  };
  walk(doc.contents as Node | null, []);
  return { substituted, missing };
}

/**
 * `substituteScalars` on the plain tree of a document (see `parseConfigText`, which gives one only where the two
 * agree): every string value with a placeholder, in document order; keys are left alone. Changes `tree` in place.
 */
export function substituteValues(
  tree: unknown,
  vars: Record<string, string | undefined>,
): { substituted: Array<Array<string | number>>; missing: Placeholder[] } {
  const substituted: Array<Array<string | number>> = [];
  const missing: Placeholder[] = [];
  const walk = (parent: Record<string | number, unknown>, key: string | number, path: Array<string | number>): void => {
    const value = parent[key];
    if (Array.isArray(value)) value.forEach((_, i) => walk(value as unknown as Record<number, unknown>, i, [...path, i]));
    else if (value && typeof value === 'object') for (const k of Object.keys(value)) walk(value as Record<string, unknown>, k, [...path, k]);
    else if (typeof value === 'string' && value.includes('${')) {
      const out = interpolate(value, vars);
      for (const name of out.missing) missing.push({ path, name });
      parent[key] = out.text;
      substituted.push(path);
    }
  };
  walk({ root: tree }, 'root', []);
  return { substituted, missing };
}

/**
 * How a `${VAR}` in a number or true/false field is read: the substituted text is converted when it spells one
 * exactly (`587`, `1.5`, `true`, `false`), else the field's own error is reported. Returns undefined when it does not.
 */
export function coerceSubstituted(text: string, expected: string): number | boolean | undefined {
  const t = text.trim();
  if (expected === 'number' && /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(t)) return Number(t);
  if (expected === 'boolean' && (t === 'true' || t === 'false')) return t === 'true';
  return undefined;
}
