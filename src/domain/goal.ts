import { z } from 'zod';
import { configObject } from './config-object.js';

export const GOAL_METRICS = ['net_sentiment', 'stars', 'negative_share', 'churn_share', 'share'] as const;

/** The values each metric can take: stars 1–5, net sentiment -1..1, shares 0..1. */
export const GOAL_RANGES: Record<(typeof GOAL_METRICS)[number], readonly [number, number]> = {
  net_sentiment: [-1, 1],
  stars: [1, 5],
  negative_share: [0, 1],
  churn_share: [0, 1],
  share: [0, 1],
};

/**
 * A brand goal (`goals:` on a brand): a metric over the report's range, overall or for one theme, that should be
 * at least `min` or at most `max`. `share` is a theme's share of mentions; `stars` and `churn_share` are overall only.
 */
export const Goal = configObject({
  metric: z.enum(GOAL_METRICS),
  theme: z.string().min(1).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
})
  .superRefine((g, ctx) => {
    if ((g.min === undefined) === (g.max === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['min'], message: 'a goal needs exactly one of min or max' });
    }
    if (g.theme && (g.metric === 'stars' || g.metric === 'churn_share')) {
      ctx.addIssue({ code: 'custom', path: ['theme'], message: `a ${g.metric} goal cannot name a theme` });
    }
    if (!g.theme && g.metric === 'share') {
      ctx.addIssue({ code: 'custom', path: ['theme'], message: 'a share goal needs a theme' });
    }
    const [lo, hi] = GOAL_RANGES[g.metric];
    for (const bound of ['min', 'max'] as const) {
      const v = g[bound];
      if (v !== undefined && (v < lo || v > hi)) {
        ctx.addIssue({ code: 'custom', path: [bound], message: `a ${g.metric} goal is between ${lo} and ${hi}, got ${v}` });
      }
    }
  });
export type Goal = z.infer<typeof Goal>;
