import { describe, expect, it } from 'vitest';
import { rng } from '../../../src/lib/random.ts';
import { prepareOutcome, scoreRanking } from '../../../src/lib/stats/scoreRanking.ts';
import { spearman } from '../../../src/lib/stats/spearman.ts';
import { spearmanInterval } from '../../../src/lib/stats/spearmanInterval.ts';
import { captureRatio } from '../../../src/lib/stats/gainCurve.ts';

/** n items reading their score from a shuffled table of `values` (at[j]: the position of item j's score; −1 for a hole). */
function setup(n: number, draw: (u: () => number) => number, holes = 0) {
  const u = rng(5, n);
  const values = Float64Array.from({ length: n + 7 }, () => draw(u));
  const at = Int32Array.from({ length: n }, (_, j) => (j < holes ? -1 : (j * 13 + 3) % values.length));
  const score = Float64Array.from(at, (a) => (a < 0 ? NaN : values[a]));
  const outcome = Float64Array.from(score, (s) => Math.floor((Number.isFinite(s) ? s : 1) * u() * 3));
  return { values, at, score, outcome };
}

describe('scoreRanking picks its path and agrees with the general functions', () => {
  it.each([
    ['hundredths (the bucketed path)', 3000, (u: () => number) => Math.round(u() * 9800 + 100) / 100, 0],
    ['thousandths (the general path)', 800, (u: () => number) => Math.round(u() * 98000) / 1000, 0],
    ['whole numbers with ties', 500, (u: () => number) => Math.floor(u() * 6), 0],
    ['items without a score (the general path, NaN scores dropped)', 600, (u: () => number) => Math.round(u() * 100) / 100, 25],
  ] as [string, number, (u: () => number) => number, number][])('%s', (_name, n, draw, holes) => {
    const { values, at, score, outcome } = setup(n, draw, holes);
    const r = scoreRanking(prepareOutcome(outcome, 0.1), values, at);
    expect(r.rho).toBeCloseTo(spearman(score, outcome), 12);
    expect(r.capture).toBeCloseTo(captureRatio(score, outcome, 0.1), 12);
    expect(r.lo).toBeNaN();
    expect(r.hi).toBeNaN();
  });

  it('gives the seeded bootstrap interval when asked', () => {
    const { values, at, score, outcome } = setup(300, (u) => Math.round(u() * 5000) / 100);
    const r = scoreRanking(prepareOutcome(outcome, 0.1), values, at, { interval: true });
    const ci = spearmanInterval(score, outcome);
    expect([r.lo, r.hi]).toEqual([ci.lo, ci.hi]);
    expect(r.rho).toBeCloseTo(ci.estimate, 12);
  });

  it.each([
    ['no items', [], [], [], NaN, NaN],
    ['a missing outcome', [1, 2, 3, 4], [0, 1, 2, 3], [1, NaN, 3, 4], 1, 1],
    // ties keep index order: the top half is items 0 and 1 (3 of 10), the oracle's 4 and 3 (7 of 10)
    ['a constant score', [5, 5, 5, 5], [0, 1, 2, 3], [1, 2, 3, 4], NaN, 3 / 7],
    ['no outcome at all', [1, 2, 3, 4], [0, 1, 2, 3], [0, 0, 0, 0], NaN, NaN],
  ] as [string, number[], number[], number[], number, number][])('%s', (_name, values, at, outcome, rho, capture) => {
    const r = scoreRanking(prepareOutcome(Float64Array.from(outcome), 0.5), Float64Array.from(values), Int32Array.from(at));
    expect(r.rho).toEqual(rho);
    if (Number.isNaN(capture)) expect(r.capture).toBeNaN();
    else expect(r.capture).toBeCloseTo(capture, 12);
  });
});
