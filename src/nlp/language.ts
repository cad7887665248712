import { franc } from 'franc-min';
import { Kind, type Tokens } from './token.js';
import { F } from './word-info.js';

/**
 * Function words, by language, that are not also everyday English words (so no "was", "die", "also", "will", "in").
 * Short texts are decided by counting these: trigram models (franc) guess at random below ~50 characters.
 */
const FUNCTION_WORDS: Record<string, string> = {
  en: `the and of to it that this with for you i my but not are have has had be been they we he she his her its it's
    i'm don't didn't doesn't isn't wasn't can't won't would could should very just from they're what when which there
    their about get got were than them your our out if or at by really too only because after before here how why who
    any some did does do these those i've i'd you're we're they've there's what's that's again ever never well even
    much more most also will is was an a on no so me all one as into over then than like love hate use used using
    work works worked working buy bought money time day days week weeks year years thing things people way first last
    new old good great best better bad worse worst nice little big long back down off up same other every many
    still each both few made make makes going go went come came see saw look looks looked say said think thought know
    want need take took give gave find found tell told feel felt try tried keep left right place while where yes yet
    it'll i'll you'll we'll she's he's isn't aren't couldn't wouldn't shouldn't haven't hasn't`,
  de: `der das und ist nicht ein eine einen einem sehr mit auch für auf ich sie es zu den dem des im wir ihr sind war
    wurde aber oder wie noch nur schon nach bei aus vom zum zur kein keine leider gut sehr schlecht mein meine hier
    diese dieser dieses haben habe hatte wird werden ganz immer doch`,
  fr: `le la les et est très avec pour pas une un des du que qui ce je il elle mais sur dans nous vous ils sont était
    été au aux ces cette mon ma mes ne plus bien tout tous toujours rien chez c'est j'ai n'est qu'il leur`,
  es: `el la los las y es muy con para por que una un del al pero lo se su sus mi mis está están fue era son hay
    todo todos nada bien mal ya también porque como cuando esta este esto nos les`,
  it: `il lo la gli le e è molto con per non una un che di del della dei delle ma sono era stato questo questa
    anche ancora tutto tutti bene male nel nella sul sulla perché quando ho hai ha`,
  pt: `o a os as e é muito com para não uma um que do da dos das mas foi era são está estão isso este esta também
    tudo bem mal no na nos nas pelo pela meu minha quando porque`,
  nl: `de het een en is niet zeer erg met voor van ik jij hij zij wij ze zijn waren werd maar ook nog geen heel goed
    slecht mijn dit deze die dat hier naar bij uit om te`,
};

/** A word counts for English when it is a function word or a sentiment word the lexicon knows. */
export const ENGLISH_WORDS = new Set(FUNCTION_WORDS.en!.split(/\s+/));
/** Foreign function words and the languages they belong to. */
export const FOREIGN_WORDS = new Map<string, string[]>();
for (const [lang, words] of Object.entries(FUNCTION_WORDS)) {
  if (lang === 'en') continue;
  for (const w of words.split(/\s+/)) {
    if (!w || ENGLISH_WORDS.has(w)) continue;
    FOREIGN_WORDS.set(w, [...(FOREIGN_WORDS.get(w) ?? []), lang]);
  }
}

/** ISO 639-3 codes franc-min returns, mapped to ISO 639-1 where one exists. */
const ISO1: Record<string, string> = {
  eng: 'en', spa: 'es', por: 'pt', ind: 'id', fra: 'fr', deu: 'de', jav: 'jv', vie: 'vi', ita: 'it', tur: 'tr',
  pol: 'pl', swh: 'sw', sun: 'su', ron: 'ro', hau: 'ha', bos: 'bs', hrv: 'hr', nld: 'nl', srp: 'sr', yor: 'yo',
  uzn: 'uz', zlm: 'ms', ibo: 'ig', tgl: 'tl', hun: 'hu', azj: 'az', ces: 'cs', run: 'rn', plt: 'mg', nya: 'ny',
  kin: 'rw', zul: 'zu', swe: 'sv', lin: 'ln', som: 'so', rus: 'ru', ukr: 'uk', bel: 'be', bul: 'bg', kaz: 'kk',
  arb: 'ar', urd: 'ur', pes: 'fa', pbu: 'ps', hin: 'hi', mar: 'mr', npi: 'ne', cmn: 'zh', jpn: 'ja', kor: 'ko',
  tha: 'th', ell: 'el', heb: 'he', kat: 'ka', hye: 'hy', ben: 'bn', tam: 'ta', tel: 'te', kan: 'kn', mal: 'ml',
  guj: 'gu', pan: 'pa', ori: 'or', sin: 'si', mya: 'my', khm: 'km', lao: 'lo', amh: 'am', tir: 'ti', ckb: 'ku',
  koi: 'kv', fuv: 'ff', qug: 'qu',
};

