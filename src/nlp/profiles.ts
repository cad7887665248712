import type { TextProfile } from '../domain/analysis.js';
import type { SourceKind } from '../domain/source-kind.js';

export { TEXT_PROFILES, type TextProfile } from '../domain/analysis.js';

/** The profile a text is scored with when nothing chooses one: reviews, as before profiles existed. */
export const DEFAULT_PROFILE: TextProfile = 'reviews';

/**
 * The source family of each kind. A record over every kind, so a new kind must be placed: review pages and app stores
 * are reviews; searched mentions (feeds, Reddit, Hacker News, Mastodon) are posts.
 */
const PROFILE_OF_KIND: Record<SourceKind, TextProfile> = {
  'reviews-jsonld': 'reviews',
  'site-profile': 'reviews',
  appstore: 'reviews',
  googleplay: 'reviews',
  steam: 'reviews',
  trustpilot: 'reviews',
  rss: 'social',
  reddit: 'social',
  hackernews: 'social',
  mastodon: 'social',
  bluesky: 'social',
  youtube: 'social',
};

/** The profile for a source: its configured `nlpProfile`, else its kind's family, else the default. */
export function profileForSource(source: { kind: string; nlpProfile?: TextProfile | undefined }): TextProfile {
  return source.nlpProfile ?? PROFILE_OF_KIND[source.kind as SourceKind] ?? DEFAULT_PROFILE;
}
