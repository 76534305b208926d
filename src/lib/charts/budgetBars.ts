import * as Plot from '@observablehq/plot';
import { HUE } from './palette.ts';
import { finishSvg } from './svg.ts';
import type { ChartOptions } from './scoreVsConversions.ts';
import { STRATEGY_LABEL, type StrategyId } from '../labels.ts';
import { count, formatNumber, percent } from '../format.ts';

export interface BudgetBar {
  strategy: StrategyId;
  conversions: number;
  roi: number;
  bought: number;
  /** Conversions per $1,000 spent. */
  perThousand: number;
  /** A walk that varies (random order): 95% of its runs' conversions lie in [lo, hi]. */
  spread?: { conversions: { lo: number; hi: number } };
}

const COLOR: Record<StrategyId, string> = {
  reach: HUE.reach,
  reachPerDollar: HUE.kred,
  fit: HUE.fit,
  fitPerDollar: HUE.relevance,
  random: HUE.random,
  oracle: HUE.oracle,
};

const perK = (v: number) => formatNumber(v, v >= 10 ? ',.0f' : '.1f');

/**
 * Conversions bought with the same budget by each way of ranking accounts, labelled with
 * conversions per $1,000, accounts hired and ROI; a walk with a spread (random order) gets a rule
 * over the 95% range of its runs.
 */
export function budgetChart(walks: BudgetBar[], budgetText: string, { width = 720, document }: ChartOptions = {}): Element {
  const bars = walks.map((w) => ({ ...w, name: STRATEGY_LABEL[w.strategy] }));
  type Bar = (typeof bars)[number];
  const narrow = width < 560;
  const label = (d: Bar) =>
    `${count(d.conversions)} · ${perK(d.perThousand)} per $1k · ${Math.round(d.bought)} hired · ROI ${percent(d.roi)}`;
  const spread = bars.filter((b) => b.spread).map((b) => ({ name: b.name, lo: b.spread!.conversions.lo, hi: b.spread!.conversions.hi }));
  const plot = Plot.plot({
    document,
    width,
    height: bars.length * (narrow ? 78 : 52) + 50,
    marginLeft: narrow ? 10 : 200,
    marginRight: narrow ? 10 : 60,
    style: { fontSize: '12px', background: 'transparent', color: 'currentColor' },
    x: { label: `Conversions bought with ${budgetText} →`, grid: true, insetRight: narrow ? 0 : 210 },
    y: { domain: bars.map((b) => b.name), label: null, axis: narrow ? null : 'left', padding: narrow ? 0.6 : 0.25 },
    marks: [
      Plot.barX(bars, { y: 'name', x: 'conversions', fill: (d: Bar) => COLOR[d.strategy] }),
      Plot.ruleX([0]),
      Plot.ruleY(spread, { y: 'name', x1: 'lo', x2: 'hi', stroke: 'currentColor', strokeWidth: 1.5 }),
      Plot.tickX(spread.flatMap((s) => [{ name: s.name, x: s.lo }, { name: s.name, x: s.hi }]), { y: 'name', x: 'x', stroke: 'currentColor', strokeWidth: 1.5 }),
      Plot.text(bars, {
        y: 'name',
        x: (d: Bar) => Math.max(d.conversions, d.spread?.conversions.hi ?? 0),
        text: label,
        dx: 6,
        textAnchor: 'start',
        fill: 'currentColor',
        ...(narrow ? { dy: 22, x: 0 } : {}),
      }),
      ...(narrow ? [Plot.text(bars, { y: 'name', x: 0, text: 'name', dy: -22, textAnchor: 'start', fontWeight: 600, fill: 'currentColor' })] : []),
    ],
  });
  return finishSvg(
    plot,
    `Bar chart of conversions bought with ${budgetText}: ${bars
      .map((b) => `${b.name} ${Math.round(b.conversions)}${b.spread ? ` (95% of random orders ${Math.round(b.spread.conversions.lo)}–${Math.round(b.spread.conversions.hi)})` : ''}, ${perK(b.perThousand)} per $1,000, ROI ${percent(b.roi)}`)
      .join('; ')}.`,
  );
}
