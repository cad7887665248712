import { api, report } from '../api';
import type { PageProps } from '../context';
import { num, pct } from '../format';
import { hrefFor, setParams } from '../route';
import { Original, Section, Status, useApi } from '../ui';
import { MentionCard } from './mention-card';
import type { Emerging as EmergingReport, MentionSummary } from './types';

/** Rising words and phrases (last 7 days against the 28 before), each with example mentions. */
export function Emerging(p: PageProps) {
  const sentiment = p.route.params.sentiment === 'all' ? 'all' : 'negative';
  const data = useApi(() => report<EmergingReport>(p.brand.id, 'emerging', { sentiment, ...(p.range.to ? { to: p.range.to } : {}) }), [p.brand.id, sentiment, p.range.to]);
  const term = p.route.params.term;
  return (
    <>
      <Section
        title="Emerging terms"
        actions={
          <label>
            Mentions{' '}
            <select value={sentiment} onChange={(e) => setParams(p.route, { sentiment: e.currentTarget.value })}>
              <option value="negative">negative</option>
              <option value="all">all</option>
            </select>
          </label>
        }
      >
        <Status of={data}>
          {(r) => (
            <>
              <p class="muted">
                {num(r.recentMentions)} mentions in the last 7 days against {num(r.baselineMentions)} in the 28 days before.
              </p>
              {r.terms.length === 0 ? (
                <p class="muted">Nothing is rising.</p>
              ) : (
                <ul class="terms">
                  {r.terms.map((t) => (
                    <li class={t.term === term ? 'selected' : ''}>
                      <a href={hrefFor('emerging', { ...p.route.params, term: t.term })}>
                        <strong>{t.term}</strong>
                      </a>{' '}
                      {t.isNew && <span class="pill negative">new</span>} in {pct(t.recentShare, 0)} of recent mentions (was {pct(t.baseline ? t.baselineShare : 0, 0)}), lift {num(t.lift, 1)}×
                      {t.example && (
                        <blockquote>
                          {t.example.text.length > 220 ? `${t.example.text.slice(0, 220)}…` : t.example.text} <Original url={t.example.url} />
                        </blockquote>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
        </Status>
      </Section>
      {term && <TermMentions {...p} term={term} />}
    </>
  );
}

function TermMentions(p: PageProps & { term: string }) {
  const data = useApi(() => api<{ items: MentionSummary[] }>('/api/v1/mentions', { query: { brand: p.brand.id, q: p.term, limit: 10 } }), [p.brand.id, p.term]);
  return (
    <Section title={`Mentions with “${p.term}”`} actions={<a href={hrefFor('mentions', { brand: p.brand.id, q: p.term })}>all →</a>}>
      <Status of={data}>{(r) => (r.items.length ? r.items.map((m) => <MentionCard m={m} route={p.route} />) : <p class="muted">The phrase appears only in stemmed form; open the mentions list to search by a word.</p>)}</Status>
    </Section>
  );
}
