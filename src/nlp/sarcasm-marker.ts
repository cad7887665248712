import { addStep, type Item } from './sentiment.js';
import { Kind, M, type Tokens } from './token.js';

/**
 * Hashtags that say the post means the opposite of its praise ("Getting screwed is the best #sarcasm", "Best flight
 * ever #not").
 */
const SARCASM_TAGS = new Set(['sarcasm', 'sarcastic', 'irony', 'ironic', 'not', 'notreally', 'yeahright', 'justkidding']);

/**
 * Explicit sarcasm: a writer who marks a post "#sarcasm", "(not)" or "/s" means the opposite of its praise. Every
 * praise word of such a text counts as blame of the same weight (rule "sarcasm", by the marker); blame stays. Cheap and
 * reliable where the implicit cues are not: the caller looks only in texts with a "#" before a word or a lone ")", or
 * whose last token is "s" ("/s").
 */
export function applySarcasmMarkers(toks: Tokens, text: string, items: Item[]): void {
  const marker = sarcasmMarker(toks, text);
  if (marker === null) return;
  for (const it of items) {
    if (it.weight <= 0) continue;
    it.weight = -it.weight;
    it.local = -it.local;
    addStep(it, 'sarcasm', marker);
  }
}

function sarcasmMarker(toks: Tokens, text: string): string | null {
  const { count, kind, norm, start } = toks;
  if (toks.marks & M.HASHTAG) {
    for (let k = 0; k < count; k++) {
      if (kind[k] === Kind.Word && start[k]! > 0 && text.charCodeAt(start[k]! - 1) === 35 && SARCASM_TAGS.has(norm[k]!)) return `#${norm[k]!}`;
    }
  }
  if (toks.marks & M.CLOSE_PAREN) {
    for (let k = 1; k + 1 < count; k++) if (norm[k] === 'not' && norm[k - 1] === '(' && norm[k + 1] === ')') return '(not)';
  }
  // "/s" closing the post (Reddit's mark), after a space: "…best update ever /s".
  const last = count - 1;
  if (last >= 1 && norm[last] === 's' && norm[last - 1] === '/' && start[last - 1]! > 0 && text.charCodeAt(start[last - 1]! - 1) === 32) return '/s';
  return null;
}
