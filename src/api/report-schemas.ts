import { z } from 'zod';

/**
 * The JSON answers of `GET /api/v1/brands/{id}/reports/{kind}`, one schema per report, for the OpenAPI document and
 * the response check. Loose objects: a report may add a field without the API dropping it.
 */
const When = z.union([z.date(), z.string()]);
const Range = z.looseObject({ from: When, to: When, days: z.number().optional() });
const Num = z.number().nullable();

const TrendRow = z.looseObject({
  period: z.string(),
  key: z.string().optional(),
  volume: z.number(),
  positive: z.number(),
  neutral: z.number(),
  negative: z.number(),
  netSentiment: z.number(),
  avgScore: Num,
  avgStars: Num,
  churnShare: Num,
});

const base = { report: z.string(), brand: z.string(), range: Range };

export const TrendAnswer = z.looseObject({
  ...base,
  previous: Range,
  interval: z.string(),
  read: z.enum(['rollups', 'mentions']),
  rows: z.array(TrendRow),
  breakdown: z.array(TrendRow),
  total: TrendRow,
  previousTotal: TrendRow,
  change: z.looseObject({ volume: Num, netSentiment: Num, avgStars: Num, churnShare: Num }),
  /** Aggregate ratings per interval and source (TrustScore, AggregateRating, percent positive), last seen in each. */
  ratings: z
    .array(z.looseObject({ period: z.string(), source: z.string(), item: z.string(), ratingValue: z.number(), bestRating: z.number(), stars: Num, reviewCount: Num }))
    .optional(),
});

const ThemeRow = z.looseObject({
  theme: z.string(),
  volume: z.number(),
  share: z.number(),
  positive: z.number(),
  negative: z.number(),
  netSentiment: z.number(),
  avgScore: Num,
  previousVolume: z.number(),
  volumeChange: Num,
  netSentimentChange: Num,
  impact: z.number(),
});

export const ThemesAnswer = z.looseObject({
  ...base,
  previous: Range,
  mentions: z.number(),
  netSentiment: z.number(),
  themes: z.array(ThemeRow),
  drivers: z.array(
    ThemeRow.extend({
      direction: z.enum(['down', 'up']),
      examples: z.array(z.looseObject({ id: z.string(), url: z.string(), source: z.string(), text: z.string(), evidence: z.string(), score: z.number(), publishedAt: When })),
    }),
  ),
});

const MentionRow = z.looseObject({
  _id: z.string(),
  url: z.string(),
  source: z.string(),
  author: z.looseObject({ name: z.string().optional(), handle: z.string().optional(), followers: z.number().optional() }).optional(),
  title: z.string().optional(),
  text: z.string(),
  stars: z.number().optional(),
  publishedAt: When,
  score: z.number(),
  engagement: z.number(),
  priority: z.number().optional(),
  churn: z.boolean().optional(),
});

export const AdvocacyAnswer = z.looseObject({
  ...base,
  nps: z.looseObject({ score: Num, promoters: z.number(), passives: z.number(), detractors: z.number(), total: z.number(), rated: z.number(), textOnly: z.number() }),
  advocates: z.array(
    z.looseObject({ author: z.string(), sourceKind: z.string(), source: z.string(), mentions: z.number(), recommends: z.number(), reach: Num, profile: z.string().nullable(), lastAt: When }),
  ),
  moments: z.array(MentionRow),
  recovery: z.array(MentionRow),
  churn: z.looseObject({ total: z.number(), byCompetitor: z.array(z.looseObject({ competitor: z.string(), mentions: z.number() })), mentions: z.array(MentionRow) }),
});

export const SovAnswer = z.looseObject({
  ...base,
  parties: z.array(
    z.looseObject({ id: z.string(), name: z.string(), isBrand: z.boolean(), volume: z.number(), share: Num, netSentiment: Num, namedInBrandMentions: Num, churnTowards: Num }),
  ),
  duels: z.array(
    z.looseObject({ competitor: z.string(), theme: z.string(), brandVolume: z.number(), competitorVolume: z.number(), brandNet: z.number(), competitorNet: z.number(), gap: z.number(), winner: z.string() }),
  ),
  notes: z.array(z.string()),
});

