import { z } from 'zod';
import { Slug } from './brand.js';
import { configObject } from './config-object.js';
import { Cron } from './source.js';

/** The parts a digest can hold, in the order it shows them. */
export const DIGEST_SECTIONS = ['volume', 'drivers', 'answer', 'emerging', 'alerts', 'sources'] as const;
export const DigestSection = z.enum(DIGEST_SECTIONS);
export type DigestSection = z.infer<typeof DigestSection>;

/**
 * A scheduled summary of one brand (`digests:` in config): what changed since the last digest, sent to channels
 * configured under `channels:` (email gets HTML with a plain-text part, Slack a message, a webhook JSON).
 */
export const DigestConfig = configObject({
  brand: Slug,
  /** Names under `channels:`. */
  channels: z.array(z.string().min(1)).min(1, 'a digest needs at least one channel'),
  /** When it is sent, a cron in the config's `timezone`. Default Mondays 08:00. */
  schedule: Cron.default('0 8 * * 1'),
  /** What it contains. Default all: volume, drivers, answer, emerging, alerts, sources. */
  sections: z.array(DigestSection).min(1).default([...DIGEST_SECTIONS]),
  /** Mentions to answer listed at most. Default 5. */
  top: z.number().int().min(1).max(50).default(5),
});
export type DigestConfig = z.infer<typeof DigestConfig>;

/** One digest, built from the store: every number a reader sees. */
export interface Digest {
  brand: { id: string; name: string };
  /** The period covered, days in the config's time zone, both included. */
  from: string;
  to: string;
  /** The period of the same length just before, the change is measured against it. */
  previous: { from: string; to: string };
  sections: DigestSection[];
  volume: { mentions: number; previous: number; change: number | null; netSentiment: number; previousNet: number; netChange: number };
  drivers: Array<{ theme: string; direction: 'down' | 'up'; impact: number; mentions: number; netSentiment: number; example?: { text: string; url: string } }>;
  answer: Array<{ source: string; author: string; text: string; url: string; stars: number | null; publishedAt: string }>;
  emerging: Array<{ term: string; recent: number; lift: number; isNew: boolean; url: string }>;
  alerts: Array<{ id: string; severity: string; firedAt: string; summary: string }>;
  failedSources: Array<{ source: string; status: string; at: string; reason: string }>;
}
