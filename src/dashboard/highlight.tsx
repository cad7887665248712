import type { ComponentChildren } from 'preact';

export interface ExplainItem {
  token: string;
  weight: number;
  rules: string[];
  /** The weight before any modifier, and each modifier in the order applied (analyzer 2.3+). */
  base?: number;
  steps?: { rule: string; by?: string; weight: number }[];
}

interface Span {
  start: number;
  end: number;
  item: ExplainItem;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Finds each explained token in the text, in order (the analyzer lists them as they occur), as a whole word and
 * case-insensitively; a token found nowhere (a normalised form) is listed under the text instead of highlighted.
 */
export function locate(text: string, explain: ExplainItem[]): { spans: Span[]; unplaced: ExplainItem[] } {
  const spans: Span[] = [];
  const unplaced: ExplainItem[] = [];
  let from = 0;
  for (const item of explain) {
    const words = item.token.trim().split(/\s+/).map(escape).join('\\W+');
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${words}(?![\\p{L}\\p{N}])`, 'giu');
    const find = (at: number) => {
      re.lastIndex = at;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const s = { start: m.index, end: m.index + m[0].length };
        if (!spans.some((o) => s.start < o.end && o.start < s.end)) return s;
      }
      return null;
    };
    const hit = find(from) ?? find(0);
    if (!hit) {
      unplaced.push(item);
      continue;
    }
    spans.push({ ...hit, item });
    from = hit.end;
  }
  spans.sort((a, b) => a.start - b.start);
  return { spans, unplaced };
}

const w = (n: number) => `${n > 0 ? '+' : ''}${Math.round(n * 100) / 100}`;

/** `+3 → intensified by "very" +3.9 → negated by "not" -2.93`: how the word's weight came to be. */
const describe = (i: ExplainItem) => {
  if (i.base !== undefined && i.steps?.length) return [w(i.base), ...i.steps.map((s) => `${s.rule}${s.by ? ` by "${s.by}"` : ''} ${w(s.weight)}`)].join(' → ');
  return `${w(i.weight)}${i.rules.length ? ` (${i.rules.join(', ')})` : ''}`;
};

/** The text with every word that moved the score marked green (up) or red (down), its weight on hover and focus. */
export function Highlighted({ text, explain }: { text: string; explain: ExplainItem[] }) {
  const { spans, unplaced } = locate(text, explain);
  const out: ComponentChildren[] = [];
  let at = 0;
  for (const s of spans) {
    if (s.start > at) out.push(text.slice(at, s.start));
    out.push(
      <mark class={s.item.weight >= 0 ? 'w-pos' : 'w-neg'} data-token={s.item.token} data-weight={s.item.weight} title={`${s.item.token}: ${describe(s.item)}`} tabIndex={0}>
        {text.slice(s.start, s.end)}
      </mark>,
    );
    at = s.end;
  }
  if (at < text.length) out.push(text.slice(at));
  return (
    <>
      <p class="mention-text">{out}</p>
      {unplaced.length > 0 && (
        <p class="muted small">
          Also scored:{' '}
          {unplaced.map((i) => (
            <mark class={i.weight >= 0 ? 'w-pos' : 'w-neg'} data-token={i.token} data-weight={i.weight} title={describe(i)}>
              {i.token}
            </mark>
          ))}
        </p>
      )}
    </>
  );
}
