import { api, report } from '../api';
import { TimeChart } from '../chart';
import { intervalFor, type PageProps, rangeQuery } from '../context';
import { net, num, pct, periodSeconds, signed } from '../format';
import { hrefFor } from '../route';
import { Section, Status, Table, Tile, useApi } from '../ui';
import type { Advocacy, AlertDoc, Themes, Trend } from './types';

/** Per brand at a glance: headline tiles with their change, the trend with alert moments, sources, top themes. */
export function Overview(p: PageProps) {
  const q = { ...rangeQuery(p.range), interval: intervalFor(p.range.days) };
  const compare = p.route.params.compare !== 'off';
  const data = useApi(async () => {
    const [trend, bySource, themes, advocacy, alerts, prev, prevTrend] = await Promise.all([
      report<Trend>(p.brand.id, 'trend', q),
      report<Trend>(p.brand.id, 'trend', { ...q, by: 'source' }),
      report<Themes>(p.brand.id, 'themes', { ...rangeQuery(p.range), limit: 5 }),
      report<Advocacy>(p.brand.id, 'advocacy', { ...rangeQuery(p.range), only: 'nps' }),
      api<{ alerts: AlertDoc[] }>('/api/v1/alerts', { query: { brand: p.brand.id, limit: 200 } }),
      // The advocacy score of the period before, for its change (the other tiles' changes come with the trend).
      compare ? report<Advocacy>(p.brand.id, 'advocacy', { ...previousRange(p.range), only: 'nps' }) : Promise.resolve(null),
      compare ? report<Trend>(p.brand.id, 'trend', { ...previousRange(p.range), interval: q.interval }) : Promise.resolve(null),
    ]);
    return { trend, bySource, themes, advocacy, alerts: alerts.alerts, prev, prevTrend };
  }, [p.brand.id, p.range.from, p.range.to, p.range.days, compare]);

  return (
    <Status of={data}>
      {({ trend, bySource, themes, advocacy, alerts, prev, prevTrend }) => {
        const t = trend.total;
        const c = trend.change;
        const x = trend.rows.map((r) => periodSeconds(r.period));
        const start = x[0] ?? 0;
        const markers = alerts
          .map((a) => ({ at: Date.parse(a.createdAt) / 1000, label: `${a.severity} ${a.rule} ${a.createdAt.slice(0, 16).replace('T', ' ')}` }))
          .filter((m) => m.at >= start);
        const sources = Object.values(
          bySource.breakdown.reduce<Record<string, { key: string; volume: number; negative: number; positive: number }>>((acc, r) => {
            const s = (acc[r.key] ??= { key: r.key, volume: 0, negative: 0, positive: 0 });
            s.volume += r.volume;
            s.negative += r.negative;
            s.positive += r.positive;
            return acc;
          }, {}),
        ).sort((a, b) => b.volume - a.volume);
        const npsChange = prev?.nps.score !== null && prev?.nps.score !== undefined && advocacy.nps.score !== null ? advocacy.nps.score - prev.nps.score : null;
        return (
          <>
            <div class="tiles">
              <Tile label="Volume" value={num(t.volume)} {...(compare ? { change: c.volume === null ? null : signed(c.volume * 100, 1, '%'), good: null } : {})} />
              <Tile label="Net sentiment" value={net(t.netSentiment)} title="(positive − negative) ÷ mentions" {...(compare ? { change: c.netSentiment === null ? null : signed(c.netSentiment, 2), good: c.netSentiment === null ? null : c.netSentiment >= 0 } : {})} />
              <Tile label="Advocacy (NPS)" value={advocacy.nps.score === null ? '–' : String(Math.round(advocacy.nps.score))} title="NPS-style: promoters − detractors, from stars and text" {...(compare ? { change: npsChange === null ? null : signed(npsChange, 0), good: npsChange === null ? null : npsChange >= 0 } : {})} />
              <Tile label="Average stars" value={num(t.avgStars, 2)} {...(compare ? { change: c.avgStars === null ? null : signed(c.avgStars, 2), good: c.avgStars === null ? null : c.avgStars >= 0 } : {})} />
              <Tile label="Churn share" value={pct(t.churnShare)} title="Mentions saying they leave or switch" {...(compare ? { change: c.churnShare === null ? null : signed(c.churnShare * 100, 1, ' pts'), good: c.churnShare === null ? null : c.churnShare <= 0 } : {})} />
            </div>
            <Section title={`Trend by ${trend.interval}`}>
              <TimeChart
                title="Volume and net sentiment"
                theme={p.theme}
                x={x}
                {...(p.range.to ? { xMax: Date.parse(`${p.range.to}T23:59:59Z`) / 1000 } : {})}
                markers={markers}
                series={[
                  { label: 'Volume', values: trend.rows.map((r) => r.volume), kind: 'bars', scale: 'count', color: '--c-volume' },
                  { label: 'Net sentiment', values: trend.rows.map((r) => (r.volume ? r.netSentiment : null)), scale: 'net', color: '--c-net' },
                  // The previous period, period for period (its first bucket under this range's first).
                  ...(prevTrend && prevTrend.total.volume > 0
                    ? [{ label: 'Net sentiment, previous period', values: trend.rows.map((_, i) => { const r = prevTrend.rows[prevTrend.rows.length - trend.rows.length + i]; return r && r.volume ? r.netSentiment : null; }), scale: 'net', color: '--c-net', dash: true }]
                    : []),
                ]}
              />
            </Section>
            <div class="grid2">
              <Section title="Sources">
                <Table
                  rows={sources}
                  columns={[
                    { label: 'Source', cell: (s) => <a href={hrefFor('mentions', { ...p.route.params, source: s.key })}>{s.key}</a> },
                    { label: 'Mentions', cell: (s) => num(s.volume), num: true },
                    { label: 'Positive', cell: (s) => num(s.positive), num: true },
                    { label: 'Negative', cell: (s) => num(s.negative), num: true },
                  ]}
                />
              </Section>
              <Section title="Top themes" actions={<a href={hrefFor('themes', p.route.params)}>all themes →</a>}>
                <Table
                  rows={themes.themes.slice(0, 5)}
                  columns={[
                    { label: 'Theme', cell: (r) => <a href={hrefFor('themes', { ...p.route.params, theme: r.theme })}>{r.theme}</a> },
                    { label: 'Share', cell: (r) => pct(r.share), num: true },
                    { label: 'Net', cell: (r) => net(r.netSentiment), num: true },
                    { label: 'Impact', cell: (r) => net(r.impact), num: true },
                  ]}
                />
              </Section>
            </div>
          </>
        );
      }}
    </Status>
  );
}

/** The period of the same length just before the range (the reports' "previous"). */
function previousRange(r: PageProps['range']): { from: string; to: string } {
  const from = Date.parse(`${r.from}T00:00:00Z`);
  const day = 86_400_000;
  return { from: new Date(from - r.days * day).toISOString().slice(0, 10), to: new Date(from - day).toISOString().slice(0, 10) };
}
