/**
 * "Does the score sell?": per brand, how well the reach score ranks the conversions of the
 * placements that ran (Spearman, with a seeded bootstrap interval), and the share of the best
 * possible conversions that hiring the top tenth by score would have captured.
 */
import type { Frame } from '../data/frame.ts';
import { numbers } from '../data/frame.ts';
import { spearman } from '../stats/spearman.ts';
import { spearmanInterval } from '../stats/spearmanInterval.ts';
import { captureRatio } from '../stats/gainCurve.ts';
import { scoreVsConversionsChart, type BrandPanel } from '../charts/scoreVsConversions.ts';
import type { ChartOptions } from '../charts/scoreVsConversions.ts';

export interface BrandResult extends BrandPanel {
  n: number;
  lo: number;
  hi: number;
  capture: number;
}

export interface ScoreSellModel {
  brands: BrandResult[];
}

/** The share of accounts "hired" in the capture headline: the top tenth by score. */
export const TOP_SHARE = 0.1;

/** Group the query's rows by brand and judge the score in each; intervals only when asked (they cost 1,000 resamples). */
export function scoreSellModel(frame: Frame, { intervals = true }: { intervals?: boolean } = {}): ScoreSellModel {
  const brand = frame.columns.brand as ArrayLike<string>;
  const brandName = frame.columns.brand_name as ArrayLike<string>;
  const score = numbers(frame, 'score');
  const conversions = numbers(frame, 'conversions');
  const groups = new Map<string, number[]>();
  for (let i = 0; i < frame.length; i++) {
    const list = groups.get(brand[i]) ?? groups.set(brand[i], []).get(brand[i])!;
    list.push(i);
  }
  const brands: BrandResult[] = [];
  for (const [slug, idx] of groups) {
    const s = Float64Array.from(idx, (i) => score[i]);
    const c = Float64Array.from(idx, (i) => conversions[i]);
    const ci = intervals ? spearmanInterval(s, c) : { estimate: spearman(s, c), lo: NaN, hi: NaN };
    brands.push({
      brand: slug,
      name: brandName[idx[0]],
      n: idx.length,
      rho: ci.estimate,
      lo: ci.lo,
      hi: ci.hi,
      capture: captureRatio(s, c, TOP_SHARE),
      points: idx.map((i) => ({ score: score[i], conversions: conversions[i] })),
    });
  }
  return { brands };
}

const fixed = (v: number, digits = 2) => (Number.isFinite(v) ? v.toFixed(digits).replace('-', '−') : '–');
const percent = (v: number) => (Number.isFinite(v) ? `${Math.round(v * 100)}%` : '–');

/** The live numbers of the chapter's prose, by key. */
export function scoreSellLive(model: ScoreSellModel): Record<string, string> {
  const out: Record<string, string> = {};
  for (const b of model.brands) {
    out[`rho.${b.brand}`] = fixed(b.rho);
    out[`ci.${b.brand}`] = `${fixed(b.lo)} to ${fixed(b.hi)}`;
    out[`capture.${b.brand}`] = percent(b.capture);
    out[`n.${b.brand}`] = b.n.toLocaleString('en-US');
  }
  return out;
}

/** The chapter's chart. */
export const scoreSellChart = (model: ScoreSellModel, options: ChartOptions) => scoreVsConversionsChart(model.brands, options);
