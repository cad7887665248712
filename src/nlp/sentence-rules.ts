import type { Item } from './sentiment.js';
import { Kind, M, type Tokens } from './tokenize.js';
import { F } from './word-info.js';

/** Weight of an opinion before a contrast ("good, but…") and after it. */
const CONTRAST_BEFORE = 0.5;
const CONTRAST_AFTER = 1.5;
/** Each exclamation mark (up to four) strengthens its sentence by this much. */
const EXCLAMATION_STEP = 0.1;

/** Per-sentence scratch arrays of `applySentenceRules`, reused (analysis is synchronous); one holder, read into locals. */
const S = { bangs: new Int32Array(64), contrastAt: new Int32Array(64), concessiveClause: new Int32Array(64) };

/** Contrast ("X but Y": Y counts more) and exclamation emphasis, which work on whole sentences. */
export function applySentenceRules(toks: Tokens, items: Item[]): void {
  // Nothing to do without a contrast word, a concessive or an exclamation mark.
  if (!(toks.flags & (F.CONTRAST | F.CONCESSIVE)) && !(toks.marks & M.EXCLAMATION)) return;
  const T = toks.tokens;
  const sentences = toks.sentences;
  if (sentences + 1 > S.bangs.length) {
    S.bangs = new Int32Array((sentences + 1) * 2);
    S.contrastAt = new Int32Array((sentences + 1) * 2);
    S.concessiveClause = new Int32Array((sentences + 1) * 2);
  }
  const { bangs, contrastAt, concessiveClause } = S;
  // One past the last sentence too, read as "no contrast" by the "X. But Y." rule.
  for (let k = 0; k <= sentences; k++) {
    bangs[k] = 0;
    contrastAt[k] = -1;
    concessiveClause[k] = -1;
  }
  // Only the tokens the tokenizer listed: contrast and concessive words, and punctuation with "!".
  const at = toks.ruleAt;
  for (let n = 0; n < toks.ruleCount; n++) {
    const i = at[n]!;
    const t = T[i]!;
    if (t.kind === Kind.Punct) {
      const norm = t.norm;
      for (let k = 0; k < norm.length; k++) if (norm.charCodeAt(k) === 33) bangs[t.sentence]!++;
      continue;
    }
    const flags = t.flags;
    const s = t.sentence;
    if (flags & F.CONCESSIVE && concessiveClause[s] === -1 && contrastAt[s] === -1) {
      const first = i === 0 || T[i - 1]!.sentence !== s;
      const clauseStart = first || T[i - 1]!.clause !== t.clause || T[i - 1]!.norm === 'even';
      const sentenceInitialOnly = t.norm === 'while' || t.norm === 'whilst';
      if (clauseStart && (!sentenceInitialOnly || first)) {
        concessiveClause[s] = t.clause;
        continue;
      }
    }
    if (flags & F.CONTRAST && contrastAt[s] === -1) {
      const next = T[i + 1]?.norm;
      const prev = i > 0 ? T[i - 1]!.norm : undefined;
      if (t.norm === 'but' && (next === 'also' || prev === 'nothing' || prev === 'anything' || prev === 'all')) continue;
      if ((t.norm === 'though' || t.norm === 'although') && concessiveClause[s] !== -1) continue;
      // A trailing "though" ("it was good, though") hedges what came before; no clause follows to weigh more.
      if (t.norm === 'though' && (i + 1 >= T.length || T[i + 1]!.sentence !== s || T[i + 1]!.kind === Kind.Punct)) continue;
      contrastAt[s] = i;
    }
  }
  for (const it of items) {
    const s = it.sentence;
    const c = contrastAt[s]!;
    let f = 1;
    if (c >= 0) {
      if (it.start < c) f = CONTRAST_BEFORE;
      else if (it.start > c) f = CONTRAST_AFTER;
    } else if (concessiveClause[s]! >= 0) {
      if (it.clause === concessiveClause[s]) f = CONTRAST_BEFORE;
      else if (it.clause > concessiveClause[s]!) f = CONTRAST_AFTER;
    }
    // "X. But Y." also weakens the sentence before.
    const nextC = contrastAt[s + 1]!;
    if (f === 1 && nextC >= 0 && (nextC === 0 || T[nextC - 1]!.sentence !== s + 1)) {
      f = CONTRAST_BEFORE;
    }
    if (f !== 1) {
      it.weight *= f;
      it.rules.push('contrast');
    }
    const b = Math.min(bangs[s]!, 4);
    if (b > 0) {
      it.weight *= 1 + EXCLAMATION_STEP * b;
      it.local *= 1 + EXCLAMATION_STEP * b;
      it.rules.push('exclamation');
    }
  }
}
