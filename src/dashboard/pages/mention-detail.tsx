import { useState } from 'preact/hooks';
import { api } from '../api';
import type { PageProps } from '../context';
import { net, when } from '../format';
import { Highlighted } from '../highlight';
import { navigate } from '../route';
import { ErrorBox, Label, Original, Section, Status, useApi } from '../ui';
import type { MentionDetail, Workflow } from './types';

export const STATUSES = ['new', 'assigned', 'replied', 'resolved', 'ignored'] as const;

/** Sends a workflow change for one mention (status, assignee, tags, a note, "not about us"). */
export function patchMention(id: string, body: Record<string, unknown>): Promise<{ id: string; workflow: Workflow }> {
  return api(`/api/v1/mentions/${encodeURIComponent(id)}`, { method: 'PATCH', body });
}

/** One mention: the words that moved its score, its themes with their evidence, its workflow. */
export function MentionDetailView(p: PageProps & { id: string; onChange?: () => void }) {
  const data = useApi(() => api<MentionDetail>(`/api/v1/mentions/${encodeURIComponent(p.id)}`), [p.id]);
  const close = () => navigate(p.route.page, { ...p.route.params, id: undefined });
  return (
    <Section
      title="Mention"
      actions={
        <button type="button" class="link" onClick={close} aria-label="close the mention">
          ✕
        </button>
      }
    >
      <Status of={data}>
        {(m) => (
          <div class="detail" data-testid="mention-detail">
            <p>
              <Label label={m.sentiment.label} /> score <strong data-testid="score">{net(m.sentiment.score)}</strong> · {m.source.name} · {when(m.publishedAt)} · <Original url={m.url}>open the original ↗</Original>
            </p>
            <p class="muted">
              by {m.author.url ? <Original url={m.author.url}>{m.author.handle ?? m.author.name ?? 'someone'}</Original> : (m.author.handle ?? m.author.name ?? 'someone')}
              {m.stars !== undefined && ` · ${m.stars} of 5 stars`}
            </p>
            <div data-testid="highlighted">
              <Highlighted text={m.title ? `${m.title}\n${m.text}` : m.text} explain={m.sentiment.explain} />
            </div>
            <h3>Themes</h3>
            {m.themes.length === 0 ? (
              <p class="muted">No theme.</p>
            ) : (
              <ul class="evidence">
                {m.themes.map((t) => (
                  <li>
                    <Label label={t.label} /> <strong>{t.theme}</strong> {net(t.score)} — “{t.evidence}”
                  </li>
                ))}
              </ul>
            )}
            {m.intents.length > 0 && <p>Intents: {m.intents.join(', ')}</p>}
            {m.competitors.length > 0 && <p>Competitors named: {m.competitors.join(', ')}</p>}
            <WorkflowPanel {...p} m={m} onSaved={() => { data.reload(); p.onChange?.(); }} />
          </div>
        )}
      </Status>
    </Section>
  );
}

function WorkflowPanel(p: PageProps & { m: MentionDetail; onSaved: () => void }) {
  const w = p.m.workflow;
  const [error, setError] = useState<Error | null>(null);
  const [note, setNote] = useState('');
  const save = async (body: Record<string, unknown>) => {
    setError(null);
    try {
      await patchMention(p.m.id, body);
      p.onSaved();
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <div class="workflow">
      <h3>Workflow</h3>
      <p>
        Status <strong data-testid="status">{w.status}</strong>
        {w.assignee && <> · assigned to <strong>{w.assignee}</strong></>}
        {w.tags.length > 0 && <> · tags {w.tags.join(', ')}</>}
        {w.notAboutUs && <> · marked not about us by {w.notAboutUs.by}</>}
      </p>
      {w.notes.length > 0 && (
        <ul class="notes">
          {w.notes.map((n) => (
            <li>
              <span class="muted">{when(n.at)} {n.who}:</span> {n.text}
            </li>
          ))}
        </ul>
      )}
      {p.canWrite && (
        <div class="controls" data-testid="write-controls">
          <label>
            Status
            <select value={w.status} onChange={(e) => void save({ status: e.currentTarget.value })}>
              {STATUSES.map((s) => (
                <option value={s}>{s}</option>
              ))}
            </select>
          </label>
          <label>
            Assignee
            <input defaultValue={w.assignee ?? ''} placeholder="name" onChange={(e) => void save({ assignee: e.currentTarget.value.trim() || null })} />
          </label>
          <label>
            Tags
            <input defaultValue={w.tags.join(', ')} placeholder="comma, separated" onChange={(e) => void save({ tags: e.currentTarget.value.split(',').map((t) => t.trim()).filter(Boolean) })} />
          </label>
          <form
            class="note-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (note.trim()) void save({ note }).then(() => setNote(''));
            }}
          >
            <label>
              Note
              <input value={note} onInput={(e) => setNote(e.currentTarget.value)} placeholder="what was done" />
            </label>
            <button type="submit">Add note</button>
          </form>
          <button type="button" class={w.notAboutUs ? '' : 'danger'} onClick={() => void save({ notAboutUs: !w.notAboutUs })}>
            {w.notAboutUs ? 'Count it again (it is about us)' : 'Not about us'}
          </button>
        </div>
      )}
      {error && <ErrorBox error={error} />}
    </div>
  );
}
