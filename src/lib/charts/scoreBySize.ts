import * as Plot from '@observablehq/plot';
import { HUE } from './palette.ts';
import { finishSvg } from './svg.ts';
import type { ChartOptions } from './scoreVsConversions.ts';

export interface ScorePoint {
  followers: number;
  score: number;
  persona: string;
  handle: string;
}

/** Accounts' reach scores against their followers (log scale), as a hexagonal density (thousands of dots would be mostly overlap), with the named accounts labelled. */
export function scoreBySizeChart(points: ScorePoint[], r2: number, { width = 720, document }: ChartOptions = {}): Element {
  const named = points.filter((p) => p.persona);
  const plot = Plot.plot({
    document,
    width,
    height: Math.round(Math.min(420, width * 0.6)),
    marginLeft: 48,
    marginRight: 20,
    style: { fontSize: '12px', background: 'transparent', color: 'currentColor' },
    x: { type: 'log', label: 'Followers (log scale) →', grid: true },
    r: { range: [0.8, 5] },
    opacity: { range: [0.35, 1] },
    y: { label: '↑ Reach score (1–100)', domain: [0, 100], grid: true },
    marks: [
      Plot.dot(points, Plot.hexbin({ r: 'count', fillOpacity: 'count' }, { x: 'followers', y: 'score', fill: HUE.reach, binWidth: 9 })),
      Plot.dot(named, { x: 'followers', y: 'score', r: 4, stroke: 'currentColor', strokeWidth: 1.5 }),
      Plot.text(named, { x: 'followers', y: 'score', text: 'handle', dy: -10, fill: 'currentColor', fontWeight: 600, stroke: 'var(--bg, white)', strokeWidth: 3, paintOrder: 'stroke' }),
      Plot.text([`R² on ln(followers) = ${Number.isFinite(r2) ? r2.toFixed(2) : '–'}`], { frameAnchor: 'top-left', dx: 8, dy: 8, fill: 'currentColor', fontWeight: 600 }),
    ],
  });
  return finishSvg(plot, `Scatter plot of ${points.length} accounts' reach score against their followers on a log scale; the score rises with audience size, R squared ${Number.isFinite(r2) ? r2.toFixed(2) : 'not defined'}.`);
}

/** The distribution of reach scores, with the scale's anchors (median 20, 95th percentile 50) marked. */
export function scoreDistributionChart(scores: ArrayLike<number>, { width = 720, document }: ChartOptions = {}): Element {
  const data = Array.from(scores, (score) => ({ score }));
  const plot = Plot.plot({
    document,
    width,
    height: 260,
    marginLeft: 48,
    style: { fontSize: '12px', background: 'transparent', color: 'currentColor' },
    x: { label: 'Reach score (1–100) →', domain: [0, 100] },
    y: { label: '↑ Accounts', grid: true },
    marks: [
      Plot.rectY(data, { ...Plot.binX({ y: 'count' }, { x: 'score', thresholds: 50 }), fill: HUE.reach, fillOpacity: 0.75, inset: 0.5 }),
      Plot.ruleY([0]),
      Plot.ruleX([20, 50], { stroke: 'currentColor', strokeDasharray: '4 3' }),
      Plot.text(
        [
          { x: 20, label: 'median 20' },
          { x: 50, label: 'top 5% above 50' },
        ],
        { x: 'x', text: 'label', frameAnchor: 'top', dy: 4, dx: 6, textAnchor: 'start', fill: 'currentColor' },
      ),
    ],
  });
  return finishSvg(plot, `Histogram of ${data.length} reach scores; by construction half the accounts score under 20 and 5% above 50.`);
}
