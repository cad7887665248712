/**
 * A search query as the demo's search endpoints understand it: words ANDed (case-insensitive substring),
 * `OR` between alternatives, `"quoted phrases"` kept whole. An empty query matches everything.
 */
export function compileQuery(q: string | null | undefined): (text: string) => boolean {
  const query = (q ?? '').trim();
  if (!query) return () => true;
  const alternatives = query.split(/\s+OR\s+|\s*\|\s*/).map((alt) => {
    const terms: string[] = [];
    alt.replace(/"([^"]*)"|(\S+)/g, (_m, phrase: string | undefined, word: string | undefined) => {
      const t = (phrase ?? word ?? '').toLowerCase().replace(/^[+(]+|[)]+$/g, '');
      if (t && t !== 'and') terms.push(t);
      return '';
    });
    return terms;
  });
  return (text: string) => {
    const hay = text.toLowerCase();
    return alternatives.some((terms) => terms.length > 0 && terms.every((t) => hay.includes(t)));
  };
}

/** Parses a positive integer query parameter, clamped to [min, max]; `fallback` when absent or invalid. */
export function intParam(value: string | null, fallback: number, min: number, max: number): number {
  if (value === null || value.trim() === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n)) return fallback;
  return Math.min(max, Math.max(min, Math.trunc(n)));
}
