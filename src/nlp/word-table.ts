import type { IntentCue } from './intents.js';
import type { Phrase } from './lexicon.js';
import type { WordInfo } from './word-info.js';

/** FNV-1a step over a character code, curly apostrophes counted as straight ones. */
function hashStep(h: number, c: number): number {
  return Math.imul(h ^ (c === 0x2019 || c === 0x2018 ? 39 : c), 0x01000193);
}
export const HASH_SEED = 0x811c9dc5 | 0;

/** Numbers per slot of the hash table (see `WordTable.slots`). */
const SLOT = 4;
/** Slots of the hash table to start with; it doubles when three quarters full. */
const MIN_SLOTS = 1 << 12;
/**
 * Entries of the front cache of short words (see `idOfShort`): 32 KB, which stays in the CPU's nearest caches as the
 * hash table, at thousands of words, does not. Over the labelled review sentences, read three times, 96% of its
 * lookups hit (89% with 1024 entries).
 */
const FRONT = 1 << 12;
/** Longest word the front cache takes: four 7-bit characters make an exact 28-bit key. */
export const SHORT_MAX = 4;

/** Distinct words remembered before the table starts over, between two texts (a corpus rarely has that many). */
const MAX_WORDS = 1 << 16;

/**
 * The word cache of one analyzer: lowercase word → id → what is known about it. Tokenizing looks up every word, so
 * this is laid out for it: each slot holds a hash, an id and where the word's characters sit in one pool, and per id
 * the word, its flags and the fields later stages read most are kept in dense arrays (copied from its `WordInfo`), so
 * neither the lookup nor those stages chase the scattered info objects. Ids stay valid for the whole of a text: the
 * table only starts over in `beginText`.
 */
export class WordTable {
  /**
   * Four numbers per slot: hash, id + 1 (0 when empty), and the offset and length of the word in `pool`, so a lookup
   * reads the slot and the characters and nothing in between.
   */
  private slots!: Int32Array;
  private mask!: number;
  private pool!: Uint16Array;
  private poolUsed!: number;
  /**
   * The front cache: the last short ASCII word seen at each index (by hash), as its exact key (0: none), and its id.
   * Most tokens are short common words ("the", "was", "good"); this finds them without the table's cache misses.
   */
  private frontKey!: Int32Array;
  private frontId!: Int32Array;
  private full!: boolean;
  /** Per id: the word (internalized string), the info, and copies of the info's most read fields. */
  words!: string[];
  infos!: WordInfo[];
  flags!: Int32Array;
  roles!: Uint16Array;
  valence!: Float64Array;
  stemIds!: Int32Array;
  themeOffset!: Int32Array;
  cueWordNumber!: Int32Array;
  phraseSecondNumber!: Int32Array;
  phrases!: (Map<string, Phrase[]> | null)[];
  cues!: (IntentCue[] | null)[];
  /**
   * The info's `phraseNext` and `cueNext` bit sets, copied into one flat array each (`phraseNextBits`, `cueNextBits`)
   * at a per-id offset (-1: none): a test reads two dense arrays, not an array of objects, an object and its elements
   * (three cache misses for a word seen once in a while, and phrase and cue words are tested on most sentences).
   */
  private phraseNextAt!: Int32Array;
  private phraseNextBits!: Int32Array;
  private phraseNextUsed!: number;
  private cueNextAt!: Int32Array;
  private cueNextBits!: Int32Array;
  private cueNextUsed!: number;

  /** A hashtag's valence with its parts checked against the dictionary (`compoundValence` with `words`). */
  wordedHashtag: (w: string) => number = () => 0;
  /** A camel-case hashtag's valence from its words (`camelValence`). */
  camelHashtag: (parts: string[]) => number = () => 0;

  constructor(private readonly build: (w: string) => WordInfo) {
    this.clear();
  }

  /**
   * Start empty, at the initial sizes: a text with very many distinct words grows the table as much as it needs
   * (its ids must stay valid while it is analyzed), and the memory is given back when the next text starts over.
   */
  private clear(): void {
    this.slots = new Int32Array(MIN_SLOTS * SLOT);
    this.mask = MIN_SLOTS - 1;
    this.pool = new Uint16Array(1 << 14);
    this.poolUsed = 0;
    // Ids are only valid until the table starts over: so are the cached ones.
    this.frontKey = new Int32Array(FRONT);
    this.frontId = new Int32Array(FRONT);
    this.full = false;
    this.words = [];
    this.infos = [];
    this.flags = new Int32Array(MIN_SLOTS / 2);
    this.roles = new Uint16Array(MIN_SLOTS / 2);
    this.valence = new Float64Array(MIN_SLOTS / 2);
    this.stemIds = new Int32Array(MIN_SLOTS / 2);
    this.themeOffset = new Int32Array(MIN_SLOTS / 2);
    this.cueWordNumber = new Int32Array(MIN_SLOTS / 2);
    this.phraseSecondNumber = new Int32Array(MIN_SLOTS / 2);
    this.phrases = [];
    this.cues = [];
    this.phraseNextAt = new Int32Array(MIN_SLOTS / 2);
    this.phraseNextBits = new Int32Array(1 << 10);
    this.phraseNextUsed = 0;
    this.cueNextAt = new Int32Array(MIN_SLOTS / 2);
    this.cueNextBits = new Int32Array(1 << 10);
    this.cueNextUsed = 0;
  }

