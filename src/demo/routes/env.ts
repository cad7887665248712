import type { Dataset } from '../data/types.js';
import type { RouteContext } from '../lib/http.js';

/** Server-wide state a route can read. */
export interface SiteEnv {
  data: Dataset;
  /** Extra generated benchmark pages (`/bench/page/1..reviewPages`). */
  reviewPages: number;
  /** Reddit-style rate budget bookkeeping (never enforced). */
  rate: { windowStart: number; used: number };
}

/** A route: a path pattern (matched against the pathname) and its handler; capture groups become `ctx.params`. */
export interface Route {
  pattern: RegExp;
  /** Methods besides GET and HEAD the route answers (e.g. `POST` for a login). */
  methods?: string[];
  handle(ctx: RouteContext, env: SiteEnv): void;
}
