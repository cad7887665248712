/**
 * Words and phrases of a text for the `emerging` report: lowercased word tokens (letters of any script, digits,
 * inner apostrophes and hyphens), English stopwords and very short tokens dropped, plus the two- and three-word
 * phrases of consecutive kept tokens within a clause ("charged me twice" → "charged twice"; punctuation ends a
 * clause, so phrases never bridge two sentences).
 */

const STOPWORDS = new Set(
  `a about above after again against all am an and any are aren't as at be because been before being below between both
  but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each few for from further
  had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself him himself his how how's i
  i'd i'll i'm i've if in into is isn't it it's its itself let's me more most mustn't my myself no nor not of off on once
  only or other ought our ours ourselves out over own same shan't she she'd she'll she's should shouldn't so some such
  than that that's the their theirs them themselves then there there's these they they'd they'll they're they've this
  those through to too under until up very was wasn't we we'd we'll we're we've were weren't what what's when when's
  where where's which while who who's whom why why's with won't would wouldn't you you'd you'll you're you've your yours
  yourself yourselves also just get got one two really even still will now much many well back like us since yet
  ever every again go went going come came way thing things lot bit day time today yesterday people`.split(/\s+/),
);

const TOKEN = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** Kept tokens of `text` in order (lowercased, stopwords and 1–2 character tokens dropped). */
export function tokens(text: string, extraStop: ReadonlySet<string> = new Set()): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(TOKEN)) {
    const t = m[0].replace(/’/g, "'");
    if (t.length < 3 || STOPWORDS.has(t) || extraStop.has(t) || /^\d+$/.test(t)) continue;
    out.push(t);
  }
  return out;
}

/** The distinct terms of a text: its kept words and the 2- and 3-word phrases of consecutive kept words per clause. */
export function termsOf(text: string, extraStop: ReadonlySet<string> = new Set()): Set<string> {
  const out = new Set<string>();
  // Phrases must not bridge punctuation: split into clauses first.
  for (const run of text.toLowerCase().split(/[.,;:!?()"\n\r]+/)) {
    const words: string[] = [];
    const flush = () => {
      for (let i = 0; i < words.length; i++) {
        out.add(words[i]!);
        if (i + 1 < words.length) out.add(`${words[i]} ${words[i + 1]}`);
        if (i + 2 < words.length) out.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
      }
      words.length = 0;
    };
    for (const m of run.matchAll(TOKEN)) {
      const t = m[0].replace(/’/g, "'");
      if (t.length >= 3 && !STOPWORDS.has(t) && !extraStop.has(t) && !/^\d+$/.test(t)) words.push(t);
    }
    flush();
  }
  return out;
}
