import { z } from 'zod';
import { AlertRule, Channel, ChannelName } from '../domain/alert.js';
import { Brand } from '../domain/brand.js';
import { configObject } from '../domain/config-object.js';
import { Cron } from '../domain/source.js';
import { TimeZone } from '../domain/time-zone.js';
import { DigestConfig } from '../domain/digest.js';

/** Settings every source inherits unless it sets its own. */
export const Defaults = configObject({
  /** Crawl schedule for sources and brands without one. Default: every 6 hours. */
  schedule: Cron.default('0 */6 * * *'),
  /** User-Agent for every request; names earshot so site owners can tell who is calling. */
  userAgent: z.string().min(1).default('earshot/0.1 (+https://github.com/earshot/earshot; social listening bot)'),
  /** How often alert rules are checked besides after each ingest (`earshot schedule sync`). Default: every 15 minutes. */
  detectSchedule: Cron.default('*/15 * * * *'),
});

/** How long stored mentions keep what identifies people; everything counted stays. */
export const Retention = configObject({
  /**
   * Mentions published more than this many days ago lose their text, title, author details, theme evidence and
   * sentiment explanations (`earshot store prune`); scores, themes, intents, stars and rollups stay, so reports keep
   * their numbers. Default: unset (raw text is kept).
   */
  rawTextDays: z.number().int().min(1).max(36_500).optional(),
});

/**
 * The whole config file. Brand-level and source-level details live in src/domain. Every mapping is strict (an
 * unknown key is an error; `x-` keys hold anchors). The checks across entries (unique ids, rules naming a configured
 * brand, source and channels, theme packs, tracked competitors) are in `checks.ts`, run by the loader in the same pass.
 */
export const ConfigSchema = configObject({
  /**
   * IANA time zone for cron schedules (`0 8 * * 1` is 08:00 there, daylight saving included), the days of digests
   * and the times the CLI shows. Default `UTC`.
   */
  timezone: TimeZone.default('UTC'),
  defaults: Defaults.default(Defaults.parse({})),
  brands: z.array(Brand).min(1, 'at least one brand is needed'),
  /** Alert rules (src/domain/alert.ts). */
  alerts: z.array(AlertRule).default([]),
  /** Where alerts are sent, by name: webhook, slack or email. */
  channels: z.record(ChannelName, Channel).default({}),
  /** Scheduled summaries per brand, sent to channels above (src/domain/digest.ts). */
  digests: z.array(DigestConfig).default([]),
  /** Data retention (`earshot store prune` applies it). Default: keep everything. */
  retention: Retention.default({}),
});

export type Config = z.infer<typeof ConfigSchema>;
export type ConfigInput = z.input<typeof ConfigSchema>;
