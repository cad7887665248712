import { useEffect, useState } from 'preact/hooks';
import { api, report } from '../api';
import { type PageProps, rangeQuery } from '../context';
import { day, net, num } from '../format';
import { navigate } from '../route';
import { ErrorBox, Original, Section, Status, useApi } from '../ui';
import { MentionDetailView, patchMention } from './mention-detail';
import type { Advocacy, MentionSummary } from './types';

const KEYS = 'j/k: next/previous · Enter: open · a: assign · p: replied · r: resolve · x: ignore';

/**
 * Service recovery: the advocacy report's queue (unhappy customers, the most urgent first), worked from the
 * keyboard. Resolved and ignored mentions leave the queue.
 */
export function Inbox(p: PageProps) {
  const data = useApi(async () => {
    const [adv, working, waiting] = await Promise.all([
      report<Advocacy>(p.brand.id, 'advocacy', { ...rangeQuery(p.range), limit: 50 }),
      api<{ items: MentionSummary[] }>('/api/v1/mentions', { query: { brand: p.brand.id, status: 'assigned', limit: 200 } }),
      api<{ items: MentionSummary[] }>('/api/v1/mentions', { query: { brand: p.brand.id, status: 'replied', limit: 200 } }),
    ]);
    // Who has it and its tags, for the mentions someone took on (untouched ones are new, nobody's).
    const status = new Map<string, NonNullable<MentionSummary['workflow']>>([...working.items, ...waiting.items].flatMap((m) => (m.workflow ? [[m.id, m.workflow] as const] : [])));
    return { queue: adv.recovery, status };
  }, [p.brand.id, p.range.from, p.range.to, p.range.days]);
  const [cursor, setCursor] = useState(0);
  const [error, setError] = useState<Error | null>(null);
  const queue = data.data?.queue ?? [];
  const current = queue[Math.min(cursor, queue.length - 1)];
  const open = p.route.params.id;

  const act = async (body: Record<string, unknown>) => {
    if (!current || !p.canWrite) return;
    setError(null);
    try {
      await patchMention(current._id, body);
      data.reload();
    } catch (e) {
      setError(e as Error);
    }
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement;
      if (e.ctrlKey || e.metaKey || e.altKey || t.closest('input, select, textarea')) return;
      if (e.key === 'j') setCursor((c) => Math.min(c + 1, Math.max(0, queue.length - 1)));
      else if (e.key === 'k') setCursor((c) => Math.max(0, c - 1));
      else if (e.key === 'Enter' && current) navigate('inbox', { ...p.route.params, id: current._id });
      else if (e.key === 'p') void act({ status: 'replied' });
      else if (e.key === 'r') void act({ status: 'resolved' });
      else if (e.key === 'x') void act({ status: 'ignored' });
      else if (e.key === 'a' && p.canWrite) {
        e.preventDefault();
        document.getElementById('assign-input')?.focus();
      } else return;
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  useEffect(() => {
    document.querySelector('.queue li.current')?.scrollIntoView({ block: 'nearest' });
  }, [cursor]);

  return (
    <div class="split">
      <Section title={`Inbox: customers to answer first (${queue.length})`}>
        <p class="muted small">{p.canWrite ? KEYS : 'j/k: next/previous · Enter: open (this key is read-only)'}</p>
        {error && <ErrorBox error={error} />}
        {p.canWrite && current && (
          <form
            class="assign"
            onSubmit={(e) => {
              e.preventDefault();
              const input = document.getElementById('assign-input') as HTMLInputElement;
              void act({ assignee: input.value.trim() || null, ...(input.value.trim() ? { status: 'assigned' } : {}) }).then(() => {
                input.value = '';
                input.blur();
              });
            }}
          >
            <label>
              Assign the selected mention to <input id="assign-input" placeholder="name" />
            </label>
            <button type="submit">Assign</button>
          </form>
        )}
        <Status of={data}>
          {(d) =>
            d.queue.length === 0 ? (
              <p class="muted">Nobody waiting: the queue is empty.</p>
            ) : (
              <ol class="queue" aria-label="recovery queue">
                {d.queue.map((m, i) => (
                  <li class={i === cursor ? 'current' : ''} aria-current={i === cursor ? 'true' : undefined} data-id={m._id} onClick={() => setCursor(i)}>
                    <div class="queue-head">
                      <strong>{m.author.handle ?? m.author.name ?? 'someone'}</strong>
                      <span class="muted">
                        {m.source} · {day(m.publishedAt)} · priority {num(m.priority, 2)} · score {net(m.score)}
                        {m.churn ? ' · leaving' : ''}
                      </span>
                      {m.reply && (
                        <span class="pill" title={`Public reply${m.reply.at ? ` of ${day(m.reply.at)}` : ''}: ${m.reply.text.slice(0, 300)}`}>
                          answered publicly
                        </span>
                      )}
                      <span class="pill">{d.status.get(m._id)?.status ?? 'new'}</span>
                      {d.status.get(m._id)?.assignee && <span class="muted" data-testid="assignee">→ {d.status.get(m._id)!.assignee}</span>}
                      {d.status.get(m._id)?.tags.map((t) => (
                        <span class="pill tag">#{t}</span>
                      ))}
                      <Original url={m.url} />
                    </div>
                    <a href={`#/inbox?${new URLSearchParams({ ...p.route.params, id: m._id })}`}>{m.text.trim() ? (m.text.length > 200 ? `${m.text.slice(0, 200)}…` : m.text) : (m.title ?? '(no text: open it)')}</a>
                  </li>
                ))}
              </ol>
            )
          }
        </Status>
        {p.canWrite && current && (
          <div class="controls">
            <button type="button" onClick={() => void act({ status: 'replied' })}>Replied</button>
            <button type="button" onClick={() => void act({ status: 'resolved' })}>Resolve</button>
            <button type="button" onClick={() => void act({ status: 'ignored' })}>Ignore</button>
          </div>
        )}
      </Section>
      <div>{open ? <MentionDetailView {...p} id={open} onChange={data.reload} /> : <Section title="Selected"><p class="muted">Press Enter or pick a mention to see why it scored as it did and its notes.</p></Section>}</div>
    </div>
  );
}
