import type { ThemeHit } from '../domain/analysis.js';
import { compound, labelOf } from './compound.js';
import { isVisitVerdict, type Item } from './sentiment.js';
import type { CompiledThemes, ThemeOccurrence } from './themes.js';
import { Kind, M, type Tokens } from './token.js';
import { F } from './word-info.js';

/** Longest evidence span kept, in characters. */
const EVIDENCE_MAX = 240;
/** Pronouns that carry a theme into the next sentence ("We had the pasta. It was superb."). */
const CARRY = new Set(['it', 'they', 'this', 'that', 'these', 'those', 'which', 'she', 'he', 'both', 'everything']);

/**
 * Scratch arrays, reused across calls (analysis is synchronous), in one holder so hot loops read them as locals: which
 * item last gave to each theme, whether a theme's hit is done, the sum per occurrence, and each occurrence's clause
 * and sentence (read for every item, so copied out of the tokens once), and the clause each occurrence heads as a label
 * (-1 when none; see `findLabels`). `givenBy` and `done` are reset after each call for the themes it touched.
 */
const S = {
  givenBy: new Int32Array(64).fill(-1),
  done: new Uint8Array(64),
  sums: new Float64Array(64),
  clause: new Int32Array(64),
  sentence: new Int32Array(64),
  heads: new Int32Array(64),
};

function scratch(themes: number, occurrences: number): void {
  if (themes > S.givenBy.length) {
    S.givenBy = new Int32Array(themes * 2).fill(-1);
    S.done = new Uint8Array(themes * 2);
  }
  if (occurrences > S.sums.length) {
    S.sums = new Float64Array(occurrences * 2);
    S.clause = new Int32Array(occurrences * 2);
    S.sentence = new Int32Array(occurrences * 2);
    S.heads = new Int32Array(occurrences * 2);
  } else {
    // A loop, not `fill`: the counts are tiny and the builtin call costs more than it saves.
    const sums = S.sums;
    for (let k = 0; k < occurrences; k++) sums[k] = 0;
  }
}

/**
 * The text of tokens [from, to) as evidence: from the first word to the last word or emoji, whitespace collapsed,
 * a leading conjunction dropped, at most EVIDENCE_MAX characters.
 */
function evidence(text: string, toks: Tokens, from: number, to: number): string {
  const kind = toks.kind;
  while (from < to && kind[from] === Kind.Punct) from++;
  if (from < to && toks.flags[from]! & F.LEAD && from + 1 < to) {
    from++;
    while (from < to && kind[from] === Kind.Punct) from++;
  }
  let last = to - 1;
  // Keep closing sentence punctuation ("!", "."), drop commas and dashes.
  while (last > from && kind[last] === Kind.Punct && !endsWithSentenceMark(toks.norm[last]!)) last--;
  if (from > last) return '';
  let s = text.slice(toks.start[from]!, toks.end[last]!);
  if (hasLooseSpace(text, toks, from, last)) s = s.replace(/\s+/g, ' ');
  return s.length > EVIDENCE_MAX ? `${s.slice(0, EVIDENCE_MAX - 1)}…` : s;
}

/** A ".", "!", "?" or "…" in a punctuation run. */
function endsWithSentenceMark(norm: string): boolean {
  for (let k = 0; k < norm.length; k++) {
    const c = norm.charCodeAt(k);
    if (c === 46 || c === 33 || c === 63 || c === 0x2026) return true;
  }
  return false;
}

/**
 * Whether the text of tokens [from, last] has a line break, a tab or two spaces in a row. Tokens hold no whitespace,
 * so only the gaps between them are read (almost always one space).
 */
function hasLooseSpace(text: string, toks: Tokens, from: number, last: number): boolean {
  const start = toks.start;
  const end = toks.end;
  for (let k = from + 1; k <= last; k++) {
    const a = end[k - 1]!;
    const b = start[k]!;
    if (b - a === 1) {
      const c = text.charCodeAt(a);
      if (c === 10 || c === 9) return true;
    } else if (b - a > 1) {
      for (let j = a; j < b; j++) {
        const c = text.charCodeAt(j);
        if (c === 10 || c === 9 || (c === 32 && j + 1 < b && text.charCodeAt(j + 1) === 32)) return true;
      }
    }
  }
  return false;
}

