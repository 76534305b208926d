/**
 * How well a score ranks one fixed outcome: Spearman's ρ (with a 95% interval when asked) and the
 * capture of the top share, for score after score against the same outcome (a slider's moves).
 * The outcome is prepared once; each score then picks its own path: scores in whole hundredths
 * (the reach score) take the bucketed one (integer keys, the items grouped once by the score they
 * read, one pass over the groups, no sort), anything else, or a missing score or outcome, the
 * general functions. Same definitions either way, to rounding.
 */
import { spearman } from './spearman.ts';
import { spearmanInterval } from './spearmanInterval.ts';
import { captureRatio } from './gainCurve.ts';
import { integerKeys, type IntegerKeys } from './integerKeys.ts';
import { bucketedRanking, fixedOutcome, keyOrder, scoreGroups, type FixedOutcome, type KeyOrder, type ScoreGroups } from './bucketedRanking.ts';

export interface PreparedOutcome {
  outcome: Float64Array;
  topShare: number;
  /** The bucketed path's ranks and oracle (null when an outcome is missing). */
  fixed: FixedOutcome | null;
}

export interface ScoreRanking {
  rho: number;
  /** The interval's ends (NaN unless asked for). */
  lo: number;
  hi: number;
  capture: number;
}

export function prepareOutcome(outcome: Float64Array, topShare: number): PreparedOutcome {
  return { outcome, topShare, fixed: fixedOutcome(outcome, topShare) };
}

/** Keys of a score column and, when asked, its positions by key: made once per array (every brand of a move reads the same column). */
const keysOf = new WeakMap<Float64Array, { keys: IntegerKeys | null; order: () => KeyOrder }>();
function keyed(values: Float64Array) {
  let entry = keysOf.get(values);
  if (!entry) {
    const keys = integerKeys(values);
    let order: KeyOrder | undefined;
    entry = { keys, order: () => (order ??= keyOrder(keys!.keys, keys!.span)) };
    keysOf.set(values, entry);
  }
  return entry;
}

/** The items grouped by the score position they read, made once per pair of prepared outcome and positions (a slider's moves share both). */
const groupsOf = new WeakMap<Int32Array, { fixed: FixedOutcome; groups: ScoreGroups | null }>();
function grouped(fixed: FixedOutcome, at: Int32Array): ScoreGroups | null {
  const hit = groupsOf.get(at);
  if (hit?.fixed === fixed) return hit.groups;
  const groups = scoreGroups(at, fixed);
  groupsOf.set(at, { fixed, groups });
  return groups;
}

/**
 * The ranking of item j's score `values[at[j]]` (at[j] < 0: the item has no score) against the
 * prepared outcome; the interval (1,000 resamples up to 5,000 items) only with `interval`.
 */
export function scoreRanking(p: PreparedOutcome, values: Float64Array, at: Int32Array, { interval = false } = {}): ScoreRanking {
  const { keys, order } = keyed(values);
  const groups = keys && p.fixed ? grouped(p.fixed, at) : null;
  // (Every score position an item reads must be one of the column's.)
  const fast = groups && groups.groupOf.length <= values.length ? bucketedRanking(keys!.keys, keys!.span, groups, p.fixed!, order) : null;
  if (fast && !interval) return { ...fast, lo: NaN, hi: NaN };
  const s = Float64Array.from(at, (a) => (a < 0 ? NaN : values[a]));
  const ci = interval ? spearmanInterval(s, p.outcome) : { estimate: spearman(s, p.outcome), lo: NaN, hi: NaN };
  return {
    rho: fast ? fast.rho : ci.estimate,
    lo: ci.lo,
    hi: ci.hi,
    capture: fast ? fast.capture : captureRatio(s, p.outcome, p.topShare),
  };
}
