import { describe, expect, it } from 'vitest';
import { handSetTraits, typicalOfSize, MIN_TYPICAL } from '../../../src/lib/figures/celebrity.ts';
import { PERSONAS } from '../../../data/sim/catalog.ts';

const drawn = {
  followers: [1000, 4000, 5000, 6000, 7000, 9000, 11000, 2_000_000, 3_000_000],
  score: [10, 20, 30, 40, 45, 50, 60, 80, 90],
  cost: [90, 120, 130, 140, 150, 170, 190, 20_000, 30_000],
  expected: [0.1, 0.2, 0.9, 0.3, 0.6, 0.4, 0.5, 10, 20],
};

describe('typicalOfSize(size, drawn, of)', () => {
  it('takes the medians over the drawn accounts within a factor of two of the size', () => {
    // 5,000 followers: 4,000 to 9,000 are within [2,500, 10,000]; 1,000 and 11,000 are not.
    const t = typicalOfSize(5000, drawn, 'yoga-teacher')!;
    expect(t.typical).toEqual({ of: 'yoga-teacher', n: 5, lo: 4000, hi: 9000 });
    expect(t.followers).toBe(6000);
    expect(t.score).toBe(40);
    expect(t.cost).toBe(140);
    expect(t.expected).toBeCloseTo(0.4, 12);
    // Per $1,000 per account: 1.667, 6.923, 2.143, 4.0, 2.353 → median 2.353 (0.4 / 170).
    expect(t.perThousand).toBeCloseTo((0.4 / 170) * 1000, 12);
  });

  it('falls back to the nearest accounts in log size when too few are that close', () => {
    // 30M followers: nobody within a factor of two, so the MIN_TYPICAL nearest: 3M, 2M, 11k, 9k, 7k.
    const t = typicalOfSize(30_000_000, drawn, 'pop-star')!;
    expect(t.typical).toEqual({ of: 'pop-star', n: MIN_TYPICAL, lo: 7000, hi: 3_000_000 });
    expect(t.followers).toBe(11000);
  });
});

describe('handSetTraits(key)', () => {
  it('says in words what the catalog set by hand', () => {
    const star = PERSONAS.find((p) => p.key === 'pop-star')!;
    const text = handSetTraits('pop-star');
    expect(text).toContain(`${star.followers.toLocaleString('en-US')} followers`);
    expect(text).toContain(`${Math.round(star.fakeFollowerShare * 100)}% of them fake`);
    expect(text).toContain('below');
    expect(handSetTraits('yoga-teacher')).toContain('an audience of its own');
    expect(handSetTraits('nobody')).toBe('');
  });
});