/**
 * Give each theme occurrence the sentiment of the words around it: a sentiment word goes to a theme word it is
 * part of ("overpriced") and to the nearest other theme in its clause ("the food was great but the service was
 * painfully slow": great → food, slow → service), else to the themes of its sentence whose clause has no opinion of
 * its own, else (for a sentence opening with "it"/"they") to the themes of the sentence before. A theme written as a
 * label ("Food: A+ Service: D+") takes the opinion of the clause after its colon, and none of the clause before it.
 * One hit per theme, with the evidence of its strongest occurrence.
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
  const clause = toks.clause;
  const sentence = toks.sentence;
  const count = toks.count;
  scratch(themes.defs.length, nOcc);
  const { givenBy, done, sums, clause: occClause, sentence: occSentence, heads } = S;
  for (let k = 0; k < nOcc; k++) {
    const at = occurrences[k]!.start;
    occClause[k] = clause[at]!;
    occSentence[k] = sentence[at]!;
  }
  // Labels are looked for only in texts with a ":" or a dash that ends a clause.
  const labels = toks.marks & (M.COLON | M.DASH) ? findLabels(toks, occurrences, heads) : false;

  for (let n = 0; n < items.length; n++) {
    const it = items[n]!;
    let best = -1;
    let bestDist = Infinity;
    let placed = false;
    for (let k = 0; k < nOcc; k++) {
      if (occClause[k] !== it.clause) continue;
      const o = occurrences[k]!;
      // A label after the item heads the next clause ("Food: A+ Service: D+": the A+ is not the service's).
      if (labels && heads[k]! >= 0 && o.start >= it.end) continue;
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
      // A word in two packs' themes ("waiter": staff, and a restaurant's service) is one mention of both.
      const at = occurrences[best]!.start;
      for (let k = 0; k < nOcc; k++) {
        const o = occurrences[k]!;
        if (o.start !== at || occClause[k] !== it.clause || givenBy[o.theme] === n) continue;
        givenBy[o.theme] = n;
        sums[k]! += it.local;
      }
      continue;
    }
    if (placed) continue;
    // "Food: A+": the clause after a label's colon is the label's.
    if (labels) {
      for (let k = 0; k < nOcc; k++) {
        const o = occurrences[k]!;
        if (heads[k] !== it.clause || givenBy[o.theme] === n) continue;
        givenBy[o.theme] = n;
        sums[k]! += it.local;
        placed = true;
      }
      if (placed) continue;
    }
    // A clause without a subject goes on about the sentence's subject, its first theme ("the service is ok, but could
    // be better"; "the dim sum, though pricey, is worth it"): the opinion is that theme's.
    // A return promised or refused ("…, but would never go there again") is the reviewer's verdict on the visit: its
    // left-out subject is the reviewer. A reply not given is the subject's ("the manager was polite but never called
    // me back").
    if (it.clause > 0 && subjectless(toks, it.start) && !isVisitVerdict(toks, it)) {
      let before = -1;
      for (let k = 0; k < nOcc; k++) {
        const o = occurrences[k]!;
        if (occSentence[k] === it.sentence && o.end <= it.start && (before < 0 || o.start < occurrences[before]!.start)) before = k;
      }
      if (before >= 0) {
        const o = occurrences[before]!;
        if (givenBy[o.theme] !== n) {
          givenBy[o.theme] = n;
          sums[before]! += it.local;
        }
        continue;
      }
    }
    // The item's clause names no theme: give it to same-sentence themes whose clause has no opinion of its own, turned
    // round across a contrast ("great concept but rough on the delivery": the delivery is the letdown).
    for (let k = 0; k < nOcc; k++) {
      if (occSentence[k] !== it.sentence) continue;
      const o = occurrences[k]!;
      if (givenBy[o.theme] === n || clauseHasItem(items, occClause[k]!)) continue;
      givenBy[o.theme] = n;
      sums[k]! += toks.ruleCount > 0 && turnedRound(toks, it.start, o.start) ? CONTRAST_FLIP * it.local : it.local;
      placed = true;
    }
    if (placed || it.sentence === 0) continue;
    // "We had the pasta. It was superb." Only worth finding the sentence's first word when the one before has themes.
    if (!hasSentence(occSentence, nOcc, it.sentence - 1)) continue;
    const first = firstWordOfSentence(toks, it.start, it.sentence);
    if (first >= 0 && CARRY.has(toks.norm[first]!)) {
      for (let k = 0; k < nOcc; k++) {
        const o = occurrences[k]!;
        if (occSentence[k] !== it.sentence - 1 || givenBy[o.theme] === n) continue;
        givenBy[o.theme] = n;
        sums[k]! += it.local;
      }
    }
  }

  // One hit per theme: the sum over its occurrences, the evidence of the strongest.
  const hits: ThemeHit[] = [];
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
    const themeClause = clause[o.start]!;
    const themeSentence = sentence[o.start]!;
    // No opinion reached the theme ("Fabulous service, fantastic food, and a chilled out atmosphere"): it takes the
    // sentence's own (contrast-weighted) score, which is right more often than neutral.
    if (sum === 0) sum = sentenceSum(toks, items, themeSentence, o.start);
    let from = o.start;
    let to = o.end;
    // Widen to the clause; `to < count`: the columns hold stale tokens beyond it.
    while (from > 0 && clause[from - 1] === themeClause) from--;
    while (to < count && clause[to] === themeClause) to++;
    // A clause of just the theme word ("The pasta, honestly, superb") says too little: show the sentence.
    if (to - from < 4) {
      while (from > 0 && sentence[from - 1] === themeSentence) from--;
      while (to < count && sentence[to] === themeSentence) to++;
    }
    const score = compound(sum);
    hits.push({ theme: themes.defs[theme]!.id, score, label: labelOf(score), evidence: evidence(text, toks, from, to) });
  }
  for (let k = 0; k < nOcc; k++) {
    const theme = occurrences[k]!.theme;
    givenBy[theme] = -1;
    done[theme] = 0;
  }
  return hits;
}

/** Words a label may have before its theme word in its clause ("The food:", "Overall service:"). */
const LABEL_LEAD = 2;

