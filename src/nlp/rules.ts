/**
 * The closed word classes the sentiment rules use. These are grammar, not vocabulary: they are the same for every
 * domain, so they live in code; the open vocabulary (what is good or bad) lives in `config/lexicon/`.
 */

/** A set of the words of `s`, split at white space (word lists written as text). */
export const wordSet = (s: string) => new Set(s.trim().split(/\s+/));
const set = wordSet;

/**
 * Two-word negators, by their first word and the word that must follow it: a distance from a thing denies it ("far
 * from perfect"; "far better" stresses it), and so does a thing still to come ("I have yet to be disappointed", "they
 * have yet to respond"; "yet another delay" is no denial). The negation scan reads them with the degree words.
 */
export const PAIRED_NEGATORS = new Map([['far', 'from'], ['yet', 'to']]);

/** Words that flip the polarity of what follows them in the same clause. */
export const NEGATORS = set(`
  not no never nor neither none nobody nothing nowhere without cannot hardly barely scarcely seldom rarely
  isn't aren't wasn't weren't don't doesn't didn't can't couldn't won't wouldn't shouldn't haven't hasn't hadn't
  ain't mustn't needn't mightn't shan't
  isnt arent wasnt werent dont doesnt didnt cant couldnt wont wouldnt shouldnt havent hasnt hadnt aint
  lack lacks lacked lacking dearth doubt n't nt
`);

/**
 * Negators that deny every case ("never", "nothing", "yet to"): with a comparative they make a superlative, not a
 * denial ("I've never felt more unwelcome", "nothing better than", "no one serves a better pizza", "I have yet to find
 * a better one").
 */
export const UNIVERSAL_NEGATORS = set('never nothing nobody nowhere none yet');

/** Negators that are not negations in front of these words ("not only", "nothing but", "no doubt" keeps its own entry). */
export const NEGATION_BREAKERS = new Map<string, Set<string>>([
  ['not', set('only just to mention merely believe')],
  // "nothing short of incredible": the word at its full.
  ['nothing', set('but short')],
  // "No cap" is slang for "no lie", a vow that what follows is true ("no cap the best burger in town").
  ['no', set('matter wonder cap')],
  // Disbelief is amazement, not denial: "I couldn't believe how small the portions were", "can't believe how good".
  // Nor is being unable to help a thing ("couldn't help laughing", "can't help but smile").
  ...['can\'t', 'cant', 'cannot', 'couldn\'t', 'couldnt'].map((w): [string, Set<string>] => [w, set('believe help')]),
  // So is an expectation denied after the fact: "never expected such incredible entertainment", "I didn't expect to
  // like it as much as I did" (the word after keeps its sense: "never expected it to be so bad"). "Don't expect" is
  // advice, and stays a negation ("don't expect it to be romantic"). "Never ceases to amaze" is "always amazes", as the
  // lexicon's "never fails to"; "never ceases to disappoint" blames.
  ['never', set('expected ceases ceased cease')],
  ...['didn\'t', 'didnt'].map((w): [string, Set<string>] => [w, set('expect')]),
]);

/** Words of harm that before a noun are slang praise ("killer sushi"), with their valence as praise (`slang-praise.ts`). */
export const SLANG_PRAISE = new Map<string, number>([['killer', 3]]);
/**
 * Words of harm that as a predicate closing their clause are slang praise ("this place is fire", "the wings were bomb",
 * "straight fire 🔥"), with their valence as praise (`slang-praise.ts`). "On fire", "a bomb" keep their sense.
 */
export const SLANG_PREDICATE = new Map<string, number>([['fire', 3], ['bomb', 3]]);
/**
 * Slang that is a word of its own only as a predicate closing its clause ("the food was mid", "kinda mid", "that party
 * was lit"); elsewhere it is a prefix or a plain word ("mid-December", "mid range", "a lit candle") and scores nothing.
 * Its valence is the lexicon's (`slang-praise.ts`): "lit" has one in posts only.
 */
