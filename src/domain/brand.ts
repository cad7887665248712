import { z } from 'zod';
import { configObject } from './config-object.js';
import { parseQuery, QuerySyntaxError } from './brand-query.js';
import { Goal } from './goal.js';
import { Cron, Source } from './source.js';

/** An id usable in file names, URLs and Mongo keys. */
export const Slug = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'expected a lowercase id (a-z, 0-9, - and _)');

export const Competitor = configObject({
  id: Slug,
  name: z.string().min(1),
  /** How the competitor is written in text; defaults to its name. */
  aliases: z.array(z.string().min(1)).default([]),
});
export type Competitor = z.infer<typeof Competitor>;

export const Brand = configObject({
  id: Slug,
  name: z.string().min(1),
  /** How the brand is written in text (matched on word boundaries, case-insensitive); defaults to its name. */
  aliases: z.array(z.string().min(1)).default([]),
  /** Phrases that contain an alias but are not about the brand ("acme corporation cartoons"). */
  exclusions: z.array(z.string().min(1)).default([]),
  /**
   * A Boolean query (AND, OR, NOT, parentheses, "phrases", NEAR/n, trailing *) an item must satisfy to count as a
   * mention; when set it replaces aliases and exclusions for matching. See src/domain/brand-query.ts.
   */
  query: z.string().min(1).optional(),
  competitors: z.array(Competitor).default([]),
  /** Theme packs from `config/themes/` applied to this brand's mentions. */
  themePacks: z.array(z.string().min(1)).default(['general']),
  /** Default crawl schedule for sources without their own. */
  schedule: Cron.optional(),
  sources: z.array(Source).default([]),
  /** Targets the `gaps` report measures the brand against (e.g. net sentiment ≥ 0.4). */
  goals: z.array(Goal).default([]),
})
  .superRefine((b, ctx) => {
    if (typeof b.query === 'string') {
      try {
        parseQuery(b.query);
      } catch (err) {
        if (!(err instanceof QuerySyntaxError)) throw err;
        ctx.addIssue({ code: 'custom', path: ['query'], message: `not a valid query: ${err.message}` });
      }
    }
    const seen = new Set<string>();
    b.sources.forEach((s, i) => {
      // A source with problems of its own has not had its name defaulted to its kind yet.
      const name = (s.name as string | undefined) ?? s.kind;
      if (typeof name !== 'string') return;
      if (seen.has(name)) {
        ctx.addIssue({ code: 'custom', path: ['sources', i, 'name'], message: `duplicate source name "${name}"` });
      }
      seen.add(name);
    });
  })
  .transform((b) => ({ ...b, aliases: b.aliases.length ? b.aliases : [b.name] }));
export type Brand = z.infer<typeof Brand>;
