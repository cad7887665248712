import { z } from 'zod';

export const GOAL_METRICS = ['net_sentiment', 'stars', 'negative_share', 'churn_share', 'share'] as const;

/**
 * A brand goal (`goals:` on a brand): a metric over the report's range, overall or for one theme, that should be
 * at least `min` or at most `max`. `share` is a theme's share of mentions; `stars` and `churn_share` are overall only.
 */
export const Goal = z
  .object({
    metric: z.enum(GOAL_METRICS),
    theme: z.string().min(1).optional(),
    min: z.number().optional(),
    max: z.number().optional(),
  })
  .strict()
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
  });
export type Goal = z.infer<typeof Goal>;
