import { type Intent, INTENTS } from '../domain/analysis.js';
import { negatedReturnReading } from './negated-return.js';
import { indexPatterns, matchPattern, type Pattern, secondWords } from './patterns.js';
import { READING } from './return-reading.js';
import { Kind, M, type Tokens } from './token.js';
import { WordNumbering } from './word-bits.js';
import { F } from './word-info.js';

/** Cues per intent. `negatable` cues do not count after a negation ("I would not recommend"). */
const CUES: Record<Intent, { negatable: string[]; fixed: string[] }> = {
  recommend: {
    negatable: [
      'recommend|recommended|recommends|recommending|reccomend|recomend|recommand',
      'told|tell|telling all? my|our|your? friends|family|everyone|everybody|colleagues|coworkers|friend',
      'spread the word', 'must try|visit|buy|see|watch|read|go',
      // "You must have the lamb"; not "must have been an off night" (a guess).
      'must have the|their', 'a must', 'worth a|the visit|trip|try|drive|look',
      'my go to', 'check it|them|this out', 'give it|them a try|go|shot', 'try it|them out',
    ],
    fixed: ["won't|wont|not|never regret", 'do yourself a favor|favour', 'thank me later'],
  },
  churn: {
    negatable: [
      'switch|switching|switched to|over|from', 'migrate|migrating|migrated to|away', 'port|porting|ported my? number',
      'going|went|gone|switching|switched back to my? old|previous|using', 'cancel|cancelled|canceled|cancelling|canceling|cancelation|cancellation my|our|the subscription|account|membership|plan|contract|service|policy|card',
      'close|closed|closing my|our account|accounts', 'unsubscribe|unsubscribed|uninstall|uninstalled|uninstalling',
      'deleted|deleting|delete the|this app', 'take|taking|took my|our business elsewhere', 'go|going|went elsewhere',
      'looking for an? alternative|alternatives|replacement|new provider|different provider',
      'find|finding|found another|a new|a different provider|bank|company|carrier|app|place|service|supplier',
      "i'm|im|we're|am|are done with", 'lost a|my|our customer|business', 'be|is|was the last time',
      'fed up with', 'stopped going|coming', 'be|is|was our|my last visit',
    ],
    fixed: ['never again', 'not again', 'no longer go|come|eat|dine|shop'],
  },
  complaint: {
    negatable: [
      'complain|complained|complaining|complaint|complaints', 'unacceptable', 'ripped off', 'rip off|offs', 'ripoff',
      'scam|scammed|scammers|fraud', 'still waiting|waited', 'no response|reply|answer|refund', 'overcharged',
      'charged twice|double', 'stopped working', 'broke|broken|fell apart after|within', 'never arrived|received|came|showed',
      'want|demand|need|requesting|request|asked|asking my? refund|money', 'want|demand|need|requesting|asked|asking for a|my refund',
      'fix this|it|your|the', 'shame on', 'disgusted|appalled|outraged', 'worst customer|service|experience|company',
      'nobody|noone helps|cares|answers',
    ],
    fixed: ["doesn't|doesnt|didn't|didnt|don't|dont|won't|wont work|load|charge|turn|start|open", 'does|did|will not work|load|charge'],
  },
  question: {
    negatable: [],
    fixed: [
      'need help', 'please help|advise', 'help me|us|please', 'can|could anyone|anybody|someone|somebody', 'does|do anyone|anybody',
      'anyone|anybody know|knows|tried|else|had', 'how do|can|should i|we|you', 'how to', 'any idea|ideas|advice|tips|suggestions|help',
      'is there a way', 'what should i|we', 'who do|should i contact|call',
    ],
  },
  purchase: {
    negatable: [
      'just|finally|already ordered|bought|purchased|preordered|got|upgraded|subscribed|booked',
      'thinking|thought|considering|planning|plan|want|wanting|looking|trying|hoping|going|about of|about|to? buy|buying|get|getting|order|ordering|purchase|purchasing|upgrade|upgrading|subscribe|book',
      'will|gonna|gotta|might|should|shall buy|order|purchase|preorder', 'preorder|preordered|pre order|ordered',
      'add|added|adding to my? cart|basket', 'where can|do|to i? buy|get|order|purchase', 'take my money',
      'in the market for', 'buy|bought|ordered|ordering another|again|more|two|second', 'need to buy|get|order',
      "can't|cant wait to buy|get|order|try",
    ],
    fixed: [],
  },
};

/** Question openers: a sentence ending in "?" that starts with one of these asks something. */
const QUESTION_OPENERS = new Set(
  'how what where when which who whom can could does do did is are was were should would will has have anyone anybody any am'.split(' '),
);