/**
 * Mark the occurrences written as a label: near the start of its clause, right before a ":" or a dash that a word of
 * the same sentence follows ("Food: A+", "The service: slow", "Food - A+, Service - D+"). `heads[k]` is the clause after
 * the mark, or -1. Whether any is.
 */
function findLabels(toks: Tokens, occurrences: ThemeOccurrence[], heads: Int32Array): boolean {
  const { count, kind, norm, clause, sentence } = toks;
  let any = false;
  for (let k = 0; k < occurrences.length; k++) {
    heads[k] = -1;
    const o = occurrences[k]!;
    const mark = o.end;
    const next = mark + 1;
    if (next >= count || kind[mark] !== Kind.Punct || sentence[next] !== sentence[mark]) continue;
    const c = norm[mark]!.charCodeAt(0);
    const dash = c !== 58;
    if (dash && !labelDash(toks, o, mark)) continue;
    let lead = 0;
    for (let j = o.start - 1; j >= 0 && clause[j] === clause[o.start] && lead <= LABEL_LEAD; j--) if (kind[j] === Kind.Word) lead++;
    if (lead > LABEL_LEAD) continue;
    heads[k] = clause[next]!;
    any = true;
  }
  return any;
}

/**
 * Whether the punctuation at `mark`, after the theme occurrence `o`, is a label's dash ("Food - A+, Service - D+"): a
 * dash that ends the clause, no opinion before the theme in its clause ("great food - the service was slow" is two
 * clauses, not a label), and the clause after it not closed by another dash ("the food - while good - was cold" is an
 * aside).
 */
function labelDash(toks: Tokens, o: ThemeOccurrence, mark: number): boolean {
  const { count, kind, norm, clause, flags } = toks;
  const c = norm[mark]!.charCodeAt(0);
  if ((c !== 45 && c !== 0x2013 && c !== 0x2014) || clause[mark + 1] === clause[mark]) return false;
  for (let j = o.start - 1; j >= 0 && clause[j] === clause[o.start]; j--) if (flags[j]! & F.VALENCE) return false;
  let last = mark + 1;
  while (last + 1 < count && clause[last + 1] === clause[mark + 1]) last++;
  const e = norm[last]!.charCodeAt(0);
  return !(kind[last] === Kind.Punct && (e === 45 || e === 0x2013 || e === 0x2014));
}

/**
 * The sum of the weights of the items of sentence `s`, as seen from token `at`: an item on the other side of a
 * contrast counts turned round ("the room is small, but we were lucky to get a table": the room is the complaint).
 */
function sentenceSum(toks: Tokens, items: Item[], s: number, at: number): number {
  let sum = 0;
  const contrasts = toks.ruleCount > 0;
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    if (it.sentence !== s) continue;
    sum += contrasts && turnedRound(toks, it.start, at) ? CONTRAST_FLIP * it.weight : it.weight;
  }
  return sum;
}

/**
 * Whether the concessive word at c opens a concession: first in its sentence, after a comma or dash, or after "even"
 * ("while the room is small, …", "…, though the service is slow", "even though"). Elsewhere it is mostly an aside
 * ("the dim sum though was very good").
 */
function opensConcession(toks: Tokens, c: number): boolean {
  const p = c - 1;
  if (p < 0 || toks.sentence[p] !== toks.sentence[c]) return true;
  return toks.kind[p] === Kind.Punct || toks.norm[p] === 'even';
}

