import * as Plot from '@observablehq/plot';
import { HUE } from './palette.ts';
import { finishSvg } from './svg.ts';
import type { ChartOptions } from './scoreVsConversions.ts';

/** One brand's curve along one swept assumption, as the chart draws it. */
export interface BreakEvenSeries {
  brand: string;
  points: { x: number; mean: number; lo: number; hi: number }[];
  /** Break-even values (empty: no flip within the range). */
  flips: number[];
}

export interface BreakEvenAxis {
  label: string;
  /** The base world's value of the assumption. */
  default: number;
  /** What the y axis shows, e.g. 'ρ(fit) − ρ(reach)'. */
  measure: string;
}

const format = (v: number) => (Math.abs(v) >= 10 || v === 0 ? String(Math.round(v * 10) / 10) : String(Number(v.toPrecision(2)))).replace('-', '−');

/**
 * Per brand (one row each), a paired difference (fit − reach) against the swept value of one
 * assumption: the mean over seeds with its 95% interval, zero (where the verdict flips), the
 * default value, and each break-even marked, or "no flip within the range".
 */
export function breakEvenChart(series: BreakEvenSeries[], axis: BreakEvenAxis, { width = 720, document }: ChartOptions = {}): Element {
  const rows = series.flatMap((s) => s.points.map((p) => ({ brand: s.brand, ...p })));
  const flips = series.flatMap((s) => s.flips.map((x) => ({ brand: s.brand, x, label: `flips at ${format(x)}` })));
  const none = series.filter((s) => s.flips.length === 0).map((s) => ({ brand: s.brand, label: 'no flip within the range' }));
  const xs = rows.map((r) => r.x);
  const plot = Plot.plot({
    document,
    width,
    height: series.length * 78 + 60,
    marginLeft: 48,
    marginRight: 16,
    marginTop: 44,
    style: { fontSize: '12px', background: 'transparent', color: 'currentColor' },
    x: { domain: [Math.min(...xs), Math.max(...xs)], label: `${axis.label} →`, grid: true, tickFormat: format },
    y: { label: `↑ ${axis.measure} (fit wins above 0)`, grid: true, nice: true, ticks: 3, tickFormat: format },
    fy: { domain: series.map((s) => s.brand), label: null, axis: null, padding: 0.3 },
    marks: [
      Plot.areaY(rows, { fy: 'brand', x: 'x', y1: 'lo', y2: 'hi', fill: HUE.fit, fillOpacity: 0.2 }),
      Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.6 }),
      Plot.ruleX([axis.default], { stroke: 'currentColor', strokeDasharray: '4,3', strokeOpacity: 0.7 }),
      Plot.text([series[0]], { fy: 'brand', x: axis.default, text: () => 'default', frameAnchor: 'top', dy: -28, fill: 'currentColor', fillOpacity: 0.75 }),
      Plot.lineY(rows, { fy: 'brand', x: 'x', y: 'mean', stroke: HUE.fit, strokeWidth: 2 }),
      Plot.dot(rows, { fy: 'brand', x: 'x', y: 'mean', fill: HUE.fit, r: 2.5 }),
      Plot.dot(flips, { fy: 'brand', x: 'x', y: 0, stroke: HUE.oracle, strokeWidth: 2, r: 5 }),
      Plot.text(flips, { fy: 'brand', x: 'x', y: 0, text: 'label', dy: -10, fill: HUE.oracle, fontWeight: 600 }),
      Plot.text(series, { fy: 'brand', text: 'brand', frameAnchor: 'top-left', dy: -14, fontWeight: 600, fill: 'currentColor' }),
      Plot.text(none, { fy: 'brand', text: 'label', frameAnchor: 'top-right', dy: -14, fill: 'currentColor', fillOpacity: 0.75 }),
    ],
  });
  return finishSvg(
    plot,
    `${axis.measure} against ${axis.label}, per brand: the mean over simulated worlds with its 95% interval, the default value dashed, and where the difference changes sign. ` +
      series.map((s) => `${s.brand}: ${s.flips.length ? `flips at ${s.flips.map(format).join(' and ')}` : 'no flip within the range'}`).join('; ') + '.',
  );
}
