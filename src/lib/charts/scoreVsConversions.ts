import * as Plot from '@observablehq/plot';
import { HUE } from './palette.ts';
import { finishSvg, gridOfPlots } from './svg.ts';
import { pathDots } from './pathDots.ts';

export interface BrandPanel {
  brand: string;
  name: string;
  rho: number;
  /** Placements in the brand; `points` may be an even sample of them. */
  n: number;
  points: { score: number; conversions: number }[];
}

export interface ChartOptions {
  width?: number;
  document?: Document;
}

const CELL_HEIGHT = 240;

/** Says so when only a sample of a brand's placements is drawn (Spearman uses all of them). */
const sampleNote = (p: BrandPanel, separator: string) =>
  p.points.length < p.n ? `${separator}${p.points.length.toLocaleString('en-US')} of ${p.n.toLocaleString('en-US')} placements drawn` : '';

/** Small multiples, one per brand, each with its own y scale: each placement's reach score against its conversions (symlog y). */
export function scoreVsConversionsChart(panels: BrandPanel[], { width = 720, document }: ChartOptions = {}): Element {
  const columns = width < 560 ? 1 : 2;
  const cellWidth = Math.floor(width / columns);
  const plots = panels.map((p, i) =>
    Plot.plot({
      document,
      width: cellWidth,
      height: CELL_HEIGHT,
      marginTop: 60,
      marginLeft: 48,
      marginRight: 14,
      style: { fontSize: '11px', background: 'transparent', color: 'currentColor' },
      x: { label: i === panels.length - 1 || columns === 1 ? 'Reach score →' : 'Reach score →', domain: [0, 100], grid: true, ticks: 5 },
      y: { label: '↑ Purchases per post (symlog)', type: 'symlog', grid: true, ticks: 3, nice: true },
      marks: [
        Plot.dot(p.points, { x: 'score', y: 'conversions', render: pathDots({ r: 2, fill: HUE.reach, fillOpacity: 0.4 }) }),
        Plot.text([`${p.name}   ρ = ${Number.isFinite(p.rho) ? p.rho.toFixed(2).replace('-', '−') : '–'}`], {
          frameAnchor: 'top-left',
          dx: -40,
          dy: -46,
          fontWeight: 700,
          fontSize: 13,
          textAnchor: 'start',
          fill: 'currentColor',
        }),
        Plot.text([sampleNote(p, '')], { frameAnchor: 'top-left', dx: -40, dy: -28, fontSize: 11, textAnchor: 'start', fill: 'currentColor', fillOpacity: 0.8 }),
      ],
    }),
  );
  const grid = gridOfPlots(plots, { columns, width, cellHeight: CELL_HEIGHT });
  return finishSvg(
    grid,
    `Scatter plots, one per brand, of each placement's reach score against its purchases. ${panels
      .map((p) => `${p.name}: Spearman ${Number.isFinite(p.rho) ? p.rho.toFixed(2) : 'not defined'}${sampleNote(p, ', ')}`)
      .join('; ')}.`,
  );
}
