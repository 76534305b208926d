import * as Plot from '@observablehq/plot';
import { HUE } from './palette.ts';
import { finishSvg } from './svg.ts';

export interface BrandPanel {
  brand: string;
  name: string;
  rho: number;
  points: { score: number; conversions: number }[];
}

export interface ChartOptions {
  width?: number;
  document?: Document;
}

/** Small multiples, one per brand: each placement's reach score against its conversions (symlog y). */
export function scoreVsConversionsChart(panels: BrandPanel[], { width = 720, document }: ChartOptions = {}): Element {
  const columns = width < 560 ? 1 : 2;
  const data = panels.flatMap((p, i) =>
    p.points.map((d) => ({ ...d, col: i % columns, row: Math.floor(i / columns) })),
  );
  const titles = panels.map((p, i) => ({
    col: i % columns,
    row: Math.floor(i / columns),
    title: `${p.name}   ρ = ${Number.isFinite(p.rho) ? p.rho.toFixed(2) : '–'}`,
  }));
  const rows = Math.ceil(panels.length / columns);
  const plot = Plot.plot({
    document,
    width,
    height: rows * 210 + 50,
    marginTop: 30,
    marginLeft: 56,
    style: { fontSize: '12px', background: 'transparent', color: 'currentColor' },
    fx: { axis: null, padding: 0.12 },
    fy: { axis: null, padding: 0.22 },
    x: { label: 'Reach score (1–100) →', domain: [0, 100], grid: true, ticks: 5 },
    y: { label: 'Conversions per placement (symlog scale)', labelAnchor: 'center', labelArrow: 'none', type: 'symlog', grid: true, ticks: 4 },
    marks: [
      Plot.frame({ stroke: 'currentColor', strokeOpacity: 0.15 }),
      Plot.dot(data, { x: 'score', y: 'conversions', fx: 'col', fy: 'row', r: 2.2, fill: HUE.reach, fillOpacity: 0.45 }),
      Plot.text(titles, {
        fx: 'col',
        fy: 'row',
        text: 'title',
        frameAnchor: 'top-left',
        dx: 6,
        dy: -20,
        fontWeight: 600,
        fill: 'currentColor',
      }),
    ],
  });
  return finishSvg(plot, `Scatter plots, one per brand, of each placement's reach score against its conversions. ${panels
    .map((p) => `${p.name}: Spearman ${Number.isFinite(p.rho) ? p.rho.toFixed(2) : 'not defined'}`)
    .join('; ')}.`);
}
