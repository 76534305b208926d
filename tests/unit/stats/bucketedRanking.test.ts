import { describe, expect, it } from 'vitest';
import { rng } from '../../../src/lib/random.ts';
import { bucketedRanking, fixedOutcome } from '../../../src/lib/stats/bucketedRanking.ts';
import { integerKeys } from '../../../src/lib/stats/integerKeys.ts';
import { spearman } from '../../../src/lib/stats/spearman.ts';
import { captureRatio } from '../../../src/lib/stats/gainCurve.ts';

function judge(score: number[], outcome: number[], share: number) {
  const keys = integerKeys(score)!;
  const fixed = fixedOutcome(Float64Array.from(outcome), share)!;
  return bucketedRanking(keys.keys, keys.span, fixed);
}

describe('bucketedRanking (against spearman and captureRatio)', () => {
  it.each([
    ['scores in hundredths, counts with many zeros', 2000, 0.1, (u: () => number) => Math.round(u() * 9800 + 100) / 100, (u: () => number, s: number) => Math.floor(u() ** 3 * s)],
    ['few distinct scores (big ties straddle the top tenth)', 997, 0.1, (u: () => number) => Math.floor(u() * 4), (u: () => number) => Math.floor(u() * 20)],
    ['a share that falls between items', 41, 0.33, (u: () => number) => Math.round(u() * 500) / 100, (u: () => number) => Math.floor(u() * 9)],
    ['the whole set', 50, 1, (u: () => number) => Math.round(u() * 50), (u: () => number) => Math.floor(u() * 9)],
    ['a score unrelated to the outcome', 5000, 0.1, (u: () => number) => Math.round(u() * 1000) / 100, (u: () => number) => Math.floor(u() * 100)],
  ] as [string, number, number, (u: () => number) => number, (u: () => number, s: number) => number][])('%s', (_name, n, share, drawScore, drawOutcome) => {
    const u = rng(17, n);
    const score = Array.from({ length: n }, () => drawScore(u));
    const outcome = score.map((s) => drawOutcome(u, s));
    const fast = judge(score, outcome, share);
    expect(fast.rho).toBeCloseTo(spearman(score, outcome), 12);
    expect(fast.capture).toBeCloseTo(captureRatio(score, outcome, share), 12);
  });

  it('gives NaN where the general functions do: a constant score, fewer than three items, no outcome at all', () => {
    expect(judge([5, 5, 5, 5], [1, 2, 3, 4], 0.5).rho).toBeNaN();
    expect(judge([1, 2], [1, 2], 0.5).rho).toBeNaN();
    const none = judge([1, 2, 3, 4], [0, 0, 0, 0], 0.5);
    expect(none.capture).toBeNaN();
    expect(captureRatio([1, 2, 3, 4], [0, 0, 0, 0], 0.5)).toBeNaN();
  });

  it('declines an outcome with a missing value (the general functions handle it)', () => {
    expect(fixedOutcome(Float64Array.from([1, NaN, 3]), 0.1)).toBeNull();
  });
});
