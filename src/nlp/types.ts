/**
 * One CX theme: the shape of an entry in a theme pack (`config/themes/*.yaml`) and of a user's custom theme.
 * Terms are words or phrases, matched on stems (Porter), so "deliver" also finds "delivery" and "delivered".
 */
export interface ThemeDef {
  /** Stable id stored on mentions (`themes[].theme`), e.g. `delivery`. */
  id: string;
  /** Human label for reports; defaults to the id. */
  label?: string;
  /** Words and phrases that signal the theme ("late delivery", "courier", "arrived"). */
  terms: string[];
  /**
   * Phrases that contain a term but are not about the theme ("customer service" for a restaurant's `service`). A phrase
   * "* word" stands for each term followed by that word ("* place": "a pizza place" is not about the pizza); "=word"
   * is that written form, on its own, of a one-word term's stem ("=crowds": "crowded" is the room, crowds may not be).
   * A plain single word that shares a term's stem reads as "=word" ("stocks" does not drop "out of stock").
   */
  exclude?: string[];
  /**
   * Ids of themes (in other packs) this one stands for: where both are loaded, their terms join this theme and only
   * its id is reported ("price" in `restaurants` replaces `price-value` in `general`), so one mention is one count.
   */
  replaces?: string[];
  /** The pack the theme came from (set by the loader); informational. */
  pack?: string;
}

/**
 * Sentiment vocabulary: valences on the AFINN scale (-5..5). Words are single lowercase tokens; phrases are
 * lowercase token sequences separated by single spaces ("waste of money"); hyphens count as spaces.
 */
/** Words, phrases and emoji with valences on the AFINN scale; 0 removes a built-in entry. */
/**
 * Words and phrases read differently in a post addressed to someone (it names an @handle): told to a brand, "please
 * help", "hope you can", "do you care?" are requests, while in a post to no one ("I hope you all have a great
 * weekend", "yes! finally") they are the writer's feeling.
 */
export interface AddressedEntries {
  words?: Record<string, number>;
  phrases?: Record<string, number>;
}

export interface LexiconEntries {
  words?: Record<string, number>;
  phrases?: Record<string, number>;
  emoji?: Record<string, number>;
  /** See `LexiconEntries.negativeWeight`; a profile's own value wins. Default 1. */
  negativeWeight?: number;
  /**
   * Entries for one profile only ("social", "reviews"), applied over the ones above when a text is scored with that
   * profile: a word neutral in reviews need not be zeroed in posts.
   */
  profiles?: Partial<Record<string, LexiconEntries>>;
  /** Entries applied last, to a text addressed to someone (an @handle in it): see `AddressedEntries`. */
  addressed?: AddressedEntries;
}

export interface LexiconData {
  /** Single words, e.g. `{ great: 3, refund: -1 }`. */
  words: Record<string, number>;
  /** Multi-word phrases, e.g. `{ "waste of money": -4 }`. A phrase wins over the words it covers. */
  phrases?: Record<string, number>;
  /** Emoji and emoticons, e.g. `{ "😍": 3, ":(": -2 }`. */
  emoji?: Record<string, number>;
  /** See `LexiconEntries.negativeWeight`; a profile's own value wins. Default 1. */
  negativeWeight?: number;
  /**
   * Entries for one profile only ("social", "reviews"), applied over the ones above when a text is scored with that
   * profile: a word neutral in reviews need not be zeroed in posts.
   */
  profiles?: Partial<Record<string, LexiconEntries>>;
  /** Entries applied last, to a text addressed to someone (an @handle in it): see `AddressedEntries`. */
  addressed?: AddressedEntries;
}
