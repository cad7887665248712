import { z } from 'zod';
import { TextProfile } from './analysis.js';
import { configObject } from './config-object.js';
import { isValidCron } from './cron.js';
import { SourceKind } from './source-kind.js';
import { Storefront } from './storefront.js';

/** A cron expression (5 or 6 fields), checked by parsing it. */
export const Cron = z.string().refine(isValidCron, { message: 'Invalid cron expression' });

/** An absolute http(s) URL. Other schemes (file:, ftp:, javascript:) are refused at config time. */
export const HttpUrl = z.url({ protocol: /^https?$/, message: 'Invalid URL (http or https only)' });

export const SourceLimits = configObject({
  /** Pages fetched per run at most. Default 20. */
  maxPages: z.number().int().positive().default(20),
  /** Items kept per run at most. Default 1000. */
  maxItems: z.number().int().positive().default(1000),
  /** Requests per minute to one host. Default 60. */
  maxRequestsPerMinute: z.number().int().positive().default(60),
  /** Per-request timeout in seconds. Default 30. */
  requestTimeoutSecs: z.number().positive().default(30),
  /** Responses larger than this many bytes are dropped. Default 5 MB. */
  maxResponseBytes: z.number().int().positive().default(5 * 1024 * 1024),
  /** Hard deadline for a whole run, in seconds. Default 600. */
  runDeadlineSecs: z.number().positive().default(600),
});
export type SourceLimits = z.infer<typeof SourceLimits>;

/** A CSS-selector profile for sites without structured data (`site-profile` sources). */
export const SiteProfile = configObject({
  item: z.string().min(1),
  text: z.string().min(1),
  title: z.string().optional(),
  rating: z.string().optional(),
  /** Attribute holding the rating (e.g. `data-rating`); the element's text when absent. */
  ratingAttribute: z.string().optional(),
  ratingBest: z.number().positive().default(5),
  author: z.string().optional(),
  date: z.string().optional(),
  /** Attribute holding the date (e.g. `datetime`); the element's text when absent. */
  dateAttribute: z.string().optional(),
  permalink: z.string().optional(),
  id: z.string().optional(),
  nextPage: z.string().optional(),
  loadMore: z.string().optional(),
});
export type SiteProfile = z.infer<typeof SiteProfile>;

/** One place a brand is crawled from. Kind-specific fields are checked by `superRefine` below. */
export const Source = configObject({
  kind: SourceKind,
  /** Unique within the brand; defaults to the kind. */
  name: z.string().min(1).optional(),
  url: HttpUrl.optional(),
  /** Kind-specific ids: App Store app ids, subreddits, hashtags … */
  ids: z.array(z.string().min(1)).optional(),
  /** Search query for search-type sources (reddit, hackernews); defaults to the brand's aliases. */
  query: z.string().min(1).optional(),
  /** App Store storefronts: lowercase ISO 3166-1 alpha-2 codes (`us`, `gb`, `de`). Default `[us]`. */
  storefronts: z.array(Storefront).optional(),
  render: z.enum(['http', 'browser']).default('http'),
  profile: SiteProfile.optional(),
  schedule: Cron.optional(),
  limits: SourceLimits.default(SourceLimits.parse({})),
  respectRobots: z.boolean().default(true),
  /** Lets a source reach loopback/private addresses. For the demo and tests only. */
  allowPrivateNetworks: z.boolean().default(false),
  userAgent: z.string().min(1).optional(),
  /** Lexicon profile its items are scored with (`reviews` or `social`). Default: by kind (see `profileForSource`). */
  nlpProfile: TextProfile.optional(),
  /** The environment variable holding the source's API key (youtube: default `YOUTUBE_API_KEY`). Never the key itself. */
  keyEnv: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name (letters, digits, _)').optional(),
})
  .superRefine((s, ctx) => {
    const needsUrl = ['reviews-jsonld', 'site-profile', 'rss', 'mastodon'];
    if (needsUrl.includes(s.kind) && !s.url) {
      ctx.addIssue({ code: 'custom', path: ['url'], message: `a ${s.kind} source needs a url` });
    }
    if (s.kind === 'site-profile' && !s.profile) {
      ctx.addIssue({ code: 'custom', path: ['profile'], message: 'a site-profile source needs a profile' });
    }
    if (s.kind === 'appstore' && !s.ids?.length) {
      ctx.addIssue({ code: 'custom', path: ['ids'], message: 'an appstore source needs app ids' });
    }
    if (s.kind === 'steam' && !s.ids?.length) {
      ctx.addIssue({ code: 'custom', path: ['ids'], message: 'a steam source needs Steam app ids (ids: ["570"])' });
    }
    if (s.kind === 'googleplay' && !s.ids?.length) {
      ctx.addIssue({ code: 'custom', path: ['ids'], message: 'a googleplay source needs app ids (package names, e.g. "com.example.app")' });
    }
    if (s.kind === 'youtube' && !s.ids?.length) {
      ctx.addIssue({ code: 'custom', path: ['ids'], message: 'a youtube source needs video ids or channel ids (UC…)' });
    }
    if (s.kind === 'trustpilot' && !s.ids?.length) {
      ctx.addIssue({ code: 'custom', path: ['ids'], message: 'a trustpilot source needs business domains (ids: ["example.com"])' });
    }
  })
  .transform((s) => ({ ...s, name: s.name ?? s.kind }));
export type Source = z.infer<typeof Source>;
export type SourceInput = z.input<typeof Source>;
