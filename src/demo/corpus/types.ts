/** Review sites the demo serves (see ROUTES.md). */
export type ReviewSite = 'cafes' | 'guide' | 'board' | 'live' | 'shop' | 'apps' | 'private';

/** One hand-written review. Dates are assigned relative to `now` when the dataset is built. */
export interface ReviewSeed {
  /** 1–5 stars; 0 = left without a rating (only the 10-point apps site shows that, as "0"). */
  rating: number;
  title: string;
  text: string;
  /** ISO 639-1 language; default `en`. */
  lang?: string;
  /** Where it is published; default: picked from the brand's site mix. */
  site?: ReviewSite;
  /** Product slug (shop reviews). */
  product?: string;
  /** Fixed age in hours (the spike); default: spread over the 10 weeks before `now`. */
  hoursAgo?: number;
  author?: string;
  /** Also published by the same author on another site: exact copy, or `near` (lightly edited). */
  syndicate?: { site: ReviewSite; near?: boolean };
}

/** A business or product reviewed on the review sites, with its reviews. */
export interface ReviewTarget {
  /** Route id: `/cafes/<id>`, `/board/<id>` … */
  id: string;
  name: string;
  /** Sites its unplaced reviews are spread over, with weights. */
  sites: Partial<Record<ReviewSite, number>>;
  reviews: ReviewSeed[];
}

export interface CommentSeed {
  author: string;
  text: string;
  score?: number;
  /** Hours after the parent was posted; default 2. */
  after?: number;
  replies?: CommentSeed[];
}

export interface RedditPostSeed {
  sub: string;
  title: string;
  /** Self-post text (markdown-ish plain text); absent for link posts. */
  text?: string;
  /** Link post target, a path on the demo site (`/news/articles/...`) or an absolute URL. */
  link?: string;
  author: string;
  daysAgo: number;
  score: number;
  comments?: CommentSeed[];
  /** Also posted (same title, same author, an hour later) to this subreddit. */
  crosspost?: string;
}

export interface HnStorySeed {
  title: string;
  /** Path on the demo site or absolute URL; absent for Ask HN / text posts. */
  url?: string;
  text?: string;
  author: string;
  daysAgo: number;
  points: number;
  comments?: CommentSeed[];
}

export interface TootSeed {
  user: string;
  display: string;
  /** Remote instance for `acct` (`user@instance`); local when absent. */
  instance?: string;
  followers: number;
  /** Plain text; `#tags` become hashtag links, blank lines new paragraphs. */
  text: string;
  daysAgo: number;
  lang?: string;
  replies?: number;
  boosts?: number;
  favs?: number;
}

export interface ArticleSeed {
  slug: string;
  kind: 'news' | 'blog';
  title: string;
  /** Publisher (news) or byline (blog). */
  by: string;
  summary: string;
  body: string;
  daysAgo: number;
}