/** How an opinion counts for a theme on the other side of a contrast: turned round, and weaker (it is inferred). */
const CONTRAST_FLIP = -0.5;

/**
 * Whether an opinion at token a counts turned round for a theme at token b that has none of its own: across a contrast
 * ("the room is small, but we were lucky to get a table"), unless the opinion's clause comes after the theme's and its
 * subject is a pronoun for it ("we could only sit in the garden, but it was lovely": the garden is lovely).
 */
function turnedRound(toks: Tokens, a: number, b: number): boolean {
  return acrossContrast(toks, a, b) && !(a > b && pronounSubject(toks, a));
}

/** Pronouns that, opening a clause after a contrast, take up what the clause before was about. */
const TAKEN_UP = new Set([
  'it', "it's", 'its', 'they', "they're", 'this', 'that', "that's", 'these', 'those', 'she', 'he',
]);

/** Whether the clause of token `at` opens, after its conjunctions and punctuation, with a pronoun of `TAKEN_UP`. */
function pronounSubject(toks: Tokens, at: number): boolean {
  const w = openingWord(toks, clauseFirst(toks, at), at);
  return w >= 0 && TAKEN_UP.has(toks.norm[w]!);
}

/** The first token of the clause of token `at`. */
function clauseFirst(toks: Tokens, at: number): number {
  const clause = toks.clause;
  let first = at;
  while (first > 0 && clause[first - 1] === clause[at]) first--;
  return first;
}

/** The clause's first word before token `at`, past the conjunctions and punctuation opening it at `first`, or -1. */
function openingWord(toks: Tokens, first: number, at: number): number {
  for (let j = first; j < at; j++) if (toks.kind[j] !== Kind.Punct && !(toks.flags[j]! & F.LEAD)) return j;
  return -1;
}

/**
 * Whether tokens a and b of one sentence sit on opposite sides of a contrast: an odd number of "but"
 * between them, or one inside a concessive clause ("while …", "even though …", "despite …") and the other not.
 */
function acrossContrast(toks: Tokens, a: number, b: number): boolean {
  const at = toks.ruleAt;
  const flags = toks.flags;
  const clause = toks.clause;
  const lo = a < b ? a : b;
  const hi = a < b ? b : a;
  let opposite = false;
  for (let n = 0; n < toks.ruleCount; n++) {
    const c = at[n]!;
    const f = flags[c]!;
    if (f & F.CONCESSIVE) {
      if (toks.sentence[c] !== toks.sentence[a] || !opensConcession(toks, c)) continue;
      const inA = a > c && clause[a] === clause[c];
      const inB = b > c && clause[b] === clause[c];
      if (inA !== inB) opposite = !opposite;
    } else if (f & F.CONTRAST && c > lo && c < hi && toks.norm[c] === 'but') {
      opposite = !opposite;
    }
  }
  return opposite;
}

/** Words that may open a clause whose subject is left out: a copula, an auxiliary or modal, a sense verb. */
const NO_SUBJECT = new Set(
  'is are was were be been could would should can will might may must needs need seems seemed looks looked tastes tasted felt gets got'.split(' '),
);

/**
 * Whether the clause of token `at` has no subject of its own: after its opening conjunction ("but", "and") or
 * punctuation it starts with a verb from `NO_SUBJECT` ("…, but could be better", "…, and was decent overall"). A
 * clause that starts with the opinion itself ("pricey, but worth it") is left out: there the opinion is as often a
 * verdict on the whole.
 */
function subjectless(toks: Tokens, at: number): boolean {
  const first = clauseFirst(toks, at);
  // Not the sentence's first clause: its subject is the one before.
  if (first === 0 || toks.sentence[first - 1] !== toks.sentence[at]) return false;
  const w = openingWord(toks, first, at);
  return w >= 0 && NO_SUBJECT.has(toks.norm[w]!);
}

/** Whether one of the first `n` occurrences is in sentence `s`. */
function hasSentence(occSentence: Int32Array, n: number, s: number): boolean {
  for (let k = 0; k < n; k++) if (occSentence[k] === s) return true;
  return false;
}

function clauseHasItem(items: Item[], clause: number): boolean {
  for (let i = 0; i < items.length; i++) if (items[i]!.clause === clause) return true;
  return false;
}

/** The first word of sentence `sentence`, searching back from token `from` (which is in it); -1 when none. */
function firstWordOfSentence(toks: Tokens, from: number, sentence: number): number {
  const sentenceOf = toks.sentence;
  const kind = toks.kind;
  let first = -1;
  for (let j = from; j >= 0 && sentenceOf[j] === sentence; j--) if (kind[j] === Kind.Word) first = j;
  return first;
}
