import type { ComponentChildren, HTMLAttributes } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiFailure } from './api';

export interface Loaded<T> {
  data: T | undefined;
  error: ApiFailure | Error | undefined;
  loading: boolean;
  reload: () => void;
}

/** Runs `load` whenever `deps` change; keeps the last data while the next load runs, drops answers that arrive late. */
export function useApi<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: Error; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => live && setState({ data, loading: false }),
      (error: Error) => live && setState({ error, loading: false }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

export function Status<T>({ of, children }: { of: Loaded<T>; children: (data: T) => ComponentChildren }) {
  if (of.error) return <ErrorBox error={of.error} />;
  if (of.data === undefined) return <p class="muted" role="status">Loading…</p>;
  return <div class={of.loading ? 'stale' : ''}>{children(of.data)}</div>;
}

export function ErrorBox({ error }: { error: Error }) {
  const path = error instanceof ApiFailure && error.path ? ` (${error.path})` : '';
  return (
    <p class="error" role="alert">
      {error.message}
      {path}
    </p>
  );
}

export function Section({ title, children, actions }: { title: string; children: ComponentChildren; actions?: ComponentChildren }) {
  return (
    <section class="card">
      <header class="card-head">
        <h2>{title}</h2>
        {actions}
      </header>
      {children}
    </section>
  );
}

/** A headline number with its change against the previous period (green when the change is good). */
export function Tile({ label, value, change, good, title }: { label: string; value: string; change?: string | null; good?: boolean | null; title?: string }) {
  const cls = good === null || good === undefined ? '' : good ? 'up' : 'down';
  return (
    <div class="tile" title={title}>
      <div class="tile-label">{label}</div>
      <div class="tile-value" data-testid={`tile-${label}`}>
        {value}
      </div>
      {change !== undefined && <div class={`tile-change ${cls}`}>{change ?? '–'} vs previous</div>}
    </div>
  );
}

export interface Column<R> {
  label: string;
  cell: (row: R) => ComponentChildren;
  num?: boolean;
}

export function Table<R>({ rows, columns, empty, caption, rowProps }: { rows: R[]; columns: Column<R>[]; empty?: string; caption?: string; rowProps?: (row: R, i: number) => HTMLAttributes<HTMLTableRowElement> }) {
  if (rows.length === 0) return <p class="muted">{empty ?? 'Nothing in this range.'}</p>;
  return (
    <div class="table-wrap">
      <table>
        {caption && <caption>{caption}</caption>}
        <thead>
          <tr>
            {columns.map((c) => (
              <th scope="col" class={c.num ? 'num' : ''}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr {...(rowProps?.(r, i) ?? {})}>
              {columns.map((c) => (
                <td class={c.num ? 'num' : ''}>{c.cell(r)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Label({ label }: { label: string }) {
  return <span class={`pill ${label}`}>{label}</span>;
}

/** A link to the original post: opens in a new tab, never passes our address as referrer. */
export function Original({ url, children }: { url: string; children?: ComponentChildren }) {
  if (!/^https?:\/\//i.test(url)) return <span>{children ?? url}</span>;
  return (
    <a href={url} target="_blank" rel="noopener noreferrer nofollow">
      {children ?? 'original ↗'}
    </a>
  );
}
