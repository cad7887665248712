import { z } from 'zod';
import { Slug } from './brand.js';
import { configObject } from './config-object.js';
import { HttpUrl } from './source.js';

/** A length of time written `30m`, `6h`, `7d` or `2w` (minutes, hours, days, weeks). */
export const Duration = z
  .string()
  .regex(/^[1-9]\d{0,5}[mhdw]$/, 'expected a duration like 30m, 6h, 7d or 2w');
export type Duration = z.infer<typeof Duration>;

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 } as const;

/** Milliseconds in a `Duration` (`6h` → 21 600 000). Throws on a malformed duration. */
export function durationMs(d: string): number {
  const m = /^([1-9]\d{0,5})([mhdw])$/.exec(d);
  if (!m) throw new Error(`invalid duration "${d}" (expected e.g. 30m, 6h, 7d or 2w)`);
  return Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS];
}

export const ALERT_KINDS = ['negative_spike', 'sentiment_drop', 'rating_drop', 'churn_spike', 'volume_spike'] as const;
export const AlertKind = z.enum(ALERT_KINDS);
export type AlertKind = z.infer<typeof AlertKind>;

/**
 * How easily a rule fires. Count rules: the Poisson tail probability below which the window is a spike
 * (low 0.001, medium 0.01, high 0.05). Drop rules: the z-score and the smallest drop that count.
 */
export const Sensitivity = z.enum(['low', 'medium', 'high']);
export type Sensitivity = z.infer<typeof Sensitivity>;

export const AlertFilters = configObject({
  /** Only mentions from this source (its configured name). */
  source: z.string().min(1).optional(),
  /** Only mentions tagged with this theme. */
  theme: z.string().min(1).optional(),
  /** `volume_spike` only: count mentions with this sentiment (e.g. `positive` to catch a post going viral). */
  sentiment: z.enum(['positive', 'negative', 'neutral']).optional(),
});
export type AlertFilters = z.infer<typeof AlertFilters>;

/** One alert rule from config (`alerts:`). */
export const AlertRule = configObject({
  /** Unique rule name, used by `earshot alerts backtest --rule NAME`. */
  name: Slug,
  kind: AlertKind,
  brand: Slug,
  filters: AlertFilters.default({}),
  /** The recent window that is tested. Default `24h`. */
  window: Duration.default('24h'),
  /** The history before the window that sets what is normal. Default `28d`. */
  baseline: Duration.default('28d'),
  /** Default `medium`. */
  sensitivity: Sensitivity.default('medium'),
  /**
   * Fewest mentions the window must hold before the rule may fire, so 2 negatives against 0 is not a spike.
   * For drop rules it is the fewest mentions (or rated mentions) in the window. Default 5.
   */
  minCount: z.number().int().positive().default(5),
  /**
   * Compare the window with the same hours of previous weeks (weekends against weekends) instead of the
   * baseline's average rate. `auto` (default) does so when the baseline spans at least two weeks.
   */
  seasonality: z.enum(['auto', 'none', 'weekly']).default('auto'),
  /** After firing, the rule stays quiet this long (no new alert, nothing sent). Default `6h`. */
  cooldown: Duration.default('6h'),
  /** Names of entries in `channels:` the alert is sent to. Default none (stored only). */
  channels: z.array(z.string().min(1)).default([]),
  enabled: z.boolean().default(true),
})
  .superRefine((r, ctx) => {
    if (r.filters.sentiment && r.kind !== 'volume_spike') {
      ctx.addIssue({ code: 'custom', path: ['filters', 'sentiment'], message: 'filters.sentiment applies to volume_spike rules only' });
    }
    if (Duration.safeParse(r.window).success && Duration.safeParse(r.baseline).success) {
      if (durationMs(r.baseline) < 2 * durationMs(r.window)) {
        ctx.addIssue({ code: 'custom', path: ['baseline'], message: 'baseline must be at least twice the window' });
      }
    }
  });
export type AlertRule = z.infer<typeof AlertRule>;
export type AlertRuleInput = z.input<typeof AlertRule>;