  /** Whether word `id`'s phrases include one whose second word has phrase-second number `k` (-1: none). */
  phraseNextHas(id: number, k: number): boolean {
    const at = this.phraseNextAt[id]!;
    return at >= 0 && k >= 0 && ((this.phraseNextBits[at + (k >> 5)]! >>> (k & 31)) & 1) === 1;
  }

  /** Whether word `id`'s cues need a particular next word (`WordInfo.cueNext` set). */
  cueNeedsNext(id: number): boolean {
    return this.cueNextAt[id]! >= 0;
  }

  /** Whether a cue of word `id` that needs a particular next word may go on with cue word number `k` (-1: none). */
  cueNextHas(id: number, k: number): boolean {
    const at = this.cueNextAt[id]!;
    return k >= 0 && ((this.cueNextBits[at + (k >> 5)]! >>> (k & 31)) & 1) === 1;
  }

  /** Called before each text: starts over if the last text filled the table. */
  beginText(): void {
    if (this.full) this.clear();
  }

  /** The id of a lowercase word with straight apostrophes. */
  idOfWord(word: string): number {
    let h = HASH_SEED;
    const chars = new Uint16Array(word.length);
    for (let k = 0; k < word.length; k++) {
      const c = word.charCodeAt(k);
      chars[k] = c === 0x2019 || c === 0x2018 ? 39 : c;
      h = hashStep(h, c);
    }
    return this.idOf(chars, word.length, h, word, 0);
  }

  /**
   * `idOfAscii` for a word of at most `SHORT_MAX` characters given also as `key`, its lowercase characters packed
   * 7 bits each (last character lowest): no character is 0, so the key is the word exactly, and a hit in the front
   * cache needs no comparison of characters.
   */
  idOfShort(key: number, hash: number, src: string, start: number, len: number): number {
    const at = hash & (FRONT - 1);
    if (this.frontKey[at] === key) return this.frontId[at]!;
    const id = this.idOfAscii(src, start, len, hash);
    this.frontKey[at] = key;
    this.frontId[at] = id;
    return id;
  }

  /**
   * `idOf` for the ASCII word `src[start, start + len)` of letters, digits, apostrophes and points (whose lowercase
   * is `| 32`), given the FNV-1a hash of that lowercase. The tokenizer reads the word's characters once, for the
   * hash: it keeps no copy of them, since most words are found in the front cache and need none; the rest are
   * compared with the text itself.
   */
  idOfAscii(src: string, start: number, len: number, hash: number): number {
    const slots = this.slots;
    let s = (hash & this.mask) << 2;
    for (;;) {
      const id = slots[s + 1]! - 1;
      if (id < 0) break;
      if (slots[s] === hash && slots[s + 3] === len && this.sameAscii(src, start, len, slots[s + 2]!)) return id;
      s = (s + SLOT) & (this.mask * SLOT + SLOT - 1);
    }
    return this.insert(src.slice(start, start + len).toLowerCase(), hash);
  }

  private sameAscii(src: string, start: number, len: number, at: number): boolean {
    const pool = this.pool;
    for (let k = 0; k < len; k++) if ((src.charCodeAt(start + k) | 32) !== pool[at + k]) return false;
    return true;
  }

  /**
   * The id of the word whose lowercase characters (curly apostrophes straightened) are `chars[0, len)`, given their
   * FNV-1a hash. Should it be new, its string is `src.slice(start, start + len)` lowercased and straightened.
   */
  idOf(chars: Uint16Array, len: number, hash: number, src: string, start: number): number {
    const slots = this.slots;
    let s = (hash & this.mask) << 2;
    for (;;) {
      const id = slots[s + 1]! - 1;
      if (id < 0) break;
      if (slots[s] === hash && slots[s + 3] === len && this.same(chars, len, slots[s + 2]!)) return id;
      s = (s + SLOT) & (this.mask * SLOT + SLOT - 1);
    }
    let word = src.slice(start, start + len).toLowerCase();
    if (word.indexOf('\u2019') >= 0 || word.indexOf('\u2018') >= 0) word = word.replace(/[\u2018\u2019]/g, "'");
    return this.insert(word, hash);
  }

