import type { ArticleSeed, ReviewSite, TootSeed } from '../corpus/types.js';

/** How a review site prints the author in schema.org: a bare string, a `Person` or an `Organization`. */
export type AuthorKind = 'string' | 'person' | 'organization';

/** A review as published on one review site: id-stamped (never depends on `now`) and dated relative to `now`. */
export interface DemoReview {
  /** `<site>-<hash of site and text>`, e.g. `cafes-1k2j3h4g`. */
  id: string;
  /** Review target (`northwind`, `pixelpost`, …). */
  target: string;
  site: ReviewSite;
  /** 1–5 stars; 0 = unrated. */
  rating: number;
  title: string;
  text: string;
  author: string;
  authorKind: AuthorKind;
  /** ISO 639-1 language. */
  lang: string;
  /** Product slug (Brightline shop reviews). */
  product?: string;
  publishedAt: Date;
}

/** One App Store customer review of Pixelpost in one storefront. */
export interface DemoAppReview {
  /** Numeric string, grows with time. */
  id: string;
  author: string;
  /** Numeric iTunes user id. */
  authorId: string;
  /** 1–5. */
  rating: number;
  /** App version reviewed, e.g. `6.3.1`. */
  version: string;
  title: string;
  text: string;
  updatedAt: Date;
  voteSum: number;
  voteCount: number;
}

/** A news article or blog post, dated. */
export interface DemoArticle extends Omit<ArticleSeed, 'daysAgo'> {
  publishedAt: Date;
}

/** A Hacker News story or comment as the Algolia API sees it. */
export interface DemoHnItem {
  id: number;
  type: 'story' | 'comment';
  /** Stories only. */
  title: string | null;
  /** Stories only: a path on the demo site or an absolute URL; null for text posts. */
  url: string | null;
  /** Story text or comment text (plain, blank-line paragraphs). */
  text: string | null;
  author: string;
  createdAt: Date;
  /** Stories only. */
  points: number | null;
  /** Stories only: all comments under it. */
  numComments: number | null;
  /** The story an item belongs to (a story's own id). */
  storyId: number | null;
  /** Comments only. */
  parentId: number | null;
  /** Comments only. */
  storyTitle: string | null;
  /** Comments only. */
  storyUrl: string | null;
  /** Algolia `_tags`: `story`/`comment`, `author_<name>`, `story_<id>`, `show_hn`/`ask_hn`. */
  tags: string[];
}

/** A reddit comment with its replies. */
export interface DemoComment {
  id: string;
  author: string;
  body: string;
  score: number;
  createdAt: Date;
  replies: DemoComment[];
}

/** A reddit post (self or link post). */
export interface DemoRedditPost {
  /** Base-36 id (`t3_<id>` is its fullname). */
  id: string;
  /** Subreddit, display case. */
  sub: string;
  title: string;
  /** Self text; `''` for link posts. */
  selftext: string;
  /** Link target (path on the demo site or absolute URL); absent for self posts. */
  link?: string;
  author: string;
  createdAt: Date;
  score: number;
  comments: DemoComment[];
  /** Id of the post this one is a crosspost of. */
  crosspostOf?: string;
}

/** A Mastodon status. */
export interface DemoToot extends Omit<TootSeed, 'daysAgo' | 'lang' | 'replies' | 'boosts' | 'favs'> {
  /** Snowflake-like numeric string, grows with time. */
  id: string;
  createdAt: Date;
  lang: string;
  replies: number;
  boosts: number;
  favs: number;
  /** Lowercased hashtags of the text, in order of appearance. */
  tags: string[];
}

/** Everything the demo site serves, built once per `now`. Every list is newest first. */
export interface Dataset {
  now: Date;
  reviews: DemoReview[];
  /** App Store reviews of Pixelpost by storefront (`us`, `gb`, `de`). */
  appReviews: Record<string, DemoAppReview[]>;
  articles: DemoArticle[];
  hnItems: DemoHnItem[];
  redditPosts: DemoRedditPost[];
  toots: DemoToot[];
}
