import { stem } from './stem.js';

/**
 * Adjectives whose polarity depends on the aspect they describe: a high price is bad and a high quality good, a long
 * wait bad and a long battery life good, a cold beer good and a cold meal bad. An adjective with a valence of its own
 * ("warm" +1, "generous" +2) keeps it where none of its aspects is in reach, and takes the aspect's where one is ("the
 * beer was warm" is a complaint). Each row: the aspect nouns, and what each adjective says about them (AFINN scale).
 * Matched on Porter stems, so "prices", "waiting", "portions" count. Grammar, not vocabulary of one domain: the rows
 * are the everyday dimensions (amount, duration, size, temperature, speed) of the aspects customers talk about.
 */
const ROWS: [string, Record<string, number>][] = [
  ['price prices cost fee fare charge bill rent premium markup tax', {
    high: -2, higher: -2, highest: -2.5, steep: -2, hefty: -2, low: 2, lower: 1.5, lowest: 2, fair: 2, decent: 1.5,
    cheap: 2, cheaper: 1.5,
    // A price that went up ("the third price increase this year", "prices keep rising", "they raised prices again"), or
    // came down.
    increase: -1.5, increases: -1.5, increased: -1.5, increasing: -1.5, hike: -2, hikes: -2, rising: -1.5, rose: -1.5,
    raise: -1.5, raised: -1.5, raising: -1.5, hiked: -2, dropped: 1.5, reduced: 1.5,
  }],
  ['wait queue line delay hold layover turnaround response', {
    long: -2, longer: -2, longest: -2.5, endless: -2.5, short: 1.5, shorter: 1.5, quick: 2, fast: 2, substantial: -2,
    considerable: -2, lengthy: -2,
  }],
  ['battery', { long: 2, longer: 2, short: -2, shorter: -2, poor: -2, weak: -2 }],
  ['portion portions serving servings size helping dish dishes plate', {
    small: -2, smaller: -1.5, tiny: -2.5, skimpy: -2.5, large: 2, big: 2, huge: 2, generous: 2.5, hefty: 2,
  }],
  ['food meal dish soup pizza coffee tea fries steak burger entree pasta rice breakfast dinner lunch plate', {
    cold: -2, lukewarm: -2, hot: 1.5,
  }],
  ['beer beers drink drinks soda wine champagne juice lemonade', { cold: 1.5, warm: -1.5, flat: -2 }],
  // Texture: dry meat or cake is overcooked or stale, moist the praise.
  ['meat chicken steak fish beef pork lamb turkey salmon duck brisket burger cake bread muffin', {
    dry: -2, drier: -2, driest: -2.5, moist: 2, chewy: -1.5, tough: -2,
  }],
  ['room seat seats legroom space cabin bed bathroom place restaurant table tables', {
    small: -1.5, tiny: -2, tight: -2, narrow: -1.5, big: 1.5, large: 1.5, roomy: 2,
  }],
  ['service staff delivery shipping checkout connection internet wifi speed', { slow: -2, fast: 2, quick: 2 }],
  // Loudness: a loud room is a complaint, a loud speaker praise ("loud" alone cost amazon val .873 -> .869).
  ['place room restaurant bar music crowd atmosphere ambience neighbors', { loud: -1.5, quiet: 1.5 }],
  ['speaker speakers volume ringer ring sound headset earpiece', { loud: 2, quiet: -1.5 }],
  // Heat: a device that gets hot is overheating ("The phone gets EXTREMELY HOT!").
  ['phone phones battery charger laptop device unit adapter computer tablet headset earpiece', { hot: -2, warm: -1.5 }],
  // A standard that changed: quality that dropped is a complaint ("have seen the quality decrease", "quality has gone
  // down"); prices that dropped are not.
  ['quality standard standards consistency taste flavor service food', {
    decrease: -2, decreased: -2, decreasing: -2, decline: -2, declined: -2, declining: -2, dropped: -2, deteriorated: -2.5,
    deteriorating: -2.5, worsened: -2.5, slipped: -2,
  }],
  ['quality standard standards', { down: -1.5 }],
];

const BY_ADJECTIVE = new Map<string, Map<string, number>>();
for (const [nouns, adjectives] of ROWS) {
  for (const noun of nouns.split(' ')) {
    const s = stem(noun);
    for (const [adj, v] of Object.entries(adjectives)) {
      let m = BY_ADJECTIVE.get(adj);
      if (!m) BY_ADJECTIVE.set(adj, (m = new Map()));
      m.set(s, v);
    }
  }
}

/** The aspect stems an adjective judges, with its valence for each; null for other words. */
export function aspectAdjective(word: string): Map<string, number> | null {
  return BY_ADJECTIVE.get(word) ?? null;
}

/** Stems of all the aspect nouns some adjective judges. */
const ASPECT_STEMS = new Set<string>();
for (const m of BY_ADJECTIVE.values()) for (const s of m.keys()) ASPECT_STEMS.add(s);

/** Whether some adjective's polarity depends on this aspect stem ("price", "wait"), so it is worth looking up. */
export function isAspectStem(stem: string): boolean {
  return ASPECT_STEMS.has(stem);
}
