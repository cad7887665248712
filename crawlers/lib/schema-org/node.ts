/** A schema.org object as found in JSON-LD or built from microdata: `@type`, `@id` and properties. */
export type SchemaNode = { [key: string]: unknown };

export const isNode = (v: unknown): v is SchemaNode => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `@type` as short names (`https://schema.org/Review` → `Review`). */
export function typesOf(node: SchemaNode): string[] {
  const t = node['@type'] ?? node.type;
  const list = Array.isArray(t) ? t : t === undefined ? [] : [t];
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^.*[/#:]/, ''));
}

/** Every value of a property, arrays flattened (JSON-LD allows one or many). */
export function values(node: SchemaNode, prop: string): unknown[] {
  const v = node[prop];
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v.flat() : [v];
}

/** A property as text: strings, numbers, `{"@value": …}`; the first of several. */
export function text(node: SchemaNode | undefined, ...props: string[]): string | undefined {
  if (!node) return undefined;
  for (const prop of props) {
    for (const v of values(node, prop)) {
      const s = scalar(v);
      if (s !== undefined && s.trim() !== '') return s.trim();
    }
  }
  return undefined;
}

function scalar(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (isNode(v) && '@value' in v) return scalar(v['@value']);
  return undefined;
}

/** A number written as a number or a string ("4", "4.5", "4,5", " 8 / 10"); undefined when there is none. */
export function num(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  const s = typeof v === 'string' ? v : isNode(v) ? scalar(v['@value']) : undefined;
  if (s === undefined) return undefined;
  const m = /^\s*(-?\d+(?:[.,]\d+)?)/.exec(s);
  return m ? Number(m[1]!.replace(',', '.')) : undefined;
}

/** First value of a property that is an object, following `@id` references through `byId`. */
export function objectProp(node: SchemaNode, prop: string, byId: Map<string, SchemaNode>): SchemaNode | undefined {
  for (const v of values(node, prop)) {
    if (isNode(v)) return resolveRef(v, byId);
  }
  return undefined;
}

/** An `{"@id": …}` reference replaced by the node it names, when the page defines it. */
export function resolveRef(v: SchemaNode, byId: Map<string, SchemaNode>): SchemaNode {
  const id = v['@id'];
  const onlyRef = typeof id === 'string' && Object.keys(v).every((k) => k === '@id');
  return onlyRef ? (byId.get(id) ?? v) : v;
}