  private same(chars: Uint16Array, len: number, at: number): boolean {
    const pool = this.pool;
    for (let k = 0; k < len; k++) if (chars[k] !== pool[at + k]) return false;
    return true;
  }

  private insert(word: string, hash: number): number {
    const info = this.build(internalized(word));
    if (this.infos.length >= MAX_WORDS) this.full = true;
    if (this.infos.length >= ((this.mask + 1) * 3) >> 2) this.grow();
    const id = this.infos.length;
    if (id >= this.flags.length) {
      this.flags = grownInt32(this.flags);
      const r = new Uint16Array(this.roles.length * 2);
      r.set(this.roles);
      this.roles = r;
      this.stemIds = grownInt32(this.stemIds);
      this.themeOffset = grownInt32(this.themeOffset);
      this.cueWordNumber = grownInt32(this.cueWordNumber);
      this.phraseSecondNumber = grownInt32(this.phraseSecondNumber);
      this.phraseNextAt = grownInt32(this.phraseNextAt);
      this.cueNextAt = grownInt32(this.cueNextAt);
      const v = new Float64Array(this.valence.length * 2);
      v.set(this.valence);
      this.valence = v;
    }
    if (this.poolUsed + word.length > this.pool.length) {
      const p = new Uint16Array(Math.max(this.pool.length * 2, this.poolUsed + word.length));
      p.set(this.pool);
      this.pool = p;
    }
    const off = this.poolUsed;
    for (let k = 0; k < word.length; k++) this.pool[off + k] = word.charCodeAt(k);
    this.poolUsed += word.length;
    this.infos.push(info);
    this.words.push(info.word);
    this.flags[id] = info.flags;
    this.roles[id] = info.roles;
    this.valence[id] = info.valence;
    this.stemIds[id] = info.stemId;
    this.phrases.push(info.phrases);
    this.themeOffset[id] = info.themeOffset;
    this.cues.push(info.cues);
    this.phraseNextAt[id] = info.phraseNext ? this.addPhraseNext(info.phraseNext) : -1;
    this.cueNextAt[id] = info.cueNext ? this.addCueNext(info.cueNext) : -1;
    this.cueWordNumber[id] = info.cueWordNumber;
    this.phraseSecondNumber[id] = info.phraseSecondNumber;
    this.place(this.slots, hash, id + 1, off, word.length);
    return id;
  }

  /** Append a bit set to `phraseNextBits`; returns its offset. */
  private addPhraseNext(bits: Int32Array): number {
    const at = this.phraseNextUsed;
    if (at + bits.length > this.phraseNextBits.length) this.phraseNextBits = grownTo(this.phraseNextBits, at + bits.length);
    this.phraseNextBits.set(bits, at);
    this.phraseNextUsed = at + bits.length;
    return at;
  }

  /** Append a bit set to `cueNextBits`; returns its offset. */
  private addCueNext(bits: Int32Array): number {
    const at = this.cueNextUsed;
    if (at + bits.length > this.cueNextBits.length) this.cueNextBits = grownTo(this.cueNextBits, at + bits.length);
    this.cueNextBits.set(bits, at);
    this.cueNextUsed = at + bits.length;
    return at;
  }

  private place(slots: Int32Array, hash: number, id1: number, off: number, len: number): void {
    let s = (hash & this.mask) << 2;
    while (slots[s + 1] !== 0) s = (s + SLOT) & (this.mask * SLOT + SLOT - 1);
    slots[s] = hash;
    slots[s + 1] = id1;
    slots[s + 2] = off;
    slots[s + 3] = len;
  }


  private grow(): void {
    const old = this.slots;
    this.mask = this.mask * 2 + 1;
    this.slots = new Int32Array((this.mask + 1) * SLOT);
    for (let s = 0; s < old.length; s += SLOT) {
      if (old[s + 1] !== 0) this.place(this.slots, old[s]!, old[s + 1]!, old[s + 2]!, old[s + 3]!);
    }
  }
}

function grownInt32(a: Int32Array): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** `a` copied into an array at least twice as long and at least `min` long. */
function grownTo(a: Int32Array, min: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(Math.max(a.length * 2, min));
  b.set(a);
  return b;
}

/**
 * The word as V8's canonical (internalized) string: a flat copy that no longer points into the text it was cut from
 * (so the cache does not keep whole reviews alive), hashes once, and compares with other internalized strings (every
 * literal) by identity. Property names are internalized; this is the portable way to ask for it. The holder object is
 * in dictionary mode (made so by a delete), so the many names it sees leave no hidden classes behind.
 */
const interner: Record<string, number> = Object.create(null);
interner.x = 0;
delete interner.x;

function internalized(word: string): string {
  interner[word] = 0;
  const key = Object.keys(interner)[0]!;
  delete interner[word];
  return key;
}