/** Characters franc reads (it reads at most 2048 itself). */
const SAMPLE = 600;
/** Words looked at for the vote; enough to decide and bounded for 100 KB texts. */
const VOTE_WORDS = 80;
/** Below this many letters-and-digits franc is not consulted for Latin-script text. */
const FRANC_MIN_CHARS = 60;
/** Below this many, Latin-script text with no more than one foreign function word is English (see below). */
const WEAK_EVIDENCE_CHARS = 160;

/**
 * The language of a text as an ISO 639-1 code ("en", "de"), or "und" when it cannot tell (no words, only emoji,
 * a few unknown words). Decided by a vote of function words first (fast, and right on short texts, where trigram
 * models are not); franc-min decides the rest (non-Latin scripts, long texts in other languages). Tokens must carry
 * vocabulary info (`tokenize(text, vocab)`).
 */
export function detectLanguage(text: string, toks: Tokens): string {
  const { count, norm, kind, start, end, flags: flagsOf, id } = toks;
  let words = 0;
  let english = 0;
  let nonLatin = 0;
  let foreignTotal = 0;
  let letters = 0;
  let foreign: Record<string, number> | undefined;
  for (let i = 0; i < count && words < VOTE_WORDS; i++) {
    if (kind[i] !== Kind.Word) continue;
    words++;
    // The word's length without reading its string (offsets match unless lowercasing changed a length).
    letters += toks.normsMatchOffsets ? end[i]! - start[i]! : norm[i]!.length;
    const flags = flagsOf[i]!;
    if (flags & F.ENGLISH) english++;
    else if (flags & F.FOREIGN) {
      foreignTotal++;
      foreign ??= {};
      for (const l of toks.vocab.infos[id[i]!]!.foreign!) foreign[l] = (foreign[l] ?? 0) + 1;
    } else if (flags & F.KNOWN_ENGLISH) english++;
    else if (flags & F.NON_LATIN) nonLatin++;
    // Clearly English already: stop reading.
    if (english >= 4 && foreignTotal === 0 && nonLatin === 0) return 'en';
  }
  if (words === 0) return 'und';
  if (nonLatin === 0) {
    // Plainly English: more English function/sentiment words than foreign function words.
    if (english > 0 && english >= 2 * foreignTotal && english / words >= 0.25) return 'en';
    let top: [string, number] | undefined;
    for (const k in foreign) if (!top || foreign[k]! > top[1]) top = [k, foreign[k]!];
    if (top && top[1] >= 2 && top[1] > english) return top[0];
    if (letters < FRANC_MIN_CHARS) {
      // One foreign function word among three or more words is too little to call a short text foreign ("kinda sus
      // tbh": "sus" is Spanish too): the words it does not know may be English slang, so it is scored.
      if (top && top[1] > english && (top[1] >= 2 || words < 3)) return top[0];
      return english > 0 ? 'en' : 'und';
    }
    // A short text (a tweet) without a foreign function word, or with one against an English one, is too little for
    // the trigram model to overrule English (it calls "Great commercial! Thx! #ATL #singer" Swedish): score it.
    if (letters < WEAK_EVIDENCE_CHARS && (foreignTotal === 0 || (foreignTotal === 1 && english > 0))) return 'en';
  }
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  const code = franc(sample, { minLength: 10 });
  if (code === 'und') return english > 0 ? 'en' : 'und';
  if (code !== 'eng' && nonLatin === 0 && english > foreignTotal && english / words >= 0.2) return 'en';
  return ISO1[code] ?? code;
}
