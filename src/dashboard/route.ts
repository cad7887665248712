import { useEffect, useState } from 'preact/hooks';

/**
 * The view lives in the URL's fragment (`#/themes?brand=northwind&from=2026-09-01&theme=price`), so every view can be
 * bookmarked and shared, and the back button walks through filter changes.
 */
export interface Route {
  page: string;
  params: Record<string, string>;
}

export function parseHash(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const params: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(query)) params[k] = v;
  return { page: path || 'overview', params };
}

export function hrefFor(page: string, params: Record<string, string | undefined>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') u.set(k, v);
  const q = u.toString();
  return `#/${page}${q ? `?${q}` : ''}`;
}

export function navigate(page: string, params: Record<string, string | undefined>, replace = false): void {
  const href = hrefFor(page, params);
  if (replace) history.replaceState(null, '', href);
  else history.pushState(null, '', href);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const on = () => setRoute(parseHash(location.hash));
    window.addEventListener('hashchange', on);
    window.addEventListener('popstate', on);
    return () => {
      window.removeEventListener('hashchange', on);
      window.removeEventListener('popstate', on);
    };
  }, []);
  return route;
}

/** Changes some parameters of the current view (the brand, the range and the rest stay). */
export function setParams(route: Route, patch: Record<string, string | undefined>): void {
  navigate(route.page, { ...route.params, ...patch });
}
