import { report } from '../api';
import { TimeChart } from '../chart';
import { intervalFor, type PageProps, rangeQuery } from '../context';
import { num, periodSeconds, signed } from '../format';
import { Section, Status, useApi } from '../ui';
import type { Gaps } from './types';

/** Each goal against where the brand stands, with its trend and the target drawn across it. */
export function Goals(p: PageProps) {
  const interval = intervalFor(p.range.days);
  const data = useApi(() => report<Gaps>(p.brand.id, 'gaps', { ...rangeQuery(p.range), interval }), [p.brand.id, p.range.from, p.range.to, p.range.days]);
  return (
    <Status of={data}>
      {(r) =>
        r.goals.length === 0 ? (
          <Section title="Goals">
            <p class="muted">No goals for this brand: add `goals:` to the brand in the config.</p>
          </Section>
        ) : (
          <div class="grid2">
            {r.goals.map((g) => (
              <Section title={g.goal}>
                <p>
                  <span class={`pill ${g.met ? 'positive' : 'negative'}`}>{g.met ? 'met' : 'not met'}</span> now <strong>{num(g.current, 2)}</strong> · target {g.direction === 'min' ? '≥' : '≤'} {num(g.target, 2)} · gap {signed(g.gap, 2)} · trend {g.trend}
                </p>
                <TimeChart
                  title={`${g.goal} by ${interval}`}
                  theme={p.theme}
                  height={180}
                  x={g.series.map((s) => periodSeconds(s.period))}
                  series={[
                    { label: g.metric.replace('_', ' '), values: g.series.map((s) => s.value), scale: 'v', color: '--c-net' },
                    { label: 'target', values: g.series.map(() => g.target), scale: 'v', color: '--c-alert', dash: true },
                  ]}
                />
              </Section>
            ))}
          </div>
        )
      }
    </Status>
  );
}
