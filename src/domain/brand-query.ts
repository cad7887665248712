/**
 * Boolean brand queries as Brandwatch and Talkwalker users write them:
 * `("Northwind" OR @northwindcoffee) AND (coffee OR latte) NOT ("wind farm" OR Traders)`.
 *
 * Grammar (case-insensitive operators and words; NOT binds tightest, then NEAR, then AND, then OR):
 *   or    := and ("OR" and)*
 *   and   := unary (["AND"] unary)*          juxtaposition is AND; `a NOT b` is `a AND NOT b`
 *   unary := "NOT" unary | near
 *   near  := atom ("NEAR/" n atom)*          both sides within n words of each other, either order
 *   atom  := "(" or ")" | "phrase" | word[*]  a trailing `*` matches any word starting with the rest
 * A word matches whole words only; `@handle` and `#tag` match only with their sign, a plain word also matches its
 * `@`/`#` form.
 */

export type QueryNode =
  | { op: 'or' | 'and'; args: QueryNode[] }
  | { op: 'not'; arg: QueryNode }
  | { op: 'near'; distance: number; left: QueryNode; right: QueryNode }
  | { op: 'phrase'; words: string[]; prefix: boolean };

/** A query that does not parse: `column` is 1-based, where the problem starts. */
export class QuerySyntaxError extends Error {
  constructor(message: string, readonly column: number) {
    super(`${message} at column ${column}`);
    this.name = 'QuerySyntaxError';
  }
}

type Token = { kind: 'lp' | 'rp' | 'and' | 'or' | 'not' | 'near' | 'phrase' | 'word'; text: string; col: number; n?: number };

const WORD = /[@#]?[\p{L}\p{N}_]+(?:['’.-][\p{L}\p{N}_]+)*\*?/uy;

function tokenize(q: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < q.length) {
    const ch = q[i]!;
    const col = i + 1;
    if (/\s/.test(ch)) { i += 1; continue; }
    if (ch === '(' || ch === ')') { out.push({ kind: ch === '(' ? 'lp' : 'rp', text: ch, col }); i += 1; continue; }
    if (ch === '"') {
      const end = q.indexOf('"', i + 1);
      if (end < 0) throw new QuerySyntaxError('unclosed quote', col);
      const text = q.slice(i + 1, end).trim();
      if (!text) throw new QuerySyntaxError('empty phrase', col);
      out.push({ kind: 'phrase', text, col });
      i = end + 1;
      continue;
    }
    const near = /NEAR\/(\d+)/y;
    near.lastIndex = i;
    const nm = near.exec(q);
    if (nm) { out.push({ kind: 'near', text: nm[0], col, n: Number(nm[1]) }); i = near.lastIndex; continue; }
    if (/^NEAR\b/.test(q.slice(i))) throw new QuerySyntaxError('NEAR needs a distance, as in NEAR/3', col);
    WORD.lastIndex = i;
    const m = WORD.exec(q);
    if (!m) throw new QuerySyntaxError(`unexpected "${ch}"`, col);
    const w = m[0];
    const kind = w === 'AND' ? 'and' : w === 'OR' ? 'or' : w === 'NOT' ? 'not' : 'word';
    out.push({ kind, text: w, col });
    i = WORD.lastIndex;
  }
  return out;
}

