import { describe, expect, it } from 'vitest';
import { groupIndices, groupRows } from '../../../src/lib/data/groupRows.ts';
import { rng } from '../../../src/lib/random.ts';

describe('groupRows and groupIndices', () => {
  it.each([
    ['sorted keys (a frame by brand)', (i: number) => Math.floor(i / 37)],
    ['keys in no order, coming back after others', (i: number, u: () => number) => (u() < 0.5 ? 'a' : u() < 0.5 ? 'b' : i % 7)],
  ])('give the same groups, keys in order of first appearance: %s', (_name, key) => {
    const u = rng(11, 5);
    const keys = Array.from({ length: 500 }, (_, i) => key(i, u));
    const plain = groupRows(keys);
    const typed = groupIndices(keys);
    expect([...typed.keys()]).toEqual([...plain.keys()]);
    for (const [k, rows] of plain) expect(Array.from(typed.get(k)!)).toEqual(rows);
  });

  it('an empty column has no groups', () => {
    expect(groupIndices([]).size).toBe(0);
  });
});