export const SLANG_PREDICATE_ONLY = set('mid lit');
/**
 * Slang verbs of praise ("you guys rock!", "this laptop rocks", "Michele rocked the customer service"), valued in the
 * lexicon; a noun elsewhere ("on the rocks", "flying rocks", "rock shrimp", "Hard Rock Casino") scores nothing.
 */
export const SLANG_VERBS = set('rock rocks rocked');
/** "love" in the frames of ironic love ("gotta love delays", "love how they lost my bag"; `applyIrony`). */
export const LOVE = set('love loved loving luv');
/** Verbs of a thing working, in the forms a negation takes before them (`broken-function.ts`). */
export const WORKING = set(`
  work worked working start started load loaded charge charged recline reclined close closed flush flushed connect
  connected sync synced boot booted print printed heat heated cool cooled drain drained lock locked unlock unlocked
  install installed update updated pair paired function functioned run ran open opened turn turned stay stayed
  hold held communicate communicated
  works starts loads charges reclines closes flushes connects syncs boots prints heats cools drains locks unlocks
  installs updates pairs functions runs opens turns stays holds communicates
`);

/** Verbs of fixing (`demanded-fix.ts`) that may be said alone as a demand ("Fix your app!", "Please improve the seating."). */
export const FIX_IMPERATIVE = set('fix improve rethink revamp retrain hire step sort');
/** Verbs of fixing that ask for a fix only after a modal ("they need to train their staff"): "Train was late.". */
export const FIX_AFTER_MODAL = set('train work address update upgrade increase invest clean');
/** Their past participles, asked for in the passive ("needs to be fixed", "should have been addressed"). */
export const FIX_PARTICIPLES = set('fixed improved upgraded rethought revamped retrained trained addressed updated sorted cleaned');
/** Their gerunds, asked for after "need(s)" ("the bathrooms need cleaning", "the app needs fixing"). */
export const FIX_GERUNDS = set('fixing improving upgrading updating cleaning retraining');
/** Nouns of fixing, asked for after "need(s)" or "could use" ("needs a complete overhaul", "could use a makeover"). */
export const FIX_NOUNS = set('overhaul makeover facelift renovation remodel refresh revamp update upgrade tune-up cleaning');
/** Every form above: the words `MARK.FIX` marks. */
export const FIX_VERBS: ReadonlySet<string> = new Set([...FIX_IMPERATIVE, ...FIX_AFTER_MODAL, ...FIX_PARTICIPLES, ...FIX_GERUNDS, ...FIX_NOUNS]);

/** Forms of the verbs of putting right (`remedied.ts`) that say it was (or is being) done; `MARK.REMEDY` marks them. */
export const REMEDIES_DONE = new Set([
  'fixed', 'fixing', 'resolved', 'resolving', 'solved', 'solving', 'sorted', 'sorting', 'corrected', 'correcting',
  'rectified', 'remedied', 'addressed', 'cleared', 'dealt',
  // Help given with the trouble ("she helped me with my problem", "thanks for helping with our baggage issues").
  'helped', 'helping',
  // What a thing or a person does ("This fixes all the problems", "it solves the issue", "eliminates the noise").
  'fixes', 'solves', 'resolves', 'corrects', 'eliminates', 'eliminated', 'eliminating',
]);
/** "where" as it opens a question for a missing thing (`missing-thing.ts`). */
export const WHERE_WORDS = set("where where's wheres where're");

/** Verbs of wanting: after a negation, blame that follows as their object is rejected, not denied (`unwanted`). */
export const WANTS = set('need needs want wants');

/**
 * Remedies a customer asks for: the lexicon scores them mildly negative (asking for one is a complaint), and their
 * absence is worse, not better: "no refund", "never got a refund" are complaints, not faint praise like "not bad".
 */
export const REMEDIES = set('refund refunds refunded apology apologies compensation replacement');