/** One cue a word can start: the intent, the pattern, and whether a negation before it cancels it. */
export interface IntentCue {
  intent: Intent;
  /** The intent's bit in `detectIntents`' set. */
  bit: number;
  pattern: Pattern;
  negatable: boolean;
}

/** An intent's bit: 1 << its index in the domain's INTENTS (which also orders the output). */
const BIT = Object.fromEntries(INTENTS.map((x, k) => [x, 1 << k])) as Record<Intent, number>;

const CUES_BY_WORD = new Map<string, IntentCue[]>();
for (const intent of Object.keys(CUES) as Intent[]) {
  for (const [negatable, sources] of [[true, CUES[intent].negatable], [false, CUES[intent].fixed]] as const) {
    for (const [word, patterns] of indexPatterns(sources)) {
      const list = CUES_BY_WORD.get(word) ?? [];
      for (const pattern of patterns) list.push({ intent, bit: BIT[intent], pattern, negatable });
      CUES_BY_WORD.set(word, list);
    }
  }
}

/** Every word of every cue pattern, at any step, numbered (see `WordNumbering`). */
const CUE_WORDS: string[] = [];
for (const list of CUES_BY_WORD.values()) {
  for (const c of list) for (const st of c.pattern.steps) if (st.words) CUE_WORDS.push(...st.words);
}
const CUE_NUMBERS = new WordNumbering(CUE_WORDS);

/** A word's number among cue pattern words (-1 when it is in no pattern: no pattern step can match it). */
export function cueWordNumber(word: string): number {
  return CUE_NUMBERS.numberOf(word);
}

/**
 * For a word starting cues: the words one of its cues needs next (as bits over `cueWordNumber`), or null when some
 * cue needs none in particular. Most cue words ("is", "was", "a") start cues that fail on the next word, so this
 * check saves trying each pattern.
 */
const CUE_NEXT = new Map<string, Int32Array | null>();
for (const [word, list] of CUES_BY_WORD) {
  const next = new Set<string>();
  let any = false;
  for (const c of list) {
    const second = secondWords(c.pattern);
    if (!second) {
      any = true;
      break;
    }
    for (const w of second) next.add(w);
  }
  CUE_NEXT.set(word, any ? null : CUE_NUMBERS.bitsOf(next));
}

/** See `CUE_NEXT`. */
export function cueNextFor(word: string): Int32Array | null {
  return CUE_NEXT.get(word) ?? null;
}

/** The intent cues that start with `word` (null when none). */
export function intentCuesFor(word: string): IntentCue[] | null {
  return CUES_BY_WORD.get(word) ?? null;
}

/** A negation within three words before token i, in the same clause ("would not recommend", "never ordered"). */
function negatedAt(toks: Tokens, i: number): boolean {
  const clauseOf = toks.clause;
  const kind = toks.kind;
  const flags = toks.flags;
  const clause = clauseOf[i]!;
  for (let j = i - 1, seen = 0; j >= 0 && seen < 3; j--) {
    if (clauseOf[j] !== clause) return false;
    if (kind[j] !== Kind.Word) continue;
    seen++;
    if (flags[j]! & F.NEGATOR) return true;
  }
  return false;
}

/** Exceptions where a cue does not mean its intent ("was recommended to me", "recommend avoiding", "can't recommend it enough"). */
function vetoed(intent: Intent, toks: Tokens, start: number, end: number, negated: boolean): boolean {
  if (intent !== 'recommend') return negated;
  const norm = toks.norm;
  const count = toks.count;
  const w = norm[start]!;
  if (w.startsWith('rec')) {
    // Neighbours past either end of the text are no word (the columns hold stale tokens beyond `count`).
    const prev = start > 0 ? norm[start - 1]! : undefined;
    const next = end < count ? norm[end]! : undefined;
    const next2 = end + 1 < count ? norm[end + 1]! : undefined;
    if (prev === 'was' || prev === 'were' || prev === 'been' || prev === 'got' || next === 'by') return true;
    if (next === 'avoiding' || next === 'against' || next === 'staying' || next === 'looking' || next2 === 'elsewhere' || next === 'elsewhere') return true;
    if (negated) {
      for (let j = end; j < Math.min(count, end + 4); j++) if (norm[j] === 'enough') return false;
    }
  }
  return negated;
}

/**
 * Intents of a text: advocacy (`recommend`), leaving (`churn`), `complaint`, asking for help (`question`) and
 * buying (`purchase`). Negated cues do not count. `negativeSignal` is true when the text or one of its themes is
 * clearly negative, which makes a complaint even without a complaint word.
 */
