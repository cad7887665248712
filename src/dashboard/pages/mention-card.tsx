import { day } from '../format';
import { hrefFor, type Route } from '../route';
import { Label, Original } from '../ui';
import type { MentionSummary } from './types';

const who = (a: MentionSummary['author']) => a.handle ?? a.name ?? 'someone';

/** One mention in a list: who, where, when, its label and themes; the text opens its explanation. */
export function MentionCard({ m, route, highlightTheme, selected }: { m: MentionSummary; route: Route; highlightTheme?: string; selected?: boolean }) {
  return (
    <article class={`mention ${selected ? 'selected' : ''}`} data-id={m.id}>
      <header class="mention-head">
        <Label label={m.sentiment.label} />
        {m.stars !== undefined && <span class="stars" aria-label={`${m.stars} of 5 stars`}>{'★'.repeat(Math.round(m.stars))}{'☆'.repeat(5 - Math.round(m.stars))}</span>}
        <span class="muted">
          {who(m.author)} · {m.source.name} · {day(m.publishedAt)}
        </span>
        {m.notAboutUs && <span class="pill muted">not about us</span>}
        <Original url={m.url} />
      </header>
      <a class="mention-link" href={hrefFor('mentions', { ...route.params, id: m.id })}>
        {m.title && <strong>{m.title}: </strong>}
        {m.text.trim() ? (m.text.length > 280 ? `${m.text.slice(0, 280)}…` : m.text) : '(no text: open it)'}
      </a>
      <div class="themes">
        {m.themes.map((t) => (
          <span class={`pill theme ${t.label} ${t.theme === highlightTheme ? 'on' : ''}`}>{t.theme}</span>
        ))}
        {m.intents.map((i) => (
          <span class="pill intent">{i}</span>
        ))}
      </div>
    </article>
  );
}
