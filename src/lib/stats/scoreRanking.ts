/**
 * How well a score ranks one fixed outcome: Spearman's ρ (with a 95% interval when asked) and the
 * capture of the top share, for score after score against the same outcome (a slider's moves).
 * The outcome is prepared once; each score then picks its own path: scores in whole hundredths
 * (the reach score) take the bucketed one (integer keys, one pass, no sort), anything else, or a
 * missing score or outcome, the general functions. Same definitions either way, to rounding.
 */
import { spearman } from './spearman.ts';
import { spearmanInterval } from './spearmanInterval.ts';
import { captureRatio } from './gainCurve.ts';
import { integerKeys, type IntegerKeys } from './integerKeys.ts';
import { bucketedRanking, fixedOutcome, type FixedOutcome } from './bucketedRanking.ts';

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

/** Keys of a score column, made once per array (every brand of a move reads the same column). */
const keysOf = new WeakMap<Float64Array, IntegerKeys | null>();

/** values[at[j]] for every j, into a buffer reused from move to move (a slider must not churn the garbage collector). */
let buffer = new Int32Array(0);
function gather(from: Int32Array, at: Int32Array): Int32Array | null {
  if (buffer.length < at.length) buffer = new Int32Array(at.length);
  const out = buffer.subarray(0, at.length);
  for (let j = 0; j < at.length; j++) {
    if (at[j] < 0) return null;
    out[j] = from[at[j]];
  }
  return out;
}

/**
 * The ranking of item j's score `values[at[j]]` (at[j] < 0: the item has no score) against the
 * prepared outcome; the interval (1,000 resamples up to 5,000 items) only with `interval`.
 */
export function scoreRanking(p: PreparedOutcome, values: Float64Array, at: Int32Array, { interval = false } = {}): ScoreRanking {
  if (!keysOf.has(values)) keysOf.set(values, integerKeys(values));
  const keys = keysOf.get(values)!;
  const gathered = keys && p.fixed ? gather(keys.keys, at) : null;
  const fast = gathered ? bucketedRanking(gathered, keys!.span, p.fixed!) : null;
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