const words = (s: string) => (s.toLowerCase().match(/[@#]?[\p{L}\p{N}_]+/gu) ?? []);

/** Parses a query; throws `QuerySyntaxError` (with its column) when it does not parse. */
export function parseQuery(query: string): QueryNode {
  const toks = tokenize(query);
  let p = 0;
  const peek = () => toks[p];
  const endCol = query.length + 1;
  const fail = (msg: string, t = peek()): never => { throw new QuerySyntaxError(msg, t?.col ?? endCol); };

  const atom = (): QueryNode => {
    const t = peek();
    if (!t) return fail('the query ends where a word, phrase or "(" was expected');
    if (t.kind === 'lp') {
      p += 1;
      const inner = or();
      if (peek()?.kind !== 'rp') fail(peek() ? `expected ")" but found "${peek()!.text}"` : '"(" is never closed', peek() ?? t);
      p += 1;
      return inner;
    }
    if (t.kind === 'phrase' || t.kind === 'word') {
      p += 1;
      const prefix = t.text.endsWith('*');
      const ws = words(prefix ? t.text.slice(0, -1) : t.text);
      if (!ws.length) fail('a phrase needs at least one word', t);
      return { op: 'phrase', words: ws, prefix };
    }
    return fail(`expected a word, phrase or "(" but found ${t.kind === 'rp' ? '")"' : `"${t.text}"`}`, t);
  };
  const near = (): QueryNode => {
    let left = atom();
    while (peek()?.kind === 'near') {
      const t = toks[p]!;
      p += 1;
      const right = atom();
      if (!spanning(left) || !spanning(right)) fail('NEAR joins words, phrases or ORs of them', t);
      left = { op: 'near', distance: t.n!, left, right };
    }
    return left;
  };
  const unary = (): QueryNode => {
    if (peek()?.kind === 'not') { p += 1; return { op: 'not', arg: unary() }; }
    return near();
  };
  const and = (): QueryNode => {
    const args = [unary()];
    for (;;) {
      const t = peek();
      if (!t || t.kind === 'or' || t.kind === 'rp') break;
      if (t.kind === 'and') { p += 1; if (!peek()) fail('the query ends after AND'); }
      args.push(unary());
    }
    return args.length === 1 ? args[0]! : { op: 'and', args };
  };
  function or(): QueryNode {
    const args = [and()];
    while (peek()?.kind === 'or') { p += 1; args.push(and()); }
    return args.length === 1 ? args[0]! : { op: 'or', args };
  }
  if (!toks.length) fail('the query is empty');
  const tree = or();
  if (p < toks.length) fail(peek()!.kind === 'rp' ? 'unmatched ")"' : `unexpected "${peek()!.text}"`);
  return tree;
}

/** Nodes NEAR can measure: words, phrases, and ORs and NEARs of them. */
function spanning(n: QueryNode): boolean {
  return n.op === 'phrase' || n.op === 'near' || (n.op === 'or' && n.args.every(spanning));
}

type Span = [number, number];

function wordMatches(pattern: string, prefix: boolean, word: string): boolean {
  const bare = word.replace(/^[@#]/, '');
  const candidates = /^[@#]/.test(pattern) ? [word] : [word, bare];
  return candidates.some((w) => (prefix ? w.startsWith(pattern) : w === pattern));
}

function spans(n: QueryNode, text: string[]): Span[] {
  if (n.op === 'phrase') {
    const out: Span[] = [];
    for (let i = 0; i + n.words.length <= text.length; i += 1) {
      const ok = n.words.every((w, k) => wordMatches(w, n.prefix && k === n.words.length - 1, text[i + k]!));
      if (ok) out.push([i, i + n.words.length - 1]);
    }
    return out;
  }
  if (n.op === 'or') return n.args.flatMap((a) => spans(a, text));
  if (n.op === 'near') {
    const l = spans(n.left, text);
    const r = spans(n.right, text);
    const out: Span[] = [];
    for (const a of l) for (const b of r) {
      const gap = a[0] <= b[0] ? b[0] - a[1] - 1 : a[0] - b[1] - 1;
      if (gap <= n.distance) out.push([Math.min(a[0], b[0]), Math.max(a[1], b[1])]);
    }
    return out;
  }
  return evaluate(n, text) ? [[0, Math.max(0, text.length - 1)]] : [];
}

function evaluate(n: QueryNode, text: string[]): boolean {
  switch (n.op) {
    case 'and': return n.args.every((a) => evaluate(a, text));
    case 'or': return n.args.some((a) => evaluate(a, text));
    case 'not': return !evaluate(n.arg, text);
    default: return spans(n, text).length > 0;
  }
}

/** A compiled query: `matches(text)` is true when the text satisfies it (case-insensitive, whole words). */
export function compileBrandQuery(query: string): { matches(text: string): boolean } {
  const tree = parseQuery(query);
  return { matches: (text) => evaluate(tree, words(text)) };
}