export const GapsAnswer = z.looseObject({
  ...base,
  previous: Range,
  interval: z.string(),
  goals: z.array(
    z.looseObject({
      goal: z.string(),
      metric: z.string(),
      theme: z.string().nullable(),
      target: z.number(),
      direction: z.enum(['min', 'max']),
      current: Num,
      previous: Num,
      gap: Num,
      met: z.boolean().nullable(),
      trend: z.enum(['improving', 'worsening', 'flat', 'n/a']),
      series: z.array(z.looseObject({ period: z.string(), value: Num })),
    }),
  ),
});

export const EmergingAnswer = z.looseObject({
  ...base,
  baseline: z.looseObject({ from: When, to: When }),
  sentiment: z.enum(['negative', 'all']),
  recentMentions: z.number(),
  baselineMentions: z.number(),
  terms: z.array(
    z.looseObject({
      term: z.string(),
      recent: z.number(),
      recentShare: z.number(),
      baseline: z.number(),
      baselineShare: z.number(),
      lift: z.number(),
      z: z.number(),
      isNew: z.boolean(),
      example: z.looseObject({ url: z.string(), text: z.string() }),
    }),
  ),
});

export const REPORT_ANSWERS = {
  trend: TrendAnswer,
  themes: ThemesAnswer,
  advocacy: AdvocacyAnswer,
  sov: SovAnswer,
  gaps: GapsAnswer,
  emerging: EmergingAnswer,
} as const;

/** Any report's answer (the route serves all six); each is checked against its own schema in the handler. */
export const ReportAnswer = z.union([TrendAnswer, ThemesAnswer, AdvocacyAnswer, SovAnswer, GapsAnswer, EmergingAnswer]);

/** `GET /api/v1/alerts`: fired alerts as stored (with their ack, if any). */
export const AlertsAnswer = z.object({
  alerts: z.array(
    z.looseObject({
      _id: z.string(),
      rule: z.string(),
      kind: z.string(),
      brand: z.string(),
      severity: z.enum(['low', 'medium', 'high']),
      summary: z.string(),
      state: z.enum(['open', 'acknowledged']),
      createdAt: When,
      window: z.looseObject({ from: When, to: When }),
      observed: z.number(),
      expected: z.number(),
      unit: z.string(),
      acknowledgedAt: When.optional(),
      acknowledgedBy: z.string().optional(),
      ackNote: z.string().optional(),
    }),
  ),
});

export const RuleView = z.object({ name: z.string(), kind: z.string(), brand: z.string(), window: z.string(), baseline: z.string(), sensitivity: z.string(), cooldown: z.string() });

/** `GET /api/v1/alerts/rules/{name}/backtest`: when the rule would have fired, and the series it watched. */
export const BacktestAnswer = z.object({
  rule: RuleView,
  from: When,
  to: When,
  evaluated: z.number(),
  suppressed: z.number(),
  firings: z.array(z.looseObject({ at: When, observed: z.number(), expected: z.number(), unit: z.string(), fires: z.boolean() })),
  series: z.array(z.object({ at: When, observed: z.number(), expected: z.number() })),
});

const RunView = z.looseObject({ startedAt: When, finishedAt: When.optional(), status: z.string(), pages: z.number().optional(), itemsNew: z.number().optional() });

/** `GET /api/v1/brands/{id}/sources`: collection health per source. */
export const SourcesAnswer = z.object({
  brand: z.string(),
  schedulerRunning: z.boolean(),
  sources: z.array(
    z.object({
      name: z.string(),
      kind: z.string(),
      schedule: z.string().nullable(),
      next: When.nullable(),
      lastRun: RunView.nullable(),
      lastSuccess: RunView.nullable(),
      failures: z.object({ blocked: z.number(), broken: z.number(), byClass: z.record(z.string(), z.number()) }),
    }),
  ),
});
