import { describe, expect, it } from 'vitest';
import { allocate } from '../../../data/sim/placements.ts';

describe('allocate(total, mix, capacity)', () => {
  it.each([
    ['proportional when nothing is full', 100, [0.5, 0.3, 0.2], [100, 100, 100], [50, 30, 20]],
    ['largest remainder for the integers', 10, [1, 1, 1], [10, 10, 10], [4, 3, 3]],
    ['a full tier passes its share on in proportion', 100, [0.5, 0.3, 0.2], [100, 100, 5], [59, 36, 5]],
    ['a tier with mix 0 gets nothing while others have room', 10, [1, 0], [20, 20], [10, 0]],
    ['mix 0 tiers take the rest once the others are full', 10, [1, 0], [4, 20], [4, 6]],
    ['never more than the capacity', 100, [0.5, 0.5], [10, 20], [10, 20]],
    ['an empty tier gets nothing', 6, [0.5, 0.5], [0, 10], [0, 6]],
    ['zero total', 0, [1, 1], [5, 5], [0, 0]],
    ['no tiers', 5, [], [], []],
  ])('%s', (_name, total, mix, capacity, expected) => {
    const out = allocate(total, mix, capacity);
    expect(out).toEqual(expected);
    expect(out.reduce((a, b) => a + b, 0)).toBe(Math.min(total, capacity.reduce((a, b) => a + b, 0)));
  });
});
