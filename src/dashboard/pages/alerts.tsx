import { useState } from 'preact/hooks';
import { api } from '../api';
import { TimeChart } from '../chart';
import { type PageProps, rangeQuery } from '../context';
import { num, when } from '../format';
import { hrefFor } from '../route';
import { ErrorBox, Section, Status, Table, useApi } from '../ui';
import type { AlertDoc, Backtest, Rule } from './types';

/** Fired alerts (ack with a note) and each rule's backtest: when it would have fired on the stored history. */
export function Alerts(p: PageProps) {
  const alerts = useApi(() => api<{ alerts: AlertDoc[] }>('/api/v1/alerts', { query: { brand: p.brand.id, limit: 100 } }), [p.brand.id]);
  const rules = useApi(() => api<{ rules: Rule[] }>('/api/v1/alerts/rules', { query: { brand: p.brand.id } }), [p.brand.id]);
  const rule = p.route.params.rule;
  return (
    <>
      <Section title="Alerts">
        <Status of={alerts}>
          {(r) => (
            <Table
              rows={r.alerts}
              empty="No alert has fired for this brand."
              columns={[
                { label: 'When', cell: (a) => when(a.createdAt) },
                { label: 'Rule', cell: (a) => <a href={hrefFor('alerts', { ...p.route.params, rule: a.rule })}>{a.rule}</a> },
                { label: 'Severity', cell: (a) => <span class={`pill sev-${a.severity}`}>{a.severity}{a.escalatedFrom ? ` (from ${a.escalatedFrom})` : ''}</span> },
                { label: 'What', cell: (a) => a.summary },
                { label: 'State', cell: (a) => <AckCell a={a} canWrite={p.canWrite} onDone={alerts.reload} /> },
              ]}
            />
          )}
        </Status>
      </Section>
      <Section title="Rules and backtests">
        <Status of={rules}>
          {(r) =>
            r.rules.length === 0 ? (
              <p class="muted">No alert rule for this brand.</p>
            ) : (
              <ul class="rules">
                {r.rules.map((x) => (
                  <li>
                    <a href={hrefFor('alerts', { ...p.route.params, rule: x.name })} aria-current={x.name === rule ? 'true' : undefined}>
                      {x.name}
                    </a>{' '}
                    <span class="muted">
                      {x.kind.replace('_', ' ')} · window {x.window} · baseline {x.baseline} · {x.sensitivity} sensitivity · cooldown {x.cooldown}
                    </span>
                  </li>
                ))}
              </ul>
            )
          }
        </Status>
      </Section>
      {rule && <BacktestView {...p} rule={rule} />}
    </>
  );
}

function AckCell({ a, canWrite, onDone }: { a: AlertDoc; canWrite: boolean; onDone: () => void }) {
  const [note, setNote] = useState('');
  const [error, setError] = useState<Error | null>(null);
  if (a.state === 'acknowledged') return <span title={a.ackNote ?? ''}>acknowledged{a.acknowledgedBy ? ` by ${a.acknowledgedBy}` : ''}{a.ackNote ? `: ${a.ackNote}` : ''}</span>;
  if (!canWrite) return <span>open</span>;
  return (
    <form
      class="ack"
      onSubmit={async (e) => {
        e.preventDefault();
        try {
          await api(`/api/v1/alerts/${encodeURIComponent(a._id)}/ack`, { method: 'POST', body: note.trim() ? { note: note.trim() } : {} });
          onDone();
        } catch (err) {
          setError(err as Error);
        }
      }}
    >
      <label class="sr-only" for={`ack-${a._id}`}>Note for acknowledging {a.rule}</label>
      <input id={`ack-${a._id}`} value={note} placeholder="note (optional)" onInput={(e) => setNote(e.currentTarget.value)} />
      <button type="submit">Ack</button>
      {error && <ErrorBox error={error} />}
    </form>
  );
}

function BacktestView(p: PageProps & { rule: string }) {
  const data = useApi(() => api<Backtest>(`/api/v1/alerts/rules/${encodeURIComponent(p.rule)}/backtest`, { query: rangeQuery(p.range) }), [p.rule, p.range.from, p.range.to]);
  return (
    <Section title={`Backtest: ${p.rule}`}>
      <Status of={data}>
        {(b) => (
          <>
            <p data-testid="backtest-summary">
              Over {num(b.evaluated)} hours it would have fired <strong>{b.firings.length}</strong> time{b.firings.length === 1 ? '' : 's'} ({num(b.suppressed)} more held back by the cooldown).
            </p>
            <TimeChart
              title={`${b.rule.name}: observed vs expected (${b.firings[0]?.unit ?? b.rule.kind})`}
              theme={p.theme}
              x={b.series.map((s) => Date.parse(s.at) / 1000)}
              markers={b.firings.map((f) => ({ at: Date.parse(f.at) / 1000, label: `fires ${when(f.at)}` }))}
              series={[
                { label: 'observed', values: b.series.map((s) => s.observed), scale: 'v', color: '--c-net' },
                { label: 'expected', values: b.series.map((s) => s.expected), scale: 'v', color: '--c-volume', dash: true },
              ]}
            />
          </>
        )}
      </Status>
    </Section>
  );
}
