/**
 * Spearman's ρ and the top-share capture ratio of a score against a fixed outcome, when the score
 * comes as integer keys (see integerKeys: hundredths of a point fall into ~10,000 buckets). The
 * outcome's ranks and its oracle capture are prepared once; each new score then costs one pass
 * over the items and one over the buckets, with no sort and no per-item allocation: what a slider
 * needs to re-judge a million placements per move. Same definitions (and results, to rounding) as
 * spearman() and captureRatio(); the caller falls back to those when the keys are unavailable.
 */
import { rank } from './rank.ts';
import { captureAt, oracleGain } from './gainCurve.ts';

export interface FixedOutcome {
  outcome: Float64Array;
  /** Each item's outcome rank minus the mean rank (n + 1) / 2. */
  centredRank: Float64Array;
  /** Σ centredRank². */
  rankSquares: number;
  total: number;
  topShare: number;
  /** The oracle's capture at topShare (ranking by the outcome itself). */
  oracle: number;
}

/** Prepare an outcome (finite values only: else null, and the general functions apply). */
export function fixedOutcome(outcome: Float64Array, topShare: number): FixedOutcome | null {
  const n = outcome.length;
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(outcome[i])) return null;
    total += outcome[i];
  }
  const ranks = rank(outcome);
  const mean = (n + 1) / 2;
  const centredRank = new Float64Array(n);
  let rankSquares = 0;
  for (let i = 0; i < n; i++) {
    centredRank[i] = ranks[i] - mean;
    rankSquares += centredRank[i] * centredRank[i];
  }
  return { outcome, centredRank, rankSquares, total, topShare, oracle: captureAt(oracleGain(outcome), topShare) };
}

/** Per-bucket tallies, zeroed, in buffers reused from call to call (a slider move must not churn the garbage collector). */
let scratch = { count: new Uint32Array(0), rankSum: new Float64Array(0), outcomeSum: new Float64Array(0) };
function buckets(span: number) {
  if (scratch.count.length < span) scratch = { count: new Uint32Array(span), rankSum: new Float64Array(span), outcomeSum: new Float64Array(span) };
  const out = { count: scratch.count.subarray(0, span), rankSum: scratch.rankSum.subarray(0, span), outcomeSum: scratch.outcomeSum.subarray(0, span) };
  out.count.fill(0);
  out.rankSum.fill(0);
  out.outcomeSum.fill(0);
  return out;
}

/**
 * ρ and capture for items whose score keys are `key[i]` (0 ≤ key < span; a higher key is a higher
 * score; equal keys are ties, ordered by index for the capture, as gainCurve does).
 */
export function bucketedRanking(key: ArrayLike<number>, span: number, fixed: FixedOutcome): { rho: number; capture: number } {
  const { outcome, centredRank, rankSquares, total, topShare, oracle } = fixed;
  const n = outcome.length;
  const { count, rankSum, outcomeSum } = buckets(span);
  for (let i = 0; i < n; i++) {
    const k = key[i];
    count[k]++;
    rankSum[k] += centredRank[i];
    outcomeSum[k] += outcome[i];
  }
  // ρ: Pearson of the score's average ranks (shared within a bucket) with the outcome's ranks.
  const mean = (n + 1) / 2;
  let below = 0;
  let sxy = 0;
  let sxx = 0;
  for (let k = 0; k < span; k++) {
    const c = count[k];
    if (c === 0) continue;
    const d = below + (c + 1) / 2 - mean;
    sxy += d * rankSum[k];
    sxx += c * d * d;
    below += c;
  }
  const r = n < 3 || sxx === 0 || rankSquares === 0 ? NaN : sxy / Math.sqrt(sxx * rankSquares);
  const rho = r > 1 ? 1 : r < -1 ? -1 : r;
  return { rho, capture: oracle > 0 && total > 0 ? topGain(key, count, outcomeSum, fixed) / oracle : NaN };
}

/** The share of the total outcome captured by the top `topShare` of items by key, a fractional item interpolated (as captureAt on a gainCurve). */
function topGain(key: ArrayLike<number>, count: Uint32Array, outcomeSum: Float64Array, { outcome, total, topShare }: FixedOutcome): number {
  const n = outcome.length;
  const s = Math.min(Math.max(topShare, 0), 1);
  // The last whole item within the share: the largest lo with lo / n ≤ s.
  let lo = Math.min(n, Math.floor(s * n));
  while (lo < n && (lo + 1) / n <= s) lo++;
  while (lo > 0 && lo / n > s) lo--;
  // Whole buckets from the top, then the boundary bucket's items in index order.
  let taken = 0;
  let gained = 0;
  let k = count.length - 1;
  for (; k >= 0 && taken + count[k] <= lo; k--) {
    taken += count[k];
    gained += outcomeSum[k];
  }
  let next = 0;
  if (k >= 0) {
    for (let i = 0; i < n && taken <= lo; i++) {
      if (key[i] !== k) continue;
      if (taken < lo) gained += outcome[i];
      else next = outcome[i];
      taken++;
    }
  }
  if (lo === n) return gained / total;
  const t = (s - lo / n) / ((lo + 1) / n - lo / n);
  return (gained + next * t) / total;
}
