import { useState } from 'preact/hooks';
import { api } from '../api';
import type { PageProps } from '../context';
import { num, when } from '../format';
import { ErrorBox, Section, Status, Table, useApi } from '../ui';
import type { SourceHealth } from './types';

/** Collection health per source: last success, blocked vs broken, next run; run one now. */
export function Sources(p: PageProps) {
  const data = useApi(() => api<{ schedulerRunning: boolean; sources: SourceHealth[] }>(`/api/v1/brands/${encodeURIComponent(p.brand.id)}/sources`), [p.brand.id]);
  const [msg, setMsg] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const runNow = async (source: string) => {
    setError(null);
    setMsg(null);
    try {
      await api('/api/v1/crawls', { method: 'POST', body: { brand: p.brand.id, source } });
      setMsg(`Crawl of ${source} queued.`);
      setTimeout(data.reload, 1500);
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <Section title="Sources">
      {msg && <p role="status">{msg}</p>}
      {error && <ErrorBox error={error} />}
      <Status of={data}>
        {(r) => (
          <>
            <p class="muted">{r.schedulerRunning ? 'The scheduler is running.' : 'No scheduler is running: sources are collected only when run by hand or by workers.'}</p>
            <Table
              rows={r.sources}
              columns={[
                { label: 'Source', cell: (s) => <strong>{s.name}</strong> },
                { label: 'Kind', cell: (s) => s.kind },
                { label: 'Last run', cell: (s) => (s.lastRun ? `${s.lastRun.status} · ${when(s.lastRun.startedAt)}` : 'never') },
                { label: 'Last success', cell: (s) => (s.lastSuccess ? when(s.lastSuccess.startedAt) : 'never') },
                { label: 'New items', cell: (s) => num(s.lastRun?.itemsNew ?? null), num: true },
                { label: 'Blocked', cell: (s) => num(s.failures.blocked), num: true },
                { label: 'Broken', cell: (s) => num(s.failures.broken), num: true },
                { label: 'Next run', cell: (s) => (s.next ? when(s.next) : 'not scheduled') },
                ...(p.canWrite
                  ? [{ label: 'Run', cell: (s: SourceHealth) => <button type="button" onClick={() => void runNow(s.name)} aria-label={`Run now: ${s.name}`}>Run now</button> }]
                  : []),
              ]}
            />
          </>
        )}
      </Status>
    </Section>
  );
}
