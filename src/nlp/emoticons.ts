/**
 * ASCII emoticons, lowercased, on the AFINN scale: the tokenizer reads a text's emoticons by these keys
 * (`emoticonAt`), the lexicon scores them (`compileLexicon`). (Emoji come from the `sentiment` package's table, the
 * Emoji Sentiment Ranking.)
 */
export const EMOTICONS: Record<string, number> = {
  ':)': 2, ':-)': 2, ':]': 2, '=)': 2, '(:': 2, ':d': 3, ':-d': 3, '=d': 3, 'xd': 2, ':p': 1, ':-p': 1, ';)': 2,
  ';-)': 2, '^_^': 2, '^^': 2, '<3': 3, ':*': 2, ':-*': 2, ':(': -2, ':-(': -2, ':[': -2, '=(': -2, '):': -2,
  ":'(": -3, 'd:': -3, '>:(': -3, ':@': -3, ':/': -1, ':-/': -1, ':\\': -1, ':|': -1, ':-|': -1, '-_-': -1,
  '</3': -3, ':s': -1, ':-s': -1, ':o': 0, ':-o': 0,
  // Variants, valences from VADER's emoticon entries (x1.25, rounded to a half; config/lexicon/10-vader-social.yaml).
  ':))': 3, ':-))': 3.5, ':)))': 3.5, ':((': -3, ':-((': -3, ':(((': -3.5, ":')": 3, ":'-)": 3.5, ":'-(": -3, ';(': -2,
  ';-(': -2, ':-[': -2, ':-]': 2, '=]': 2, '=[': -2, '=/': -1.5, '=p': 1.5, ':3': 3, ':>': 2.5, ':<': -2.5,
  '>:-(': -3.5, ':^)': 2.5, '(-:': 2, ')-:': -2.5, '<33': 3.5, ':o)': 2.5, ':c)': 2.5, ':}': 2.5, '=3': 2.5, '(=': 2.5,
  '=-d': 3, ';-*': 3, '(;': 1.5, ':c': -2.5, ':-c': -1.5, ':{': -2.5, ':l': -2, ':-<': -2, '>:[': -2.5, '>:/': -2,
  '>:\\': -2, '>;(': -3.5, '>.<': -1.5, ';^)': 1.5,
  // Variants VADER lacks, valued as their kin above: a dot or dash for the eyes' underscore, a crying ";_;".
  '-.-': -1, '^.^': 2, '^-^': 2, '>_<': -1.5, ';_;': -2.5,
};