/** Degree adverbs that strengthen the next sentiment word, with their strength (multiplier - 1). */
export const BOOSTERS = new Map<string, number>(
  Object.entries({
    very: 0.3, really: 0.3, extremely: 0.45, so: 0.3, super: 0.35, incredibly: 0.45, absolutely: 0.4, totally: 0.35,
    completely: 0.35, utterly: 0.45, highly: 0.35, truly: 0.3, especially: 0.25, exceptionally: 0.45, remarkably: 0.35,
    most: 0.3, seriously: 0.3, insanely: 0.45, ridiculously: 0.45, painfully: 0.45, deeply: 0.35, thoroughly: 0.35,
    hugely: 0.4, immensely: 0.4, enormously: 0.4, entirely: 0.3, purely: 0.2, such: 0.25, quite: 0.1, real: 0.2,
    particularly: 0.25, unbelievably: 0.45, outrageously: 0.45, exceedingly: 0.45, amazingly: 0.4, awfully: 0.35, terribly: 0.35, fully: 0.2,
    way: 0.3, much: 0.25, far: 0.25, even: 0.15, damn: 0.35, damned: 0.35, freaking: 0.4, fricking: 0.4, frickin: 0.4,
    fucking: 0.5, effing: 0.45, hella: 0.4, mega: 0.35, uber: 0.35, wildly: 0.4, downright: 0.4, genuinely: 0.25,
    honestly: 0.1, definitely: 0.25, certainly: 0.2, simply: 0.2, beyond: 0.35,
    sooo: 0.45, soooo: 0.5, veryyy: 0.45, reallyy: 0.4, more: 0.2, consistently: 0.2, always: 0.1,
    // Words of harm used in slang as degree words before a sentiment word ("crazy good", "stupid expensive", "mad
    // love", "wicked good chowder", "sinfully rich"): before one they boost it and lose their own valence; alone
    // ("the place was crazy") they keep it. See the DEGREE check in `findItems`.
    crazy: 0.4, stupid: 0.4, wicked: 0.4, mad: 0.4, scary: 0.35, crazily: 0.4, stupidly: 0.4, wickedly: 0.4,
    scarily: 0.35, sinfully: 0.4, obscenely: 0.45, absurdly: 0.45, criminally: 0.4,
  }),
);

/** Hedges that weaken the next sentiment word (multiplier). */
export const DIMINISHERS = new Map<string, number>(
  Object.entries({
    slightly: 0.5, somewhat: 0.6, kinda: 0.6, sorta: 0.6, fairly: 0.8, rather: 0.85, mildly: 0.55, marginally: 0.5,
    partly: 0.55, partially: 0.55, occasionally: 0.6, relatively: 0.8, moderately: 0.7, reasonably: 0.85, almost: 0.6,
    mostly: 0.85, less: 0.5, nearly: 0.6, semi: 0.6, pretty: 0.9,
  }),
);

/** Two-word hedges ("kind of", "a bit") and boosters ("at all" after a negation). */
export const DIMINISHER_PAIRS = new Map<string, number>([
  ['kind of', 0.6],
  ['sort of', 0.6],
  ['a bit', 0.6],
  ['a little', 0.6],
  ['a tad', 0.6],
  ['not very', 0.6],
]);

/** Conjunctions after which the clause carries the speaker's point: what came before weighs less. */
export const CONTRAST_AFTER = set('but however nevertheless nonetheless although though except whereas');
/** Conjunctions that start a new clause: what follows is judged on its own ("great food but slow service"). */
export const CLAUSE_OPENERS = set('but however although though whereas except unfortunately sadly');
/** Concessive openers: the clause they introduce weighs less than the main clause. */
export const CONCESSIVE = set('although though despite while whilst whereas albeit');

/** Words that make the clause hypothetical or disappointed ("I wanted to love it", "should have been great"). */
export const IRREALIS_PAIRS = new Set([
  'wanted to', 'wanted it', 'want to', 'hoped to', 'hoped it', 'hoped for', 'hoping for', 'hoping to', 'hoping it',
  'expected to', 'expected it', 'expected more', 'expecting to', 'expecting it', 'supposed to', 'should have',
  'would have', 'could have', 'should of', 'would of', 'could of', 'if only', 'wish it',
  'wish they', 'wish i', 'wished it', 'tried to', 'trying to', 'meant to', 'pretends to', 'claims to', 'claimed to',
  'expected a', 'expecting a', 'wanted a',
  // Conditions and searches ("if you want great food", "people who want good service", "looking for a good meal"):
  // what follows is wished for, not found (see `CONDITIONS`).
  'you want', 'who want', 'who wants', 'looking for', 'searching for', 'search of',
]);
/** First words of the irrealis frames that set a condition or a search: praise after them counts for nothing. */
export const CONDITIONS = set('if you who looking searching search');
/**
 * Single-word irrealis markers, with the contracted modal perfects ("should've been great", "could've been better"),
 * one token each, which the pairs above ("should have") cannot hold.
 */
