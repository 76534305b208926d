import * as Plot from '@observablehq/plot';
import { HUE } from './palette.ts';
import { finishSvg } from './svg.ts';
import type { ChartOptions } from './scoreVsConversions.ts';
import { SCORE_LABEL } from '../labels.ts';
import { fixed, signed } from '../format.ts';

export const SCORE_KINDS = ['reach', 'kred', 'peerindex', 'relevance', 'fit'] as const;
export type ScoreKind = (typeof SCORE_KINDS)[number];

export interface ScoreboardRow {
  brand: string;
  score: ScoreKind;
  rho: number;
  lo: number;
  hi: number;
}

const COLORS: Record<ScoreKind, string> = { reach: HUE.reach, kred: HUE.kred, peerindex: HUE.peerindex, relevance: HUE.relevance, fit: HUE.fit };
const label = (r: ScoreboardRow) => SCORE_LABEL[r.score];

/** Per brand: ρ(fit) − ρ(reach) with its paired interval, and the noise ceiling. */
export interface ScoreboardBrand {
  brand: string;
  fitMinusReach: { estimate: number; lo: number; hi: number };
  ceiling: number;
}

const diffText = (b: ScoreboardBrand) =>
  `fit − reach ${signed(b.fitMinusReach.estimate)}${Number.isFinite(b.fitMinusReach.lo) ? ` (${signed(b.fitMinusReach.lo)} to ${signed(b.fitMinusReach.hi)})` : ''} · ceiling ${fixed(b.ceiling)}`;

/**
 * Per brand, how well each score ranks the outcomes of the placements that ran: Spearman ρ
 * with its 95% interval; with `judgements`, a dashed tick at the brand's noise ceiling (the best
 * any score could reach) and the paired difference fit − reach written on the row.
 */
export function scoreboardChart(rows: ScoreboardRow[], { width = 720, document }: ChartOptions = {}, judgements: ScoreboardBrand[] = []): Element {
  const brands = [...new Set(rows.map((r) => r.brand))];
  const ceilings = judgements.filter((j) => Number.isFinite(j.ceiling));
  const narrow = width < 560;
  // The dot-plot options (margins, a y row per brand, the narrow layout) are shared in shape with seedSpread and topicProfile; each chart's values differ, so they stay written out.
  const plot = Plot.plot({
    document,
    width,
    height: brands.length * 84 + 80,
    marginLeft: narrow ? 10 : 150,
    marginRight: 16,
    marginTop: 20,
    style: { fontSize: '12px', background: 'transparent', color: 'currentColor' },
    x: { domain: [-0.2, 1], label: 'Spearman ρ with the brand’s realized outcome (1 = ranks it perfectly, 0 = no better than chance) →', grid: true },
    y: { domain: brands, label: null, axis: narrow ? null : 'left' },
    color: { domain: SCORE_KINDS.map((k) => SCORE_LABEL[k]), range: SCORE_KINDS.map((k) => COLORS[k]), legend: true },
    marks: [
      Plot.ruleX([0], { stroke: 'currentColor', strokeOpacity: 0.5 }),
      // One mark per score with a constant offset, so the three intervals of a brand do not overlap.
      ...SCORE_KINDS.flatMap((kind, k) => {
        const mine = rows.filter((r) => r.score === kind);
        const dy = (k - 2) * 9;
        return [
          Plot.ruleY(mine, { y: 'brand', x1: 'lo', x2: 'hi', stroke: label, strokeWidth: 2, strokeOpacity: 0.6, dy }),
          Plot.dot(mine, { y: 'brand', x: 'rho', fill: label, r: 5, dy, stroke: 'var(--bg, white)', strokeWidth: 1 }),
        ];
      }),
      Plot.tickX(ceilings, { y: 'brand', x: 'ceiling', stroke: 'currentColor', strokeDasharray: '3,3', strokeWidth: 1.5 }),
      Plot.text(judgements, { y: 'brand', x: 1, text: diffText, dy: -34, textAnchor: 'end', fill: 'currentColor', fontSize: 11, stroke: 'var(--bg, white)', strokeWidth: 4, paintOrder: 'stroke' }),
      ...(narrow ? [Plot.text(brands, { y: (d: string) => d, text: (d: string) => d, frameAnchor: 'left', dy: -30, dx: 2, textAnchor: 'start', fontWeight: 600, fill: 'currentColor' })] : []),
    ],
  });
  return finishSvg(
    plot,
    `Dot plot of Spearman correlations with each brand’s realized outcome (purchases, or for an awareness brand the people who recall the post), per brand and score. ${brands
      .map((b) => `${b}: ${rows.filter((r) => r.brand === b).map((r) => `${label(r)} ${Number.isFinite(r.rho) ? fixed(r.rho) : 'not defined'}`).join(', ')}`)
      .join('; ')}.${judgements.length ? ` Paired differences and noise ceilings (the best any score could reach): ${judgements.map((j) => `${j.brand}: ${diffText(j)}`).join('; ')}.` : ''}`,
  );
}