export function detectIntents(text: string, toks: Tokens, negativeSignal: boolean): Intent[] {
  const V = toks.vocab;
  const id = toks.id;
  const flags = toks.flags;
  const tokenCount = toks.count;
  let found = 0;
  const at = toks.cueAt;
  const count = toks.cueCount;
  for (let n = 0; n < count; n++) {
    const i = at[n]!;
    const word = id[i]!;
    if (V.cueNeedsNext(word)) {
      // A word in no cue pattern (no CUE_WORD flag) cannot be the one needed next: no need to read its number.
      // The last token has no next word.
      if (i + 1 >= tokenCount || !(flags[i + 1]! & F.CUE_WORD) || !V.cueNextHas(word, V.cueWordNumber[id[i + 1]!]!)) continue;
    }
    const cues = V.cues[word]!;
    for (let k = 0; k < cues.length; k++) {
      const c = cues[k]!;
      if (found & c.bit) continue;
      const end = matchPattern(toks, i, c.pattern);
      if (end < 0) continue;
      if (!c.negatable || !vetoed(c.intent, toks, i, end, negatedAt(toks, i))) found |= c.bit;
    }
  }
  // Both churn rules need "back", "again" or the like.
  if (!(found & BIT.churn) && toks.textFlags & F.RETURN) {
    if ((toks.textFlags & F.NEGATOR && churnByNegatedReturn(toks)) || backToRival(text, toks)) found |= BIT.churn;
  }
  if (!(found & BIT.question) && toks.marks & M.QUESTION && asksQuestion(toks)) found |= BIT.question;
  if (negativeSignal) found |= BIT.complaint;
  if (found === 0) return [];
  // The domain's order, so the output is stable.
  const out: Intent[] = [];
  for (let k = 0; k < INTENTS.length; k++) if (found & (1 << k)) out.push(INTENTS[k]!);
  return out;
}

/** "won't be back", "will never order from them again", "not coming back". */
function churnByNegatedReturn(toks: Tokens): boolean {
  const { count, norm, kind, clause, flags } = toks;
  for (let i = 0; i < count; i++) {
    if (kind[i] !== Kind.Word || !(flags[i]! & F.NEGATOR) || norm[i] === 'no' || norm[i] === 'nothing') continue;
    // No next word after the last token (the columns hold stale tokens beyond `count`).
    const next = i + 1 < count ? norm[i + 1]! : undefined;
    if (next === 'wait' || next === 'hesitate' || next === 'regret' || next === 'only') continue;
    for (let j = i + 1; j < Math.min(count, i + 7); j++) {
      if (clause[j] !== clause[i]) break;
      // "again", "back", "anymore", "return", "returning" (never one of the words that end the search below), where
      // the return is the reviewer's visit refused, as the sentiment reads it ("never heard back" is no churn).
      if (flags[j]! & F.RETURN) {
        if (negatedReturnReading(toks, i, j) === READING.VISIT) return true;
        break;
      }
      const u = norm[j]!;
      if (u === 'hesitate' || u === 'wait' || u === 'mind' || u === 'regret' || u === 'problem') break;
      // "We have never been disappointed and always go back": the negation ends at a scope break, as the sentiment's
      // (`negatedReturnWord`).
      if (flags[j]! & F.SCOPE_BREAK) break;
    }
  }
  return false;
}

function asksQuestion(toks: Tokens): boolean {
  const { count, norm, kind, sentence: sentenceOf } = toks;
  let first = -1;
  let sentence = -1;
  for (let i = 0; i < count; i++) {
    if (sentenceOf[i] !== sentence) {
      sentence = sentenceOf[i]!;
      first = kind[i] === Kind.Word ? i : -1;
    } else if (first < 0 && kind[i] === Kind.Word) first = i;
    if (kind[i] === Kind.Punct && norm[i]!.includes('?') && first >= 0 && QUESTION_OPENERS.has(norm[first]!)) return true;
  }
  return false;
}

/** "going back to Comcast", "switched back to Spotify": back to a named rival (a capitalised name). */
function backToRival(text: string, toks: Tokens): boolean {
  const { count, norm, kind, flags, start } = toks;
  for (let i = 0; i + 3 < count; i++) {
    if (!(flags[i + 1]! & F.RETURN) || norm[i + 1] !== 'back' || norm[i + 2] !== 'to') continue;
    const verb = norm[i]!;
    if (!/^(going|went|gone|go|switch|switching|switched|moving|moved)$/.test(verb)) continue;
    const name = i + 3;
    const c = text.charCodeAt(start[name]!);
    if (kind[name] === Kind.Word && c >= 65 && c <= 90 && norm[name] !== 'the' && norm[name] !== 'this' && !negatedAt(toks, i)) return true;
  }
  return false;
}
