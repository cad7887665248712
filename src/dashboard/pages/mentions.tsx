import { useState } from 'preact/hooks';
import { api } from '../api';
import { type PageProps, rangeQuery } from '../context';
import { net, timeZone } from '../format';
import { setParams } from '../route';
import { Section, Status, useApi } from '../ui';
import { MentionCard } from './mention-card';
import { MentionDetailView } from './mention-detail';
import type { MentionSummary } from './types';

const FILTERS = ['q', 'source', 'theme', 'label', 'intent', 'starsMin', 'starsMax', 'status', 'notAboutUs'] as const;

/** Every stored mention in the range, filtered and searchable; one opens with its explanation. */
export function Mentions(p: PageProps) {
  const f = Object.fromEntries(FILTERS.map((k) => [k, p.route.params[k]])) as Record<(typeof FILTERS)[number], string | undefined>;
  const query = { brand: p.brand.id, ...rangeQuery(p.range), ...f, limit: 50 };
  const key = JSON.stringify(query);
  const [extra, setExtra] = useState<{ key: string; items: MentionSummary[]; next: string | null } | null>(null);
  const data = useApi(() => api<{ items: MentionSummary[]; nextCursor: string | null }>('/api/v1/mentions', { query }), [key]);
  const loadMore = async (cursor: string) => {
    const r = await api<{ items: MentionSummary[]; nextCursor: string | null }>('/api/v1/mentions', { query: { ...query, cursor } });
    setExtra({ key, items: [...(extra?.key === key ? extra.items : []), ...r.items], next: r.nextCursor });
  };

  const set = (k: string, v: string) => setParams(p.route, { [k]: v || undefined, id: undefined });
  return (
    <div class="split">
      <div>
        <Section title="Mentions">
          <form class="filters" role="search" onSubmit={(e) => e.preventDefault()}>
            <label>
              Search
              <input type="search" value={f.q ?? ''} placeholder="words in title or text" onChange={(e) => set('q', e.currentTarget.value)} />
            </label>
            <label>
              Source
              <select value={f.source ?? ''} onChange={(e) => set('source', e.currentTarget.value)}>
                <option value="">all</option>
                {p.brand.sources.map((s) => (
                  <option value={s.name}>{s.name}</option>
                ))}
              </select>
            </label>
            <label>
              Theme
              <input value={f.theme ?? ''} placeholder="any" onChange={(e) => set('theme', e.currentTarget.value)} />
            </label>
            <label>
              Label
              <select value={f.label ?? ''} onChange={(e) => set('label', e.currentTarget.value)}>
                <option value="">all</option>
                <option value="negative">negative</option>
                <option value="neutral">neutral</option>
                <option value="positive">positive</option>
              </select>
            </label>
            <label>
              Intent
              <select value={f.intent ?? ''} onChange={(e) => set('intent', e.currentTarget.value)}>
                <option value="">any</option>
                {['complaint', 'churn', 'recommend', 'question', 'purchase'].map((i) => (
                  <option value={i}>{i}</option>
                ))}
              </select>
            </label>
            <label>
              Stars
              <select value={f.starsMax ? `max${f.starsMax}` : f.starsMin ? `min${f.starsMin}` : ''} onChange={(e) => {
                const v = e.currentTarget.value;
                setParams(p.route, { starsMin: v.startsWith('min') ? v.slice(3) : undefined, starsMax: v.startsWith('max') ? v.slice(3) : undefined, id: undefined });
              }}>
                <option value="">any</option>
                <option value="max2">1–2 ★</option>
                <option value="max3">1–3 ★</option>
                <option value="min4">4–5 ★</option>
              </select>
            </label>
            <label>
              Status
              <select value={f.status ?? ''} onChange={(e) => set('status', e.currentTarget.value)}>
                <option value="">any</option>
                {['new', 'assigned', 'replied', 'resolved', 'ignored'].map((s) => (
                  <option value={s}>{s}</option>
                ))}
              </select>
            </label>
            <label>
              Shown
              {/* "Not about us" mentions count nowhere; here they can be reviewed (the brand's query may need them) and counted again. */}
              <select value={f.notAboutUs ?? ''} data-testid="not-about-us-filter" onChange={(e) => set('notAboutUs', e.currentTarget.value)}>
                <option value="">counted mentions</option>
                <option value="only">marked not about us (review)</option>
                <option value="include">both</option>
              </select>
            </label>
          </form>
          <Status of={data}>
            {(r) => {
              const more = extra?.key === key ? extra : null;
              const items = [...r.items, ...(more?.items ?? [])];
              const next = more ? more.next : r.nextCursor;
              return (
                <>
                  <p class="muted" data-testid="mention-count">
                    {items.length} mention{items.length === 1 ? '' : 's'}
                    {f.notAboutUs === 'only' ? ' marked not about us' : ''}
                    {next ? ' shown (more below)' : ''}
                  </p>
                  {f.notAboutUs === 'only' && items.length > 0 && (
                    <p class="muted">These count in no report, rollup or alert. Open one and choose “Count it again” if it is about the brand; if many are alike, the brand’s query may need a NOT.</p>
                  )}
                  {items.map((m) => (
                    <MentionCard m={m} route={p.route} selected={m.id === p.route.params.id} {...(f.theme ? { highlightTheme: f.theme } : {})} />
                  ))}
                  {next && (
                    <button type="button" onClick={() => void loadMore(next)}>
                      Load more
                    </button>
                  )}
                </>
              );
            }}
          </Status>
        </Section>
      </div>
      <div>
        {p.route.params.id ? (
          <MentionDetailView {...p} id={p.route.params.id} onChange={data.reload} />
        ) : (
          <Section title="Why this score?">
            <p class="muted">Open a mention to see the words that moved its score ({net(1)} is the most positive, {net(-1)} the most negative), its themes with their evidence, and its workflow. Times are in {timeZone()}.</p>
          </Section>
        )}
      </div>
    </div>
  );
}
