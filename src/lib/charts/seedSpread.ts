import * as Plot from '@observablehq/plot';
import { HUE } from './palette.ts';
import { finishSvg } from './svg.ts';
import type { ChartOptions } from './scoreVsConversions.ts';
import { SCORE_LABEL } from '../labels.ts';

export interface SeedPoint {
  brand: string;
  score: 'reach' | 'fit';
  seed: number;
  rho: number;
}

const KINDS = ['reach', 'fit'] as const;
const COLORS = { reach: HUE.reach, fit: HUE.fit };

/** Each seed's Spearman ρ per brand for the reach score and for fit: how much the headline moves between simulated worlds. */
export function seedSpreadChart(points: SeedPoint[], { width = 720, document }: ChartOptions = {}): Element {
  const brands = [...new Set(points.map((p) => p.brand))];
  const narrow = width < 560;
  // Written out like scoreboard.ts's options (same layout, other values), not shared: see there.
  const plot = Plot.plot({
    document,
    width,
    height: brands.length * 56 + 70,
    marginLeft: narrow ? 10 : 150,
    marginRight: 16,
    x: { domain: [-0.2, 1], label: 'Spearman ρ with realized purchases, one dot per simulated world →', grid: true },
    y: { domain: brands, label: null, axis: narrow ? null : 'left' },
    color: { domain: KINDS.map((k) => SCORE_LABEL[k]), range: KINDS.map((k) => COLORS[k]), legend: true },
    marks: [
      Plot.ruleX([0], { stroke: 'currentColor', strokeOpacity: 0.5 }),
      ...KINDS.map((kind, k) =>
        Plot.dot(
          points.filter((p) => p.score === kind),
          { y: 'brand', x: 'rho', stroke: (p: SeedPoint) => SCORE_LABEL[p.score], r: 3.5, strokeWidth: 1.5, dy: k === 0 ? -7 : 7 },
        ),
      ),
      ...(narrow ? [Plot.text(brands, { y: (d: string) => d, text: (d: string) => d, frameAnchor: 'left', dy: -20, dx: 2, textAnchor: 'start', fontWeight: 600, fill: 'currentColor' })] : []),
    ],
  });
  return finishSvg(plot, `Dot plot of Spearman correlations with purchases across ${new Set(points.map((p) => p.seed)).size} simulated worlds, per brand, for the reach score and for fit.`);
}
