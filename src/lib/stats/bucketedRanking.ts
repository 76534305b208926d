/**
 * Spearman's ρ and the top-share capture ratio of a score against a fixed outcome, when the score
 * comes as integer keys (see integerKeys: hundredths of a point fall into ~10,000 buckets). The
 * outcome's ranks and its oracle capture are prepared once, and so are the groups of items that
 * read the same score (a million placements share a hundred thousand accounts' scores): each new
 * score then costs one pass over the groups and one over the buckets, with no sort and no per-item
 * work or allocation: what a slider needs to re-judge a million placements per move. Same
 * definitions (and results, to rounding) as spearman() and captureRatio(); the caller falls back to
 * those when the keys are unavailable.
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

/** The items of a fixed outcome grouped by the score they read (item j reads score at[j]), with each group's tallies. */
export interface ScoreGroups {
  /** Group g's score position (its items' at). */
  value: Uint32Array;
  count: Uint32Array;
  /** Σ centredRank and Σ outcome over the group's items. */
  rankSum: Float64Array;
  outcomeSum: Float64Array;
  /** Group g's items, in index order: items[start[g]] … items[start[g + 1] − 1]. */
  start: Uint32Array;
  items: Uint32Array;
  /** The group reading score position v (−1: none). */
  groupOf: Int32Array;
}

/** Group the items by at[j] (null when an item has no score: at[j] < 0), in order of score position. */
export function scoreGroups(at: Int32Array, fixed: FixedOutcome): ScoreGroups | null {
  const n = at.length;
  let max = -1;
  for (let j = 0; j < n; j++) {
    if (at[j] < 0) return null;
    if (at[j] > max) max = at[j];
  }
  // Positions read by some item get groups in position order; the others −1.
  const groupOf = new Int32Array(max + 1).fill(-1);
  for (let j = 0; j < n; j++) groupOf[at[j]] = 0;
  let groups = 0;
  for (let v = 0; v <= max; v++) if (groupOf[v] === 0) groupOf[v] = groups++;
  const value = new Uint32Array(groups);
  const count = new Uint32Array(groups);
  const rankSum = new Float64Array(groups);
  const outcomeSum = new Float64Array(groups);
  for (let v = 0; v <= max; v++) if (groupOf[v] >= 0) value[groupOf[v]] = v;
  for (let j = 0; j < n; j++) {
    const g = groupOf[at[j]];
    count[g]++;
    rankSum[g] += fixed.centredRank[j];
    outcomeSum[g] += fixed.outcome[j];
  }
  const start = new Uint32Array(groups + 1);
  for (let g = 0; g < groups; g++) start[g + 1] = start[g] + count[g];
  const items = new Uint32Array(n);
  const fill = start.slice(0, groups);
  for (let j = 0; j < n; j++) items[fill[groupOf[at[j]]]++] = j;
  return { value, count, rankSum, outcomeSum, start, items, groupOf };
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

/** Score positions by key: the positions of key k are order[from[k]] … order[from[k + 1] − 1] (a counting sort). */
export interface KeyOrder {
  from: Uint32Array;
  order: Uint32Array;
}

export function keyOrder(key: ArrayLike<number>, span: number): KeyOrder {
  const from = new Uint32Array(span + 1);
  for (let v = 0; v < key.length; v++) from[key[v] + 1]++;
  for (let k = 0; k < span; k++) from[k + 1] += from[k];
  const order = new Uint32Array(key.length);
  const fill = from.slice(0, span);
  for (let v = 0; v < key.length; v++) order[fill[key[v]]++] = v;
  return { from, order };
}

/**
 * ρ and capture for items whose scores have the keys `key[value]` (0 ≤ key < span; a higher key is
 * a higher score; equal keys are ties, ordered by item index for the capture, as gainCurve does),
 * grouped as scoreGroups made them; `order` gives the positions by key (keyOrder), asked for once
 * per score and only if the top share ends inside a bucket.
 */
export function bucketedRanking(key: ArrayLike<number>, span: number, groups: ScoreGroups, fixed: FixedOutcome, order: () => KeyOrder): { rho: number; capture: number } {
  const { outcome, rankSquares, total, oracle } = fixed;
  const n = outcome.length;
  const { count, rankSum, outcomeSum } = buckets(span);
  const { value } = groups;
  for (let g = 0; g < value.length; g++) {
    const k = key[value[g]];
    count[k] += groups.count[g];
    rankSum[k] += groups.rankSum[g];
    outcomeSum[k] += groups.outcomeSum[g];
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
  return { rho, capture: oracle > 0 && total > 0 ? topGain(count, outcomeSum, groups, fixed, order) / oracle : NaN };
}

/** The share of the total outcome captured by the top `topShare` of items by key, a fractional item interpolated (as captureAt on a gainCurve). */
function topGain(count: Uint32Array, outcomeSum: Float64Array, groups: ScoreGroups, { outcome, total, topShare }: FixedOutcome, order: () => KeyOrder): number {
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
    const tied = boundaryItems(k, groups, order());
    for (let t = 0; t < tied.length && taken <= lo; t++) {
      if (taken < lo) gained += outcome[tied[t]];
      else next = outcome[tied[t]];
      taken++;
    }
  }
  if (lo === n) return gained / total;
  const t = (s - lo / n) / ((lo + 1) / n - lo / n);
  return (gained + next * t) / total;
}

/** The items of bucket k (every group whose score has key k), in index order. */
function boundaryItems(k: number, { groupOf, start, items }: ScoreGroups, { from, order }: KeyOrder): Uint32Array {
  const parts: Uint32Array[] = [];
  let length = 0;
  for (let p = from[k]; p < from[k + 1]; p++) {
    const v = order[p];
    const g = v < groupOf.length ? groupOf[v] : -1;
    if (g < 0) continue;
    parts.push(items.subarray(start[g], start[g + 1]));
    length += start[g + 1] - start[g];
  }
  if (parts.length === 1) return parts[0];
  const out = new Uint32Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out.sort();
}
