import { report } from '../api';
import { TimeChart } from '../chart';
import { type PageProps, rangeQuery, windows } from '../context';
import { day, net, num } from '../format';
import { Original, Section, Status, Table, useApi } from '../ui';
import type { Advocacy as AdvocacyReport } from './types';

/** The advocacy score over time (the report over consecutive windows of the range), top advocates, shareable moments. */
export function Advocacy(p: PageProps) {
  const data = useApi(async () => {
    const parts = windows(p.range, 6);
    const [now, ...series] = await Promise.all([
      report<AdvocacyReport>(p.brand.id, 'advocacy', { ...rangeQuery(p.range), limit: 20 }),
      ...parts.map((w) => report<AdvocacyReport>(p.brand.id, 'advocacy', { ...w, only: 'nps' })),
    ]);
    return { now: now!, series: series.map((s, i) => ({ at: Date.parse(`${parts[i]!.to}T12:00:00Z`) / 1000, nps: s.nps.score, total: s.nps.total })) };
  }, [p.brand.id, p.range.from, p.range.to, p.range.days]);
  return (
    <Status of={data}>
      {({ now, series }) => (
        <>
          <div class="tiles">
            <div class="tile">
              <div class="tile-label">Advocacy score (NPS-style)</div>
              <div class="tile-value" data-testid="nps">{now.nps.score === null ? '–' : Math.round(now.nps.score)}</div>
              <div class="muted small">
                {now.nps.promoters} promoters · {now.nps.passives} passives · {now.nps.detractors} detractors ({now.nps.rated} rated, {now.nps.textOnly} from text)
              </div>
            </div>
          </div>
          <Section title="Advocacy score over time">
            <TimeChart
              title="NPS-style score per period"
              theme={p.theme}
              x={series.map((s) => s.at)}
              series={[
                { label: 'Mentions', values: series.map((s) => s.total), kind: 'bars', scale: 'count', color: '--c-volume' },
                { label: 'Score', values: series.map((s) => s.nps), scale: 'nps', color: '--c-net' },
              ]}
            />
          </Section>
          <Section title="Top advocates">
            <Table
              rows={now.advocates}
              empty="No advocates in this range."
              columns={[
                { label: 'Who', cell: (a) => (a.profile ? <Original url={a.profile}>{a.author}</Original> : a.author) },
                { label: 'Source', cell: (a) => a.source },
                { label: 'Mentions', cell: (a) => num(a.mentions), num: true },
                { label: 'Recommends', cell: (a) => num(a.recommends), num: true },
                { label: 'Reach', cell: (a) => num(a.reach), num: true },
                { label: 'Last', cell: (a) => day(a.lastAt) },
              ]}
            />
          </Section>
          <Section title="Shareable moments">
            <Table
              rows={now.moments}
              empty="No shareable moments in this range."
              columns={[
                { label: 'Who', cell: (m) => m.author.handle ?? m.author.name ?? '–' },
                { label: 'Said', cell: (m) => <Original url={m.url}>{m.text.length > 160 ? `${m.text.slice(0, 160)}…` : m.text}</Original> },
                { label: 'Score', cell: (m) => net(m.score), num: true },
                { label: 'Engagement', cell: (m) => num(m.engagement), num: true },
                { label: 'When', cell: (m) => day(m.publishedAt) },
              ]}
            />
          </Section>
        </>
      )}
    </Status>
  );
}
