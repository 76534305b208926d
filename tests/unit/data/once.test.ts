import { describe, expect, it } from 'vitest';
import { groupRows } from '../../../src/lib/data/groupRows.ts';
import { thinCurve } from '../../../src/lib/stats/thinCurve.ts';
import { moveSteps, nextSteps, orderedRange, snapToStep, stepAhead, stepDecimals } from '../../../src/lib/step.ts';

describe('groupRows', () => {
  it.each([
    [[], []],
    [['a'], [['a', [0]]]],
    [['b', 'a', 'b', 'c', 'a'], [['b', [0, 2]], ['a', [1, 4]], ['c', [3]]]],
  ] as [string[], [string, number[]][]][])('%j', (keys, groups) => expect([...groupRows(keys)]).toEqual(groups));
});

describe('thinCurve', () => {
  const curve = (n: number) => ({ share: Float64Array.from({ length: n }, (_, i) => i / n), gain: Float64Array.from({ length: n }, (_, i) => i) });
  it.each([
    // n points, at most max: which items are kept (the last always)
    [0, 10, []],
    [1, 10, [0]],
    [5, 10, [0, 1, 2, 3, 4]],
    [10, 5, [0, 2, 4, 6, 8, 9]],
    [9, 3, [0, 3, 6, 8]],
    [7, 3, [0, 3, 6]],
  ])('%i points, at most %i', (n, max, kept) => {
    const out = thinCurve(curve(n), max);
    expect(out.map((p) => p.gain)).toEqual(kept);
    expect(out.map((p) => p.share)).toEqual(kept.map((i) => i / n));
  });
});

describe('snapToStep', () => {
  it.each([
    [0.37, 0, 1, 0.05, 0.35],
    [0.376, 0, 1, 0.05, 0.4],
    [3, 1, 10, 2, 3],
    [9.9, 1, 10, 2, 9],
    [10.4, 0, 10.3, 0.5, 10.3],
    [0.1 + 0.2, 0, 1, 0.1, 0.3],
    [0.0123, 0, 1, 0.005, 0.01],
  ])('%d in [%d, %d] by %d → %d', (v, min, max, step, out) => expect(snapToStep(v, { min, max, step })).toBe(out));
  it.each([
    [1, 0],
    [0.5, 1],
    [0.005, 3],
    [1e-7, 7],
  ])('step %d has %i decimals', (step, d) => expect(stepDecimals(step)).toBe(d));
});

describe('orderedRange', () => {
  it.each([
    [1, 5, [1, 5]],
    [5, 1, [1, 5]],
    [3, 3, [3, 3]],
    [null, 1, [null, 1]],
    [7, null, [7, null]],
    [null, null, [null, null]],
  ] as [number | null, number | null, [number | null, number | null]][])('%j, %j', (lo, hi, out) => expect(orderedRange(lo, hi)).toEqual(out));
});

describe('stepAhead', () => {
  const range = { min: 0, max: 3, step: 0.05 };
  it.each([
    [1.05, 1, 1.1],
    [1, 1.05, 0.95],
    [2.95, 2.9, 3],
    [3, 2.95, null],
    [0, 0.05, null],
    [1, 1, null],
    [1, undefined, null],
    [1.02, 0.5, 1.05],
  ] as [number, number | undefined, number | null][])('at %d after %j → %j', (v, before, out) => expect(stepAhead(v, before, range)).toBe(out));
  it('needs a step', () => expect(stepAhead(1, 0, { min: 0, max: 3, step: 0 })).toBe(null));
});

describe('nextSteps', () => {
  const range = { min: 0, max: 3, step: 0.05 };
  it.each([
    // a drag with a direction: one step on that way
    [1.05, 1, [1.1]],
    [1, 1.05, [0.95]],
    [3, 2.95, []],
    // a quick drag that skips a step keeps its direction
    [1.1, 1, [1.15]],
    [0.9, 1, [0.85]],
    // a jump (more than two steps) has none yet: both sides, so the way back from an end is there too
    [0, 0.9, [0.05]],
    [3, 1, [2.95]],
    [1, 2, [1.05, 0.95]],
    // its first move (no direction yet): both sides, the higher first, inside the range only
    [1, undefined, [1.05, 0.95]],
    [1, 1, [1.05, 0.95]],
    [0, undefined, [0.05]],
    [3, undefined, [2.95]],
    [1.02, undefined, [1.05, 0.95]],
  ] as [number, number | undefined, number[]][])('at %d after %j → %j', (v, before, out) => expect(nextSteps(v, before, range)).toEqual(out));
  it('needs a step', () => expect(nextSteps(1, undefined, { min: 0, max: 3, step: 0 })).toEqual([]));
});

describe('moveSteps', () => {
  it("reads a range control's move and remembers its value for the next move's direction", () => {
    const control = { value: '1', min: '0', max: '3', step: '0.05' };
    const last = new WeakMap<typeof control, number>();
    expect(moveSteps(control, last)).toEqual({ v: 1, range: { min: 0, max: 3, step: 0.05 }, steps: [1.05, 0.95] });
    control.value = '1.05';
    expect(moveSteps(control, last).steps).toEqual([1.1]);
    control.value = '0';
    expect(moveSteps(control, last).steps).toEqual([0.05]);
    expect(last.get(control)).toBe(0);
  });
});
