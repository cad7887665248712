import { report } from '../api';
import { TimeChart } from '../chart';
import { type PageProps, rangeQuery, windows } from '../context';
import { net, num, pct } from '../format';
import { Section, Status, Table, useApi } from '../ui';
import type { Sov } from './types';

const COLORS = ['--c-net', '--c-volume', '--c-3', '--c-4', '--c-5', '--c-6'];

/** Share of voice now and over the range (the report over consecutive windows), and the themes won and lost. */
export function Competitors(p: PageProps) {
  const data = useApi(async () => {
    const parts = windows(p.range, 6);
    const [now, ...series] = await Promise.all([report<Sov>(p.brand.id, 'sov', rangeQuery(p.range)), ...parts.map((w) => report<Sov>(p.brand.id, 'sov', w))]);
    return { now: now!, series: series.map((s, i) => ({ at: Date.parse(`${parts[i]!.to}T12:00:00Z`) / 1000, sov: s })) };
  }, [p.brand.id, p.range.from, p.range.to, p.range.days]);
  return (
    <Status of={data}>
      {({ now, series }) => {
        const won = now.duels.filter((d) => d.winner === p.brand.id);
        const lost = now.duels.filter((d) => d.winner !== p.brand.id && d.winner !== 'tie');
        const duelCols = [
          { label: 'Theme', cell: (d: Sov['duels'][number]) => d.theme },
          { label: 'Against', cell: (d: Sov['duels'][number]) => now.parties.find((x) => x.id === d.competitor)?.name ?? d.competitor },
          { label: 'Us (net)', cell: (d: Sov['duels'][number]) => `${net(d.brandNet)} (${d.brandVolume})`, num: true },
          { label: 'Them (net)', cell: (d: Sov['duels'][number]) => `${net(d.competitorNet)} (${d.competitorVolume})`, num: true },
          { label: 'Gap', cell: (d: Sov['duels'][number]) => net(d.gap), num: true },
        ];
        return (
          <>
            <Section title="Share of voice over time">
              <TimeChart
                title="Share of mentions per period"
                theme={p.theme}
                x={series.map((s) => s.at)}
                series={now.parties.map((party, i) => ({
                  label: party.name,
                  values: series.map((s) => {
                    const hit = s.sov.parties.find((x) => x.id === party.id);
                    return hit ? Math.round(hit.share * 1000) / 10 : null;
                  }),
                  scale: '%',
                  color: COLORS[i % COLORS.length]!,
                }))}
              />
            </Section>
            <Section title="Share of voice">
              <Table
                rows={now.parties}
                columns={[
                  { label: 'Brand', cell: (x) => (x.isBrand ? <strong>{x.name}</strong> : x.name) },
                  { label: 'Mentions', cell: (x) => num(x.volume), num: true },
                  { label: 'Share', cell: (x) => pct(x.share), num: true },
                  { label: 'Net', cell: (x) => net(x.netSentiment), num: true },
                  { label: 'Named with us', cell: (x) => num(x.namedInBrandMentions), num: true },
                  { label: 'Churn towards', cell: (x) => num(x.churnTowards), num: true },
                ]}
              />
            </Section>
            <div class="grid2">
              <Section title={`Themes won (${won.length})`}>
                <Table rows={won} columns={duelCols} empty="No theme where we lead." />
              </Section>
              <Section title={`Themes lost (${lost.length})`}>
                <Table rows={lost} columns={duelCols} empty="No theme where a competitor leads." />
              </Section>
            </div>
          </>
        );
      }}
    </Status>
  );
}
