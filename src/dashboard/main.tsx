import { render } from 'preact';
import { setTimeZone } from './format';
import { useEffect, useState } from 'preact/hooks';
import { api, type SessionInfo, setCsrf, whenSignedOut } from './api';
import { type BrandInfo, type PageProps, rangeOf } from './context';
import { hrefFor, navigate, setParams, useRoute } from './route';
import { SignIn } from './signin';
import { ErrorBox } from './ui';
import { Advocacy } from './pages/advocacy';
import { Alerts } from './pages/alerts';
import { Competitors } from './pages/competitors';
import { Emerging } from './pages/emerging';
import { Goals } from './pages/goals';
import { Inbox } from './pages/inbox';
import { Mentions } from './pages/mentions';
import { Overview } from './pages/overview';
import { Sources } from './pages/sources';
import { Themes } from './pages/themes';
import './style.css';

const PAGES: { id: string; title: string; view: (p: PageProps) => preact.JSX.Element }[] = [
  { id: 'overview', title: 'Overview', view: Overview },
  { id: 'themes', title: 'Themes', view: Themes },
  { id: 'mentions', title: 'Mentions', view: Mentions },
  { id: 'inbox', title: 'Inbox', view: Inbox },
  { id: 'advocacy', title: 'Advocacy', view: Advocacy },
  { id: 'competitors', title: 'Competitors', view: Competitors },
  { id: 'goals', title: 'Goals', view: Goals },
  { id: 'emerging', title: 'Emerging', view: Emerging },
  { id: 'alerts', title: 'Alerts', view: Alerts },
  { id: 'sources', title: 'Sources', view: Sources },
];

/** Light, dark, or as the system says; a display preference, the only thing the page keeps in localStorage. */
function useTheme(): [string, (t: string) => void] {
  const [pref, setPref] = useState(() => localStorage.getItem('earshot-theme') ?? 'auto');
  const [system, setSystem] = useState(() => (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'));
  useEffect(() => {
    const mq = matchMedia('(prefers-color-scheme: dark)');
    const on = () => setSystem(mq.matches ? 'dark' : 'light');
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, []);
  const theme = pref === 'auto' ? system : pref;
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return [
    theme,
    (t) => {
      localStorage.setItem('earshot-theme', t);
      setPref(t);
    },
  ];
}

/** What the server put in the page for a signed-in browser (session and brands), read once. */
const boot = (() => {
  const el = document.getElementById('boot');
  try {
    return el ? (JSON.parse(el.textContent ?? '') as { session: SessionInfo; brands: BrandInfo[]; timezone?: string }) : null;
  } catch {
    return null;
  }
})();

setTimeZone(boot?.timezone);

function App() {
  const route = useRoute();
  const [theme, setTheme] = useTheme();
  const [session, setSession] = useState<SessionInfo | null | undefined>(boot?.session);
  const [brands, setBrands] = useState<BrandInfo[] | null>(boot?.brands ?? null);
  const [error, setError] = useState<Error | null>(null);
  if (session) setCsrf(session.csrf);

  useEffect(() => {
    whenSignedOut(() => setSession(null));
    if (boot) return;
    api<SessionInfo & { signedIn: boolean }>('/api/session').then(
      (s) => setSession(s.signedIn ? s : null),
      () => setSession(null),
    );
  }, []);
  useEffect(() => {
    if (!session || (brands && session === boot?.session)) return;
    api<{ brands: BrandInfo[]; timezone?: string }>('/api/v1/brands').then((r) => {
      setTimeZone(r.timezone);
      setBrands(r.brands);
    }, setError);
  }, [session]);

  if (session === undefined) return <p class="boot">Loading earshot…</p>;
  if (session === null) return <SignIn onSignedIn={setSession} />;
  if (error) return <ErrorBox error={error} />;
  if (!brands) return <p class="boot">Loading brands…</p>;
  if (brands.length === 0) return <p class="boot">No brand is configured (or this key sees none).</p>;

  const brand = brands.find((b) => b.id === route.params.brand) ?? brands[0]!;
  const page = PAGES.find((x) => x.id === route.page) ?? PAGES[0]!;
  const range = rangeOf(route.params);
  const props: PageProps = { route, session, brand, brands, range, canWrite: session.scope !== 'read', theme };
  const preset = route.params.from && route.params.to && !route.params.days ? 'custom' : String(range.days);
  const signOut = async () => {
    await api('/api/session', { method: 'DELETE' }).catch(() => undefined);
    setSession(null);
  };

  return (
    <div class="app">
      <header class="top">
        <a class="logo" href={hrefFor('overview', { brand: brand.id })}>
          earshot
        </a>
        <label>
          Brand{' '}
          <select value={brand.id} onChange={(e) => setParams(route, { brand: e.currentTarget.value, theme: undefined, id: undefined, rule: undefined, term: undefined, source: undefined })}>
            {brands.map((b) => (
              <option value={b.id}>{b.name}</option>
            ))}
          </select>
        </label>
        <label>
          Range{' '}
          <select value={preset} onChange={(e) => setParams(route, { days: e.currentTarget.value === 'custom' ? undefined : e.currentTarget.value, from: undefined, to: undefined })}>
            <option value="7">last 7 days</option>
            <option value="30">last 30 days</option>
            <option value="90">last 90 days</option>
            <option value="365">last 365 days</option>
            {preset === 'custom' && <option value="custom">custom</option>}
          </select>
        </label>
        <label>
          From <input type="date" value={range.from ?? ''} onChange={(e) => setParams(route, { from: e.currentTarget.value, to: route.params.to ?? range.to ?? new Date().toISOString().slice(0, 10), days: undefined })} />
        </label>
        <label>
          To <input type="date" value={range.to ?? ''} onChange={(e) => setParams(route, { to: e.currentTarget.value, from: route.params.from ?? range.from ?? e.currentTarget.value, days: undefined })} />
        </label>
        <label>
          <input type="checkbox" checked={route.params.compare !== 'off'} onChange={(e) => setParams(route, { compare: e.currentTarget.checked ? undefined : 'off' })} /> compare with previous period
        </label>
        <span class="spacer" />
        <label>
          Theme{' '}
          <select value={localStorage.getItem('earshot-theme') ?? 'auto'} onChange={(e) => setTheme(e.currentTarget.value)}>
            <option value="auto">auto</option>
            <option value="light">light</option>
            <option value="dark">dark</option>
          </select>
        </label>
        <span class="who" title={`scope: ${session.scope}`}>
          {session.name} ({session.scope})
        </span>
        <button type="button" onClick={() => void signOut()}>
          Sign out
        </button>
      </header>
      <nav class="tabs" aria-label="pages">
        {PAGES.map((x) => (
          <a href={hrefFor(x.id, { brand: brand.id, days: route.params.days, from: route.params.from, to: route.params.to, compare: route.params.compare })} aria-current={x.id === page.id ? 'page' : undefined}>
            {x.title}
          </a>
        ))}
      </nav>
      <main id="page" data-page={page.id}>
        <h1 class="sr-only">
          {page.title}: {brand.name}
        </h1>
        <page.view {...props} />
      </main>
    </div>
  );
}

if (!location.hash) navigate('overview', {}, true);
// The server's "Loading earshot…" placeholder goes first: Preact renders beside what it did not create.
const root = document.getElementById('app')!;
root.replaceChildren();
render(<App />, root);
