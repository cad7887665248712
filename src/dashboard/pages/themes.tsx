import { api, report } from '../api';
import { TimeChart } from '../chart';
import { intervalFor, type PageProps, rangeQuery } from '../context';
import { net, num, pct, periodSeconds, signed } from '../format';
import { hrefFor, setParams } from '../route';
import { Section, Status, Table, useApi } from '../ui';
import { MentionCard } from './mention-card';
import type { MentionSummary, Themes as ThemesReport, Trend } from './types';

/** The drivers: which themes pull net sentiment down or up and by how much; a theme's trend and its mentions. */
export function Themes(p: PageProps) {
  const data = useApi(() => report<ThemesReport>(p.brand.id, 'themes', rangeQuery(p.range)), [p.brand.id, p.range.from, p.range.to, p.range.days]);
  const selected = p.route.params.theme;
  return (
    <Status of={data}>
      {(r) => {
        const drivers = [...r.themes].sort((a, b) => a.impact - b.impact);
        const max = Math.max(0.001, ...drivers.map((d) => Math.abs(d.impact)));
        const theme = selected && r.themes.some((t) => t.theme === selected) ? selected : drivers[0]?.theme;
        return (
          <>
            <Section title={`Drivers of net sentiment (${net(r.netSentiment)} over ${num(r.mentions)} mentions)`}>
              <p class="muted">Impact: how much each theme moves the brand's net sentiment (its mentions' net sentiment weighted by its share). Select a theme for its trend and mentions.</p>
              <ul class="drivers" aria-label="themes by impact">
                {drivers.map((d) => (
                  <li>
                    <button type="button" class={`driver ${d.theme === theme ? 'selected' : ''}`} aria-pressed={d.theme === theme} onClick={() => setParams(p.route, { theme: d.theme })}>
                      <span class="driver-name">{d.theme}</span>
                      <span class="driver-bar" aria-hidden="true">
                        <span class={d.impact < 0 ? 'neg' : 'pos'} style={{ width: `${(Math.abs(d.impact) / max) * 50}%`, [d.impact < 0 ? 'right' : 'left']: '50%' }} />
                      </span>
                      <span class="num">{net(d.impact)}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </Section>
            <Section title="All themes">
              <Table
                rows={r.themes}
                columns={[
                  { label: 'Theme', cell: (t) => <a href={hrefFor('themes', { ...p.route.params, theme: t.theme })}>{t.theme}</a> },
                  { label: 'Mentions', cell: (t) => num(t.volume), num: true },
                  { label: 'Share', cell: (t) => pct(t.share), num: true },
                  { label: 'Positive', cell: (t) => num(t.positive), num: true },
                  { label: 'Negative', cell: (t) => num(t.negative), num: true },
                  { label: 'Net', cell: (t) => net(t.netSentiment), num: true },
                  { label: 'Net change', cell: (t) => signed(t.netSentimentChange, 2), num: true },
                  { label: 'Impact', cell: (t) => net(t.impact), num: true },
                ]}
              />
            </Section>
            {theme && <ThemeDetail {...p} topic={theme} />}
          </>
        );
      }}
    </Status>
  );
}

function ThemeDetail(p: PageProps & { topic: string }) {
  const data = useApi(async () => {
    const [trend, mentions] = await Promise.all([
      report<Trend>(p.brand.id, 'trend', { ...rangeQuery(p.range), interval: intervalFor(p.range.days), theme: p.topic }),
      api<{ items: MentionSummary[] }>('/api/v1/mentions', { query: { brand: p.brand.id, ...rangeQuery(p.range), theme: p.topic, limit: 5 } }),
    ]);
    return { trend, mentions: mentions.items };
  }, [p.brand.id, p.topic, p.range.from, p.range.to, p.range.days]);
  return (
    <Section title={`Theme: ${p.topic}`} actions={<a href={hrefFor('mentions', { ...p.route.params, theme: p.topic })}>all its mentions →</a>}>
      <Status of={data}>
        {({ trend, mentions }) => (
          <>
            <TimeChart
              title={`${p.topic}: volume and net sentiment`}
              theme={p.theme}
              x={trend.rows.map((r) => periodSeconds(r.period))}
              series={[
                { label: 'Volume', values: trend.rows.map((r) => r.volume), kind: 'bars', scale: 'count', color: '--c-volume' },
                { label: 'Net sentiment', values: trend.rows.map((r) => (r.volume ? r.netSentiment : null)), scale: 'net', color: '--c-net' },
              ]}
            />
            <h3>Examples</h3>
            {mentions.length === 0 ? <p class="muted">No mentions of this theme in the range.</p> : mentions.map((m) => <MentionCard m={m} route={p.route} highlightTheme={p.topic} />)}
          </>
        )}
      </Status>
    </Section>
  );
}
