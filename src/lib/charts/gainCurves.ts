import * as Plot from '@observablehq/plot';
import { HUE } from './palette.ts';
import { finishSvg } from './svg.ts';
import type { ChartOptions } from './scoreVsConversions.ts';
import type { GainPoint } from '../figures/fairness.ts';
import { SCORE_LABEL } from '../labels.ts';

const COLORS = { reach: HUE.reach, fit: HUE.fit, oracle: HUE.oracle };
const KINDS = ['reach', 'fit', 'oracle'] as const;

/** Cumulative gain curves, one panel per brand: reach score, fit and oracle, with the random diagonal. */
export function gainCurvesChart(points: GainPoint[], { width = 720, document }: ChartOptions = {}): Element {
  const brands = [...new Set(points.map((p) => p.brand))];
  const columns = width < 560 ? 1 : width < 900 ? 2 : 3;
  const cell = (b: string) => brands.indexOf(b);
  const data = points.map((p) => ({ ...p, col: cell(p.brand) % columns, row: Math.floor(cell(p.brand) / columns) }));
  const titles = brands.map((b, i) => ({ title: b, col: i % columns, row: Math.floor(i / columns) }));
  const diagonal = titles.flatMap((t) => [0, 1].map((v) => ({ ...t, share: v, gain: v })));
  const rows = Math.ceil(brands.length / columns);
  const plot = Plot.plot({
    document,
    width,
    height: rows * (columns === 1 ? 230 : 200) + 60,
    marginLeft: 48,
    marginTop: 30,
    style: { fontSize: '12px', background: 'transparent', color: 'currentColor' },
    fx: { axis: null, padding: 0.12 },
    fy: { axis: null, padding: 0.2 },
    x: { label: 'Share of placements hired, best-ranked first →', domain: [0, 1], tickFormat: '%', ticks: 4, grid: true },
    y: { label: '↑ Share of all conversions', domain: [0, 1], tickFormat: '%', ticks: 4, grid: true },
    color: { domain: [...KINDS.map((k) => SCORE_LABEL[k]), 'Random'], range: [...KINDS.map((k) => COLORS[k]), HUE.random], legend: true },
    marks: [
      Plot.frame({ stroke: 'currentColor', strokeOpacity: 0.15 }),
      Plot.line(diagonal, { x: 'share', y: 'gain', fx: 'col', fy: 'row', stroke: HUE.random, strokeDasharray: '4 3' }),
      Plot.line(data, { x: 'share', y: 'gain', z: 'score', stroke: (p: GainPoint) => SCORE_LABEL[p.score], fx: 'col', fy: 'row', strokeWidth: 2 }),
      Plot.text(titles, { fx: 'col', fy: 'row', text: 'title', frameAnchor: 'top-left', dx: 6, dy: -18, fontWeight: 600, fill: 'currentColor' }),
    ],
  });
  return finishSvg(plot, `Gain curves per brand for the reach score, the fit score and the oracle, against random hiring.`);
}