/** POST a JSON body, signed with HMAC-SHA256 when a secret is set. */
export const WebhookChannel = configObject({
  type: z.literal('webhook'),
  url: HttpUrl,
  /** Shared secret; the body's HMAC-SHA256 is sent as `X-Earshot-Signature: sha256=<hex>`. */
  secret: z.string().min(16, 'webhook secret must be at least 16 characters').optional(),
  headers: z.record(z.string(), z.string()).default({}),
  /** Per-request timeout in ms. Default 10 000. */
  timeoutMs: z.number().int().positive().default(10_000),
});
export type WebhookChannel = z.infer<typeof WebhookChannel>;

/** A Slack incoming webhook. */
export const SlackChannel = configObject({
  type: z.literal('slack'),
  webhookUrl: HttpUrl,
  /** Per-request timeout in ms. Default 10 000. */
  timeoutMs: z.number().int().positive().default(10_000),
});
export type SlackChannel = z.infer<typeof SlackChannel>;

/** Email over SMTP (nodemailer). */
export const EmailChannel = configObject({
  type: z.literal('email'),
  host: z.string().min(1),
  /** Default 587. */
  port: z.number().int().min(1).max(65_535).default(587),
  /** TLS from the start (port 465). Default false: STARTTLS when the server offers it. */
  secure: z.boolean().default(false),
  user: z.string().min(1).optional(),
  pass: z.string().min(1).optional(),
  from: z.string().min(3),
  to: z.array(z.email()).min(1),
  /** Per-connection timeout in ms. Default 10 000. */
  timeoutMs: z.number().int().positive().default(10_000),
});
export type EmailChannel = z.infer<typeof EmailChannel>;

export const Channel = z.discriminatedUnion('type', [WebhookChannel, SlackChannel, EmailChannel]);
export type Channel = z.infer<typeof Channel>;

/** Channel names as written under `channels:`. */
export const ChannelName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'expected a channel name (letters, digits, - and _)');

export { Goal, GOAL_METRICS } from './goal.js';

export const Severity = z.enum(['low', 'medium', 'high']);
export type Severity = z.infer<typeof Severity>;

/** A mention quoted in an alert. */
export const AlertExample = z.object({
  id: z.string(),
  url: z.string(),
  source: z.string(),
  title: z.string().optional(),
  text: z.string(),
  stars: z.number().optional(),
  publishedAt: z.coerce.date(),
});
export type AlertExample = z.infer<typeof AlertExample>;

/**
 * The delivery of one alert to one channel (collection `alertDeliveries`, `_id` = `<alertId>~<channel>`): kept apart
 * from the alert so concurrent deliveries to several channels never overwrite each other.
 */
export const Delivery = z.object({
  _id: z.string(),
  alertId: z.string(),
  channel: z.string(),
  status: z.enum(['pending', 'sent', 'failed']),
  attempts: z.number().int().nonnegative(),
  lastError: z.string().optional(),
  sentAt: z.coerce.date().optional(),
  updatedAt: z.coerce.date(),
});
export type Delivery = z.infer<typeof Delivery>;

/** A fired rule, stored in the `alerts` collection before anything is sent. */
export const Alert = z.object({
  _id: z.string(),
  rule: z.string(),
  kind: AlertKind,
  brand: z.string(),
  filters: AlertFilters,
  window: z.object({ from: z.coerce.date(), to: z.coerce.date() }),
  baseline: z.object({ from: z.coerce.date(), to: z.coerce.date() }),
  /** What the window holds: a count, a net sentiment (-1..1) or average stars, per `unit`. */
  observed: z.number(),
  /** What the baseline says the window should hold. */
  expected: z.number(),
  unit: z.enum(['mentions', 'net_sentiment', 'stars']),
  /** Mentions in the window the numbers are based on. */
  sample: z.number().int().nonnegative(),
  /** Poisson tail probability (count rules) or one-sided normal p-value (drop rules). */
  pValue: z.number(),
  severity: Severity,
  summary: z.string(),
  examples: z.array(AlertExample),
  state: z.enum(['open', 'acknowledged']),
  createdAt: z.coerce.date(),
  /** Set when the alert was updated inside its cooldown because its severity rose: the severity it first had. */
  escalatedFrom: Severity.optional(),
  /** When the last escalation happened (the numbers, window and examples are then the escalation's). */
  escalatedAt: z.coerce.date().optional(),
  /** Channels the alert was sent to when it fired; each delivery's state is in `alertDeliveries`. */
  channels: z.array(z.string()),
});
export type Alert = z.infer<typeof Alert>;
