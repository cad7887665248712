import { addStep, type Item } from './sentiment.js';
import { Kind, type Tokens } from './token.js';
import { F } from './word-info.js';
import { MARK } from './word-marks.js';

/**
 * A failure put right: "They fixed the problem quickly", "The agent solved the problem", "thank you for fixing my 5
 * hour delay", "the issue was resolved in minutes", "This fixes all the problems", "she helped me with my problem".
 * The failure is what was fixed, not a complaint: its blame counts for nothing (rule "remedied"), and the remedy's own
 * words ("quickly", "resolved") speak. Not a fix asked for ("they need to fix the problem", `demanded-fix.ts`), and not
 * one denied: "they never fixed the problem" is the failure (rule "remedy denied": the negation was the remedy's, not
 * the problem's), as is "the issue was not resolved". Only blame within a few words of the remedy in its clause.
 */

/**
 * Words that end the reach between a remedy and what it fixed: a new subject or a conjunction starts something else
 * ("resolved and I'm sick of waiting"). ("handled" is no remedy at all: it takes a manner, "handled badly".)
 */
const STOPS = new Set([
  'and', 'but', 'or', 'so', 'because', 'while', 'to', 'that', 'which', 'who', 'i', "i'm", 'im', 'we', "we're", 'you',
  "you're", 'they', "they're", 'he', 'she', 'it', "it's", 'this',
]);
/** Words that may stand between a remedy and what it fixed ("fixed my 5 hour delay", "resolved the billing issue"). */
const REACH = 4;
/** Auxiliaries of the passive before a remedy ("the problem was fixed", "the issue got resolved"). */
const PASSIVE = new Set(['was', 'were', 'is', 'are', 'been', 'be', 'got', 'get', 'gets', 'being']);

/** Whether a negation stands in the three words before token r, in its clause ("never fixed", "was not resolved"). */
function negatedAt(toks: Tokens, r: number): boolean {
  for (let k = r - 1; k >= 0 && k >= r - 3 && toks.clause[k] === toks.clause[r]; k--) if (toks.flags[k]! & F.NEGATOR) return true;
  return false;
}

/** Remedies of help, which put right only what they are given "with". */
const HELP = new Set(['helped', 'helping']);

/** Whether "with" stands between tokens r and s. */
function withBetween(norm: string[], r: number, s: number): boolean {
  for (let k = r + 1; k < s; k++) if (norm[k] === 'with') return true;
  return false;
}

/** `remedyOf` for a remedy denied ("they never fixed the problem"). */
const DENIED = -2;

/** The remedy word that puts the blame of item `it` right, `DENIED` when the remedy before it is negated, or -1. */
function remedyOf(toks: Tokens, it: Item, marks: Uint16Array): number {
  const { clause, kind, norm } = toks;
  const c = clause[it.start]!;
  // Active: the remedy before ("fixed the problem").
  for (let r = it.start - 1, words = 0; r >= 0 && clause[r] === c && words <= REACH; r--) {
    if (kind[r] !== Kind.Word) continue;
    if (marks[toks.id[r]!]! & MARK.REMEDY) {
      // Help remedies what it is given with ("helped me with my problem"), not whom it is given to ("helping a
      // stagnant line").
      if (HELP.has(norm[r]!) && !withBetween(norm, r, it.start)) return -1;
      return negatedAt(toks, r) ? DENIED : r;
    }
    if (STOPS.has(norm[r]!)) return -1;
    words++;
  }
  // Passive: the remedy after an auxiliary ("the problem was fixed", "the issue has been resolved").
  for (let r = it.end, words = 0; r < toks.count && clause[r] === c && words <= REACH; r++) {
    if (kind[r] !== Kind.Word) continue;
    if (marks[toks.id[r]!]! & MARK.REMEDY) return r > 0 && PASSIVE.has(norm[r - 1]!) && !negatedAt(toks, r) ? r : -1;
    if (STOPS.has(norm[r]!)) return -1;
    words++;
  }
  return -1;
}

/**
 * Zero the blame that a remedy in its clause puts right (see above). Run only for texts with a remedy word; `marks`
 * are the word marks (`wordMarks`), a remedy told by `MARK.REMEDY`.
 */
export function applyRemedies(toks: Tokens, items: Item[], marks: Uint16Array): void {
  for (const it of items) {
    // Blame a negation turned into faint praise may be a remedy denied: "they never fixed the problem".
    const denied = it.weight > 0 && it.base < 0 && it.rules.includes('negated');
    if ((it.weight >= 0 && !denied) || it.rules[0] === 'demanded fix') continue;
    const r = remedyOf(toks, it, marks);
    if (denied) {
      // The negation was the remedy's: the failure stands.
      if (r !== DENIED) continue;
      it.weight = it.base;
      it.local = it.base;
      addStep(it, 'remedy denied');
      continue;
    }
    if (r < 0) continue;
    it.weight = 0;
    it.local = 0;
    addStep(it, 'remedied', toks.norm[r]!);
  }
}
