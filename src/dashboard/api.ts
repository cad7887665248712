/** The dashboard's only way to the data: same-origin calls to the API with the session cookie (never a key). */

export interface SessionInfo {
  name: string;
  scope: 'read' | 'write' | 'admin';
  brands: string[] | null;
  csrf: string;
}

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly path?: string,
  ) {
    super(message);
  }
}

let csrf = '';
let onSignedOut: () => void = () => {};

export function setCsrf(token: string): void {
  csrf = token;
}

/** Called when the API says the session is gone (expired, signed out elsewhere, key revoked). */
export function whenSignedOut(fn: () => void): void {
  onSignedOut = fn;
}

type Query = Record<string, string | number | boolean | undefined | null>;

export function qs(params: Query): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : '';
}

export async function api<T>(path: string, init: { method?: string; body?: unknown; query?: Query } = {}): Promise<T> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrf;
  const res = await fetch(path + qs(init.query ?? {}), {
    method,
    headers,
    credentials: 'same-origin',
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  if (res.status === 204) return undefined as T;
  const body = (await res.json().catch(() => null)) as { error?: { message: string; path?: string } } | null;
  if (!res.ok) {
    if (res.status === 401 && !path.startsWith('/api/session')) onSignedOut();
    throw new ApiFailure(res.status, body?.error?.message ?? `${res.status} ${res.statusText}`, body?.error?.path);
  }
  return body as T;
}

/** A report for a brand (`trend`, `themes`, …) with the CLI's parameters. */
export function report<T>(brand: string, kind: string, query: Query = {}): Promise<T> {
  return api<T>(`/api/v1/brands/${encodeURIComponent(brand)}/reports/${kind}`, { query });
}
