import { describe, expect, it } from 'vitest';
import { rng } from '../../../src/lib/random.ts';
import { bucketedRanking, fixedOutcome, keyOrder, scoreGroups } from '../../../src/lib/stats/bucketedRanking.ts';
import { integerKeys } from '../../../src/lib/stats/integerKeys.ts';
import { spearman } from '../../../src/lib/stats/spearman.ts';
import { captureRatio } from '../../../src/lib/stats/gainCurve.ts';

/** Item j reads score position at[j] (each its own score unless told). */
function judge(score: number[], outcome: number[], share: number, at = Int32Array.from(score, (_, j) => j)) {
  const values = Array.from({ length: Math.max(-1, ...at) + 1 }, (_, v) => score[at.indexOf(v)] ?? 0);
  const keys = integerKeys(values)!;
  const fixed = fixedOutcome(Float64Array.from(outcome), share)!;
  return bucketedRanking(keys.keys, keys.span, scoreGroups(at, fixed)!, fixed, () => keyOrder(keys.keys, keys.span));
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

  it.each([
    ['two items per score position, as placements share their account', 2, 0.1],
    ['ten per position, few distinct scores (ties across positions straddle the top share)', 10, 0.25],
    ['positions read in no order, some by no item', 3, 0.33],
  ] as [string, number, number][])('items that share a score position: %s', (name, per, share) => {
    const n = 1200;
    const u = rng(23, n);
    const positions = n / per;
    const few = name.includes('few');
    const valueAt = Array.from({ length: positions + 5 }, () => (few ? Math.floor(u() * 5) : Math.round(u() * 2000 + 100) / 100));
    const at = Int32Array.from({ length: n }, (_, j) => (name.includes('no order') ? (j * 7919) % positions : j % positions));
    const score = Array.from(at, (a) => valueAt[a]);
    const outcome = score.map((s) => Math.floor(u() ** 2 * s * 3));
    const keys = integerKeys(valueAt)!;
    const fixed = fixedOutcome(Float64Array.from(outcome), share)!;
    const fast = bucketedRanking(keys.keys, keys.span, scoreGroups(at, fixed)!, fixed, () => keyOrder(keys.keys, keys.span));
    expect(fast.rho).toBeCloseTo(spearman(score, outcome), 12);
    expect(fast.capture).toBeCloseTo(captureRatio(score, outcome, share), 12);
  });

  it("groups items by the position they read, each group's items in index order", () => {
    const fixed = fixedOutcome(Float64Array.from([5, 1, 4, 2, 3]), 0.2)!;
    const g = scoreGroups(Int32Array.from([3, 0, 3, 1, 0]), fixed)!;
    expect(Array.from(g.value)).toEqual([0, 1, 3]);
    expect(Array.from(g.count)).toEqual([2, 1, 2]);
    expect(Array.from(g.outcomeSum)).toEqual([1 + 3, 2, 5 + 4]);
    expect(Array.from(g.items)).toEqual([1, 4, 3, 0, 2]);
    expect(Array.from(g.start)).toEqual([0, 2, 3, 5]);
    expect(Array.from(g.groupOf)).toEqual([0, 1, -1, 2]);
    // Centred ranks of 5, 1, 4, 2, 3 are 2, −2, 1, −1, 0.
    expect(Array.from(g.rankSum)).toEqual([-2 + 0, -1, 2 + 1]);
    expect(scoreGroups(Int32Array.from([0, -1]), fixedOutcome(Float64Array.from([1, 2]), 0.5)!)).toBeNull();
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
