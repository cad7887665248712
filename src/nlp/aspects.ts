import type { ThemeHit } from '../domain/analysis.js';
import { compound, labelOf } from './compound.js';
import type { Item } from './sentiment.js';
import type { CompiledThemes, ThemeOccurrence } from './themes.js';
import { Kind, type Token, type Tokens } from './tokenize.js';

/** Longest evidence span kept, in characters. */
const EVIDENCE_MAX = 240;
/** Pronouns that carry a theme into the next sentence ("We had the pasta. It was superb."). */
const CARRY = new Set(['it', 'they', 'this', 'that', 'these', 'those', 'which', 'she', 'he', 'both', 'everything']);
/** Conjunctions dropped from the start of an evidence span. */
const LEAD = new Set(['but', 'and', 'however', 'although', 'though', 'whereas']);

/**
 * The text of tokens [from, to) as evidence: from the first word to the last word or emoji, whitespace collapsed,
 * a leading conjunction dropped, at most EVIDENCE_MAX characters.
 */
function evidence(text: string, T: Token[], from: number, to: number): string {
  while (from < to && T[from]!.kind === Kind.Punct) from++;
  if (from < to && LEAD.has(T[from]!.norm) && from + 1 < to) {
    from++;
    while (from < to && T[from]!.kind === Kind.Punct) from++;
  }
  let last = to - 1;
  // Keep closing sentence punctuation ("!", "."), drop commas and dashes.
  while (last > from && T[last]!.kind === Kind.Punct && !/[.!?…]/.test(T[last]!.norm)) last--;
  if (from > last) return '';
  let s = text.slice(T[from]!.start, T[last]!.end);
  if (s.indexOf('\n') >= 0 || s.indexOf('  ') >= 0 || s.indexOf('\t') >= 0) s = s.replace(/\s+/g, ' ');
  return s.length > EVIDENCE_MAX ? `${s.slice(0, EVIDENCE_MAX - 1)}…` : s;
}

/**
 * Give each theme occurrence the sentiment of the words around it: a sentiment word goes to a theme word it is
 * part of ("overpriced") and to the nearest other theme in its clause ("the food was great but the service was
 * painfully slow": great → food, slow → service), else to the themes of its sentence whose clause has no opinion of
 * its own, else (for a sentence opening with "it"/"they") to the themes of the sentence before. One hit per theme,
 * with the evidence of its strongest occurrence.
 */
export function aspectSentiment(
  text: string,
  toks: Tokens,
  items: Item[],
  occurrences: ThemeOccurrence[],
  themes: CompiledThemes,
): ThemeHit[] {
  const nOcc = occurrences.length;
  if (nOcc === 0) return [];
  const T = toks.tokens;
  const sums = new Float64Array(nOcc);
  // Which item last gave to each theme, so an item counts once per theme.
  const givenBy = new Int32Array(themes.defs.length).fill(-1);

  for (let n = 0; n < items.length; n++) {
    const it = items[n]!;
    let best = -1;
    let bestDist = Infinity;
    let placed = false;
    for (let k = 0; k < nOcc; k++) {
      const o = occurrences[k]!;
      if (T[o.start]!.clause !== it.clause) continue;
      if (o.start < it.end && it.start < o.end) {
        if (givenBy[o.theme] !== n) {
          givenBy[o.theme] = n;
          sums[k]! += it.local;
        }
        placed = true;
        continue;
      }
      const d = o.start >= it.end ? o.start - it.end : it.start - o.end;
      // On ties prefer the theme before the opinion ("the food was great, and the service…").
      if (d < bestDist || (d === bestDist && o.start < it.start)) {
        best = k;
        bestDist = d;
      }
    }
    if (best >= 0) {
      const o = occurrences[best]!;
      if (givenBy[o.theme] !== n) {
        givenBy[o.theme] = n;
        sums[best]! += it.local;
      }
      continue;
    }
    if (placed) continue;
    // The item's clause names no theme: give it to same-sentence themes whose clause has no opinion of its own.
    for (let k = 0; k < nOcc; k++) {
      const o = occurrences[k]!;
      const tok = T[o.start]!;
      if (tok.sentence !== it.sentence || clauseHasItem(items, tok.clause) || givenBy[o.theme] === n) continue;
      givenBy[o.theme] = n;
      sums[k]! += it.local;
      placed = true;
    }
    if (placed || it.sentence === 0) continue;
    // "We had the pasta. It was superb."
    const first = firstWordOfSentence(T, it.start, it.sentence);
    if (first >= 0 && CARRY.has(T[first]!.norm)) {
      for (let k = 0; k < nOcc; k++) {
        const o = occurrences[k]!;
        if (T[o.start]!.sentence !== it.sentence - 1 || givenBy[o.theme] === n) continue;
        givenBy[o.theme] = n;
        sums[k]! += it.local;
      }
    }
  }

  // One hit per theme: the sum over its occurrences, the evidence of the strongest.
  const hits: ThemeHit[] = [];
  const done = new Uint8Array(themes.defs.length);
  for (let k = 0; k < nOcc; k++) {
    const theme = occurrences[k]!.theme;
    if (done[theme]) continue;
    done[theme] = 1;
    let sum = 0;
    let best = k;
    let bestAbs = -1;
    for (let j = k; j < nOcc; j++) {
      if (occurrences[j]!.theme !== theme) continue;
      sum += sums[j]!;
      if (Math.abs(sums[j]!) > bestAbs) {
        bestAbs = Math.abs(sums[j]!);
        best = j;
      }
    }
    const o = occurrences[best]!;
    const tok = T[o.start]!;
    let from = o.start;
    let to = o.end;
    while (from > 0 && T[from - 1]!.clause === tok.clause) from--;
    while (to < T.length && T[to]!.clause === tok.clause) to++;
    // A clause of just the theme word ("The pasta, honestly, superb") says too little: show the sentence.
    if (to - from < 4) {
      while (from > 0 && T[from - 1]!.sentence === tok.sentence) from--;
      while (to < T.length && T[to]!.sentence === tok.sentence) to++;
    }
    const score = compound(sum);
    hits.push({ theme: themes.defs[theme]!.id, score, label: labelOf(score), evidence: evidence(text, T, from, to) });
  }
  return hits;
}

function clauseHasItem(items: Item[], clause: number): boolean {
  for (let i = 0; i < items.length; i++) if (items[i]!.clause === clause) return true;
  return false;
}

function firstWordOfSentence(T: Token[], from: number, sentence: number): number {
  let first = -1;
  for (let j = from; j >= 0 && T[j]!.sentence === sentence; j--) if (T[j]!.kind === Kind.Word) first = j;
  return first;
}
