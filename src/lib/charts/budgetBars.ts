import * as Plot from '@observablehq/plot';
import { HUE } from './palette.ts';
import { finishSvg } from './svg.ts';
import type { ChartOptions } from './scoreVsConversions.ts';

export interface BudgetBar {
  strategy: string;
  conversions: number;
  roi: number;
  bought: number;
}

const COLOR: Record<string, string> = {
  'Reach score': HUE.reach,
  'Fit (relevance × trust × reach)': HUE.fit,
  Random: HUE.random,
  Oracle: HUE.oracle,
};

/** Conversions bought with the same budget by each way of ranking accounts, labelled with accounts hired and ROI. */
export function budgetChart(bars: BudgetBar[], budgetText: string, { width = 720, document }: ChartOptions = {}): Element {
  const narrow = width < 560;
  const label = (d: BudgetBar) =>
    `${Math.round(d.conversions).toLocaleString('en-US')} · ${Math.round(d.bought)} hired · ROI ${Number.isFinite(d.roi) ? `${Math.round(d.roi * 100)}%`.replace('-', '−') : '–'}`;
  const plot = Plot.plot({
    document,
    width,
    height: bars.length * (narrow ? 78 : 52) + 50,
    marginLeft: narrow ? 10 : 200,
    marginRight: narrow ? 10 : 60,
    style: { fontSize: '12px', background: 'transparent', color: 'currentColor' },
    x: { label: `Conversions bought with ${budgetText} →`, grid: true, insetRight: narrow ? 0 : 120 },
    y: { domain: bars.map((b) => b.strategy), label: null, axis: narrow ? null : 'left', padding: narrow ? 0.6 : 0.25 },
    marks: [
      Plot.barX(bars, { y: 'strategy', x: 'conversions', fill: (d: BudgetBar) => COLOR[d.strategy] ?? HUE.random }),
      Plot.ruleX([0]),
      Plot.text(bars, { y: 'strategy', x: 'conversions', text: label, dx: 6, textAnchor: 'start', fill: 'currentColor', ...(narrow ? { dy: 22, x: 0 } : {}) }),
      ...(narrow ? [Plot.text(bars, { y: 'strategy', x: 0, text: 'strategy', dy: -22, textAnchor: 'start', fontWeight: 600, fill: 'currentColor' })] : []),
    ],
  });
  return finishSvg(plot, `Bar chart of conversions bought with ${budgetText}: ${bars.map((b) => `${b.strategy} ${Math.round(b.conversions)}`).join(', ')}.`);
}