export const IRREALIS = set(`supposedly allegedly unless wish wished hopefully if should've would've could've shouldve
  wouldve couldve`);

/** Modal verbs that, with a negation and a comparative, make praise ("couldn't be happier"). */
export const MODALS = set(`could couldn't couldnt can can't cant cannot would wouldn't might could've couldve would've
  wouldve might've mightve`);
/** Modals that before a comparative wish or console ("could be better", "could've been worse"; `scoreItem`). */
export const WISHING_MODALS = set("could might could've couldve might've mightve");
/** "would" and its perfect: before a comparative they wish too, unless it compares ("would still be better than"). */
export const WOULD = set("would would've wouldve");

/** Comparative forms that turn "could not be X-er" into praise or blame, and "could be X-er" into a wish. */
export function isComparative(word: string, prev: string | undefined): boolean {
  if (prev === 'more' || prev === 'less') return true;
  return word === 'better' || word === 'worse' || word === 'happier' || word === 'more' || word === 'less' ||
    (word.length > 5 && word.endsWith('ier')) || word === 'nicer' || word === 'greater' || word === 'easier';
}

/**
 * Words that open a comparison with a named place ("felt as if I were in Paris", "like being back in Japan"; see
 * `transported.ts`), and the verbs of bringing others along ("I take all my friends here"; see `bring-others.ts`).
 * They may start an item though they have no valence of their own.
 */
export const TRANSPORT_FRAMES = set('feel feels felt feeling like transported');
export const BRINGING = set('bring brings bringing brought take takes taking took taken');

/** Subject pronouns and auxiliaries before "like" that make it the verb (a sentiment) rather than the preposition. */
export const LIKE_VERB_BEFORE = set(`
  i you we they he she who people really also just truly totally definitely do does did don't doesn't didn't dont
  doesnt didnt to not still always actually kinda sorta might may will also genuinely
  honestly absolutely both everyone everybody kids wife husband
`);

/** English words that do not carry sentiment and do not stop a modifier's reach. */
export const FUNCTION_WORDS = set(`
  the a an this that these those it its it's is are was were be been being am i me my we our you your he she they
  them their his her to of in on at for with by from as and or so do does did have has had will would can could
  should may might must there here what which who whom whose when where why how all any some each every one
`);

/**
 * Verbs whose "to" denies what follows ("forgot to refill our water", "failed to impress"): negated, they affirm it
 * instead ("don't forget to try the flan", "they didn't fail to impress"), so a negation before them ends at them.
 */
export const IMPLICATIVES = set(`
  forget forgets forgot forgotten forgetting fail fails failed failing neglect neglects neglected neglecting
`);

/** Nouns of an eating place, with their plurals: "another place" (`redirection.ts`), "other restaurants" (`other-places.ts`). */
export const PLACE_NOUNS = set(`
  place places restaurant restaurants spot spots joint joints establishment establishments location locations
`);

/** Adverbs of ease and speed, blame when said of damage ("breaks easily"; see `damage-ease.ts`). */
export const EASE_SPEED = set('easily easy quickly fast quick rapidly');
/** Words of surprise that take what surprised ("amazed at how small"; see `surprise-at.ts`). */
export const SURPRISE = set('amazed amazing surprised surprising shocked shocking astonished astonishing stunned impressed');
/**
 * First words of the items the rules after the scan read by their words: the two above, "free" ("hassle-free";
 * `free-of.ts`) and "at" ("fair at best"; `limited-praise.ts`). `ROLE.AFTER_SCAN` marks them, so a text whose items
 * start with none of them skips those rules.
 */
export const AFTER_SCAN_WORDS = new Set([...EASE_SPEED, ...SURPRISE, 'free', 'at']);
