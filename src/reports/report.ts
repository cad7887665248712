import type { z } from 'zod';
import type { Brand } from '../domain/brand.js';
import type { Store } from '../store/store.js';

export type Cell = string | number | boolean | null;

/** One table of a report's output: the table view prints each with its title, CSV tags each row with `section`. */
export interface Section {
  name: string;
  title: string;
  columns: string[];
  rows: Array<Record<string, Cell>>;
  /** Lines printed under the title in the table view (e.g. "no competitor data stored"). */
  notes?: string[];
}

/** What a report runs against: the store and the brand's config (competitors, goals, aliases). */
export interface ReportContext {
  store: Store;
  brand: Brand;
  /** "Now" for defaults and recency; tests pin it. Default: the current time. */
  now?: Date;
  /** The zone whose days rollups are kept in (`rollupZone`); `runReport` reads it from the store when not given. */
  timezone?: string;
}

/** A report: zod parameters, a run over the store, and its output as sections. */
export interface ReportDef<S extends z.ZodType = z.ZodType, R = unknown> {
  kind: string;
  summary: string;
  params: S;
  run(ctx: ReportContext, params: z.output<S>): Promise<R>;
  sections(result: R): Section[];
}

/** Declares a report with its types tied together. */
export function defineReport<S extends z.ZodType, R>(def: ReportDef<S, R>): ReportDef<S, R> {
  return def;
}
