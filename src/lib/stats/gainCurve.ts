import { orderBy } from './orderBy.ts';

export interface GainCurve {
  /** Share of items taken, 0, 1/n, …, 1 (length n + 1). */
  share: Float64Array;
  /** Share of the total outcome captured by those items (length n + 1). */
  gain: Float64Array;
}

/** Cumulative gain of ranking by score (descending, ties by index, null/NaN scores last): share of total outcome captured after each item, from (0, 0); null/NaN outcomes count as 0; gain is all NaN when the total outcome is 0 or not finite (so for empty input); throws RangeError when lengths differ. */
export function gainCurve(score: ArrayLike<number | null>, outcome: ArrayLike<number | null>): GainCurve {
  const n = score.length;
  if (outcome.length !== n) throw new RangeError(`score and outcome differ in length (${n} vs ${outcome.length})`);
  const order = orderBy(score);
  const share = new Float64Array(n + 1);
  const gain = new Float64Array(n + 1);
  // Sum in units of the largest outcome so that huge outcomes cannot overflow the total.
  let scale = 0;
  for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(value(outcome[i])));
  let total = 0;
  for (let i = 0; i < n; i++) {
    share[i + 1] = (i + 1) / n;
    total += value(outcome[order[i]]) / scale;
    gain[i + 1] = total;
  }
  if (total === 0 || !Number.isFinite(total)) gain.fill(NaN);
  else for (let i = 1; i <= n; i++) gain[i] /= total;
  return { share, gain };
}

/** The best possible gain curve: items ranked by the outcome itself (same conventions as gainCurve). */
export function oracleGain(outcome: ArrayLike<number | null>): GainCurve {
  return gainCurve(outcome, outcome);
}

/** Area under a gain curve by the trapezoid rule: 0.5 for a random order in expectation, the oracle's area is the best reachable (always < 1); NaN when the curve has a NaN or fewer than 2 points. */
export function areaUnderGain(curve: GainCurve): number {
  const { share, gain } = curve;
  if (share.length < 2) return NaN;
  let area = 0;
  for (let i = 1; i < share.length; i++) area += ((share[i] - share[i - 1]) * (gain[i] + gain[i - 1])) / 2;
  return area;
}

/** Gain at a share of items, interpolated linearly between the curve's points; share is clamped to [0, 1]; NaN when share is NaN or the curve is NaN there. */
export function captureAt(curve: GainCurve, shareOfItems: number): number {
  const { share, gain } = curve;
  if (shareOfItems !== shareOfItems || share.length === 0) return NaN;
  const s = Math.min(Math.max(shareOfItems, share[0]), share[share.length - 1]);
  let lo = 0;
  let hi = share.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (share[mid] <= s) lo = mid;
    else hi = mid;
  }
  if (share[hi] === share[lo]) return gain[lo];
  const t = (s - share[lo]) / (share[hi] - share[lo]);
  return t === 0 ? gain[lo] : t === 1 ? gain[hi] : gain[lo] + (gain[hi] - gain[lo]) * t;
}

/** Outcome captured by the top topShare of items by score ÷ that captured by the top topShare by outcome (the oracle), with fractional items interpolated; NaN when the oracle captures nothing there (e.g. topShare 0, total outcome 0, empty input). */
export function captureRatio(score: ArrayLike<number | null>, outcome: ArrayLike<number | null>, topShare: number): number {
  const oracle = captureAt(oracleGain(outcome), topShare);
  if (!(oracle > 0)) return NaN;
  return captureAt(gainCurve(score, outcome), topShare) / oracle;
}

function value(v: number | null): number {
  return v != null && v === v ? v : 0;
}
