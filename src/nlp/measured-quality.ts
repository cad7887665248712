import { addStep, type Item } from './sentiment.js';
import { FUNCTION_WORDS } from './rules.js';
import type { Tokens } from './token.js';
import { ROLE } from './word-info.js';

/** Words between a judgement before the quality and the quality ("poor voice clarity"), none a function word. */
const BEFORE_REACH = 2;
/** Words between the quality and a judgement after it, through a verb ("the comfort is excellent"). */
const AFTER_REACH = 4;
const LINKS = new Set(['is', 'was', 'are', 'were', 'be', 'been', 'seems', 'seemed', 'felt', 'feels', 'looks', 'looked']);

/**
 * Whether the item `judge` judges the quality `it`: right before it ("poor voice clarity", "great variety"), or after
 * it through a linking verb ("the variety of fish is nothing out of the ordinary") or as the verb of a change ("the
 * quality dropped", "quality has gone down"). Not an opinion elsewhere in the clause ("handles tough issues with
 * dignity").
 */
function judges(toks: Tokens, judge: Item, it: Item): boolean {
  if (judge.end <= it.start) {
    if (it.start - judge.end > BEFORE_REACH) return false;
    for (let j = judge.end; j < it.start; j++) if (FUNCTION_WORDS.has(toks.norm[j]!)) return false;
    return true;
  }
  if (judge.start < it.end || judge.start - it.end > AFTER_REACH) return false;
  for (let j = it.end; j < judge.start; j++) if (LINKS.has(toks.norm[j]!)) return true;
  // "the quality dropped", "quality has really slipped": a verb of change right after it, auxiliaries aside.
  for (let j = it.end; j < judge.start; j++) if (!AUXILIARIES.has(toks.norm[j]!)) return false;
  return judge.start - it.end <= 2;
}

/** Words between a quality and the verb of change that judges it ("has really gone down"). */
const AUXILIARIES = new Set(['has', 'have', 'had', 'really', 'definitely', 'gone', 'went', 'seriously', 'since', 'also', 'just']);

/**
 * "Poor sound quality", "the audio quality is poor", "great quality": a word of quality (`ROLE.MEASURED`) that another
 * opinion in its clause judges is what is measured, and weighs nothing; alone ("a quality product", "it's quality
 * stuff") it praises.
 */
export function applyMeasured(toks: Tokens, items: Item[]): void {
  const V = toks.vocab;
  for (const it of items) {
    if (it.end - it.start !== 1 || it.weight <= 0 || !(V.roles[toks.id[it.start]!]! & ROLE.MEASURED)) continue;
    let judged = false;
    for (const other of items) if (other !== it && other.clause === it.clause && other.weight !== 0 && judges(toks, other, it)) judged = true;
    if (!judged) continue;
    it.weight = 0;
    it.local = 0;
    addStep(it, 'measured');
  }
}
