import { useEffect, useRef } from 'preact/hooks';
import uPlot, { type AlignedData, type Options } from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { timeZone } from './format';

export interface ChartSeries {
  label: string;
  values: (number | null)[];
  kind?: 'line' | 'bars';
  /** Series on the same scale share a y axis; the second scale gets an axis on the right. */
  scale?: string;
  /** A CSS custom property holding the colour (`--c-volume`). */
  color: string;
  dash?: boolean;
}

export interface Marker {
  /** Seconds since the epoch. */
  at: number;
  label: string;
}

const css = (name: string) => getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#888';

/**
 * A time-series chart (uPlot on a canvas): bars and lines over `x` (seconds), optional vertical markers (alert
 * moments, backtest firings) drawn over it. `data-points` on the wrapper tells a test how many points it drew.
 */
export function TimeChart({ x, series, markers = [], height = 240, title, theme, xMax }: { x: number[]; series: ChartSeries[]; markers?: Marker[]; height?: number; title: string; theme: string; xMax?: number }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const scales = [...new Set(series.map((s) => s.scale ?? 'y'))];
    const axisColor = css('--muted');
    const grid = { stroke: css('--grid'), width: 1 };
    const markerColor = css('--c-alert');
    const opts: Options = {
      title,
      // Axis and legend times in the configured zone, not the browser's.
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1e3), timeZone()),
      width: Math.max(280, el.clientWidth),
      height,
      scales: Object.fromEntries([['x', { time: true, ...(xMax ? { range: (_u: uPlot, min: number, max: number) => [min, Math.max(max, xMax)] as uPlot.Range.MinMax } : {}) }], ...scales.map((s) => [s, { auto: true }])]),
      legend: { live: true },
      cursor: { drag: { x: false, y: false } },
      axes: [
        { stroke: axisColor, grid, ticks: grid },
        ...scales.map((s, i) => ({ scale: s, side: i === 0 ? 3 : 1, stroke: axisColor, grid: i === 0 ? grid : { show: false }, ticks: grid, size: 56 })),
      ],
      series: [
        {},
        ...series.map((s) => ({
          label: s.label,
          scale: s.scale ?? 'y',
          stroke: css(s.color),
          width: s.kind === 'bars' ? 0 : 2,
          fill: s.kind === 'bars' ? css(s.color) : undefined,
          dash: s.dash ? [6, 4] : undefined,
          spanGaps: false,
          points: { show: x.length < 40 },
          ...(s.kind === 'bars' ? { paths: uPlot.paths.bars!({ size: [0.6, 64] }) } : {}),
        })),
      ],
      hooks: {
        draw: [
          (u) => {
            const ctx = u.ctx;
            ctx.save();
            ctx.strokeStyle = markerColor;
            ctx.lineWidth = 2 * devicePixelRatio;
            ctx.setLineDash([4 * devicePixelRatio, 3 * devicePixelRatio]);
            for (const m of markers) {
              const px = u.valToPos(m.at, 'x', true);
              if (px < u.bbox.left || px > u.bbox.left + u.bbox.width) continue;
              ctx.beginPath();
              ctx.moveTo(px, u.bbox.top);
              ctx.lineTo(px, u.bbox.top + u.bbox.height);
              ctx.stroke();
            }
            ctx.restore();
          },
        ],
      },
    };
    const data = [x, ...series.map((s) => s.values)] as AlignedData;
    const plot = new uPlot(opts, data, el);
    const ro = new ResizeObserver(() => plot.setSize({ width: Math.max(280, el.clientWidth), height }));
    ro.observe(el);
    return () => {
      ro.disconnect();
      plot.destroy();
    };
  }, [JSON.stringify(x), JSON.stringify(series), JSON.stringify(markers), height, title, theme, xMax]);
  return (
    <figure class="chart">
      <div ref={box} data-points={x.length} data-series={series.length} data-markers={markers.length} role="img" aria-label={`${title}: ${x.length} points`} />
      {markers.length > 0 && (
        <figcaption class="muted">
          <span class="marker-key" aria-hidden="true" /> {markers.map((m) => m.label).join(' · ')}
        </figcaption>
      )}
    </figure>
  );
}
