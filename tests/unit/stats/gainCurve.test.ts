import { describe, expect, it } from 'vitest';
import { areaUnderGain, captureAt, captureRatio, gainCurve, oracleGain } from '../../../src/lib/stats/gainCurve.ts';

const list = (a: Float64Array) => Array.from(a);
const close = (actual: number[], expected: number[]) => {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 12));
};

// Hand-worked: score [3, 1, 2] orders items 0, 2, 1; outcome [1, 0, 3] accumulates 1, 4, 4 of 4.
const score = [3, 1, 2];
const outcome = [1, 0, 3];

describe('gainCurve(score, outcome)', () => {
  it('accumulates the outcome in score order, from (0, 0)', () => {
    const c = gainCurve(score, outcome);
    close(list(c.share), [0, 1 / 3, 2 / 3, 1]);
    close(list(c.gain), [0, 0.25, 1, 1]);
  });

  it('breaks score ties by index', () => {
    // all tied → order 0, 1, 2 → 1, 1, 4 of 4
    close(list(gainCurve([0, 0, 0], outcome).gain), [0, 0.25, 0.25, 1]);
  });

  it('puts missing scores last and counts missing outcomes as 0', () => {
    // order 1, 2, 0 (NaN last); outcomes 0 (null), 3, 1 → 0, 3, 4 of 4
    close(list(gainCurve([NaN, 5, 4], [1, null, 3]).gain), [0, 0, 0.75, 1]);
  });

  it('handles huge outcomes', () => {
    close(list(gainCurve([2, 1], [1e308, 1e308]).gain), [0, 0.5, 1]);
    close(list(gainCurve([2, 1, 3], [1e-320, 3e-320, 0]).gain), [0, 0, 0.25, 1]);
  });

  it.each([
    ['empty', [], [], [0]],
    ['zero total outcome', [1, 2], [0, 0], [0, 0.5, 1]],
  ] as [string, number[], number[], number[]][])('has NaN gain for %s', (_name, s, o, share) => {
    const c = gainCurve(s, o);
    close(list(c.share), share);
    expect(list(c.gain).every(Number.isNaN)).toBe(true);
  });

  it('throws when the lengths differ', () => {
    expect(() => gainCurve([1], [1, 2])).toThrow(RangeError);
  });
});

describe('oracleGain(outcome)', () => {
  it('ranks by the outcome itself', () => {
    // order 2, 0, 1 → 3, 4, 4 of 4
    close(list(oracleGain(outcome).gain), [0, 0.75, 1, 1]);
  });
});

describe('areaUnderGain(curve)', () => {
  it('integrates by trapezoids', () => {
    // (1/3)·[(0 + .25)/2 + (.25 + 1)/2 + (1 + 1)/2] = 1.75/3
    expect(areaUnderGain(gainCurve(score, outcome))).toBeCloseTo(1.75 / 3, 12);
    // (1/3)·[(0 + .75)/2 + (.75 + 1)/2 + (1 + 1)/2] = 0.75
    expect(areaUnderGain(oracleGain(outcome))).toBeCloseTo(0.75, 12);
  });

  it('averages exactly 0.5 over all orders of the items', () => {
    const orders = [[3, 2, 1], [3, 1, 2], [2, 3, 1], [2, 1, 3], [1, 3, 2], [1, 2, 3]];
    const mean = orders.reduce((a, s) => a + areaUnderGain(gainCurve(s, outcome)), 0) / orders.length;
    expect(mean).toBeCloseTo(0.5, 12);
  });

  it('is 0.5 when the outcome is spread evenly, whatever the order', () => {
    expect(areaUnderGain(gainCurve([1, 2, 3, 4], [5, 5, 5, 5]))).toBeCloseTo(0.5, 12);
  });

  it.each([
    ['empty', gainCurve([], [])],
    ['zero outcome', gainCurve([1, 2], [0, 0])],
  ])('is NaN for %s', (_name, curve) => {
    expect(areaUnderGain(curve)).toBeNaN();
  });
});

describe('captureAt(curve, shareOfItems)', () => {
  const c = gainCurve(score, outcome);
  it.each([
    [0, 0],
    [1 / 3, 0.25],
    // halfway between (1/3, .25) and (2/3, 1)
    [0.5, 0.625],
    [2 / 3, 1],
    [1, 1],
    [-1, 0],
    [2, 1],
  ])('at %d is %d', (share, expected) => {
    expect(captureAt(c, share)).toBeCloseTo(expected, 12);
  });

  it('is NaN for a NaN share or an empty curve', () => {
    expect(captureAt(c, NaN)).toBeNaN();
    expect(captureAt(gainCurve([], []), 0.5)).toBeNaN();
  });
});

describe('captureRatio(score, outcome, topShare)', () => {
  it.each([
    // score captures 0.625 at half the items, the oracle .75 + .25·.5 = .875
    ['hand-worked', score, outcome, 0.5, 0.625 / 0.875],
    // top third: score takes item 0 (1), oracle item 2 (3)
    ['top third', score, outcome, 1 / 3, 1 / 3],
    ['everything', score, outcome, 1, 1],
    ['the oracle order', [1, 0, 3], outcome, 0.5, 1],
    ['the worst order', [1, 0, 0.5], [0, 10, 0], 1 / 3, 0],
  ])('%s', (_name, s, o, top, expected) => {
    expect(captureRatio(s, o, top)).toBeCloseTo(expected, 12);
  });

  it.each([
    ['share 0', score, outcome, 0],
    ['zero outcome', [1, 2], [0, 0], 0.5],
    ['empty', [], [], 0.5],
    ['NaN share', score, outcome, NaN],
  ] as [string, number[], number[], number][])('is NaN for %s', (_name, s, o, top) => {
    expect(captureRatio(s, o, top)).toBeNaN();
  });
});
