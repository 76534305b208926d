import * as Plot from '@observablehq/plot';
import { HUE } from './palette.ts';
import { finishSvg } from './svg.ts';
import type { ChartOptions } from './scoreVsConversions.ts';

export interface BudgetBar {
  strategy: string;
  conversions: number;
  roi: number;
  bought: number;
  /** Conversions per $1,000 spent. */
  perThousand: number;
  /** A walk that varies (random order): 95% of its runs' conversions lie in [lo, hi]. */
  spread?: { conversions: { lo: number; hi: number } };
}

const COLOR: Record<string, string> = {
  'Reach score': HUE.reach,
  'Reach score per dollar': HUE.kred,
  'Fit (relevance × trust × reach)': HUE.fit,
  'Fit per dollar': HUE.relevance,
  Random: HUE.random,
  Oracle: HUE.oracle,
};

const roiText = (roi: number) => (Number.isFinite(roi) ? `${Math.round(roi * 100)}%`.replace('-', '−') : '–');
const perK = (v: number) => (Number.isFinite(v) ? (v >= 10 ? Math.round(v).toLocaleString('en-US') : v.toFixed(1)) : '–');

/**
 * Conversions bought with the same budget by each way of ranking accounts, labelled with
 * conversions per $1,000, accounts hired and ROI; a walk with a spread (random order) gets a rule
 * over the 95% range of its runs.
 */
export function budgetChart(bars: BudgetBar[], budgetText: string, { width = 720, document }: ChartOptions = {}): Element {
  const narrow = width < 560;
  const label = (d: BudgetBar) =>
    `${Math.round(d.conversions).toLocaleString('en-US')} · ${perK(d.perThousand)} per $1k · ${Math.round(d.bought)} hired · ROI ${roiText(d.roi)}`;
  const spread = bars.filter((b) => b.spread).map((b) => ({ strategy: b.strategy, lo: b.spread!.conversions.lo, hi: b.spread!.conversions.hi }));
  const plot = Plot.plot({
    document,
    width,
    height: bars.length * (narrow ? 78 : 52) + 50,
    marginLeft: narrow ? 10 : 200,
    marginRight: narrow ? 10 : 60,
    style: { fontSize: '12px', background: 'transparent', color: 'currentColor' },
    x: { label: `Conversions bought with ${budgetText} →`, grid: true, insetRight: narrow ? 0 : 210 },
    y: { domain: bars.map((b) => b.strategy), label: null, axis: narrow ? null : 'left', padding: narrow ? 0.6 : 0.25 },
    marks: [
      Plot.barX(bars, { y: 'strategy', x: 'conversions', fill: (d: BudgetBar) => COLOR[d.strategy] ?? HUE.random }),
      Plot.ruleX([0]),
      Plot.ruleY(spread, { y: 'strategy', x1: 'lo', x2: 'hi', stroke: 'currentColor', strokeWidth: 1.5 }),
      Plot.tickX(spread.flatMap((s) => [{ strategy: s.strategy, x: s.lo }, { strategy: s.strategy, x: s.hi }]), { y: 'strategy', x: 'x', stroke: 'currentColor', strokeWidth: 1.5 }),
      Plot.text(bars, {
        y: 'strategy',
        x: (d: BudgetBar) => Math.max(d.conversions, d.spread?.conversions.hi ?? 0),
        text: label,
        dx: 6,
        textAnchor: 'start',
        fill: 'currentColor',
        ...(narrow ? { dy: 22, x: 0 } : {}),
      }),
      ...(narrow ? [Plot.text(bars, { y: 'strategy', x: 0, text: 'strategy', dy: -22, textAnchor: 'start', fontWeight: 600, fill: 'currentColor' })] : []),
    ],
  });
  return finishSvg(
    plot,
    `Bar chart of conversions bought with ${budgetText}: ${bars
      .map((b) => `${b.strategy} ${Math.round(b.conversions)}${b.spread ? ` (95% of random orders ${Math.round(b.spread.conversions.lo)}–${Math.round(b.spread.conversions.hi)})` : ''}, ${perK(b.perThousand)} per $1,000, ROI ${roiText(b.roi)}`)
      .join('; ')}.`,
  );
}
