import { describe, expect, it } from 'vitest';
import { topicHierarchy } from '../../../src/lib/scoring/hierarchy.ts';
import { cosine, expandTopics, relevance } from '../../../src/lib/scoring/relevance.ts';

// Rows copied from data/klout/klout_topic_edge_20180601.csv.
const ROOT = '0';
const HEALTH = '10000000000000000003'; // health-and-wellness-super
const YOGA = '8849266951488068792';
const BIKRAM = '8408851980009543528'; // bikram-yoga
const BUSINESS = '10000000000000016634'; // business-super
const ECONOMICS = '8067190039628328240';
const FREAKONOMICS = '10000000000000008557';
const h = topicHierarchy(
  [ROOT, ROOT, HEALTH, YOGA, ROOT, BUSINESS, ECONOMICS],
  [ROOT, HEALTH, YOGA, BIKRAM, BUSINESS, ECONOMICS, FREAKONOMICS],
);

const v = (...entries: [string, number][]) => new Map(entries);
const sorted = (m: Map<string, number>) => [...m].sort(([a], [b]) => (a < b ? -1 : 1));

describe('expandTopics(vector, h, decay)', () => {
  it('lets each weight flow to the ancestors times decay^distance, summed', () => {
    // bikram 2 → yoga 1 + own 1 → health 0.5 + 0.5
    expect(sorted(expandTopics(v([BIKRAM, 2], [YOGA, 1]), h))).toEqual(
      sorted(v([BIKRAM, 2], [YOGA, 2], [HEALTH, 1])),
    );
  });

  it('uses the given decay', () => {
    expect(sorted(expandTopics(v([BIKRAM, 1]), h, 0.1))).toEqual(
      sorted(v([BIKRAM, 1], [YOGA, 0.1], [HEALTH, 0.1 * 0.1])),
    );
  });

  it('ignores NaN and infinite weights, and is empty for empty input', () => {
    expect(sorted(expandTopics(v([BIKRAM, NaN], [YOGA, Infinity], [ECONOMICS, 1]), h))).toEqual(
      sorted(v([ECONOMICS, 1], [BUSINESS, 0.5])),
    );
    expect(expandTopics(new Map(), h).size).toBe(0);
  });
});

describe('cosine(a, b)', () => {
  it.each([
    // dot 2, norms √5 and √5
    ['hand-worked', v(['a', 1], ['b', 2]), v(['a', 2], ['c', 1]), 2 / 5],
    ['identical', v(['x', 3], ['y', 4]), v(['x', 3], ['y', 4]), 1],
    ['scale-free', v(['x', 3], ['y', 4]), v(['x', 30], ['y', 40]), 1],
    ['disjoint', v(['x', 1]), v(['y', 1]), 0],
    ['opposite', v(['x', 1]), v(['x', -2]), -1],
    ['empty', v(), v(['x', 1]), 0],
    ['all zero', v(['x', 0]), v(['x', 1]), 0],
    ['huge weights', v(['x', 1e200], ['y', 1e200]), v(['x', 1]), Math.SQRT1_2],
    ['NaN entries ignored', v(['x', 1], ['y', NaN]), v(['x', 1], ['y', 1]), Math.SQRT1_2],
    ['64-bit ids that are equal as numbers', v([HEALTH, 1]), v(['10000000000000000000', 1]), 0],
  ])('%s', (_name, a, b, expected) => {
    expect(cosine(a, b)).toBeCloseTo(expected, 12);
  });
});

describe('relevance(audience, brand, h, options)', () => {
  it('gives interest in bikram-yoga positive relevance to a yoga brand, where the flat cosine gives 0', () => {
    const audience = v([BIKRAM, 1]);
    const brand = v([YOGA, 1]);
    expect(cosine(audience, brand)).toBe(0);
    // audience → {bikram 1, yoga .5, health .25}; brand → {yoga 1, health .5}
    // dot = .5 + .125; norms √1.3125 and √1.25
    expect(relevance(audience, brand, h)).toBeCloseTo(0.625 / Math.sqrt(1.3125 * 1.25), 12);
  });

  it('is the flat cosine with decay 0', () => {
    expect(relevance(v([BIKRAM, 1]), v([YOGA, 1]), h, { decay: 0 })).toBe(0);
  });

  it('grows with the decay', () => {
    const a = v([BIKRAM, 1]);
    const b = v([YOGA, 1]);
    expect(relevance(a, b, h, { decay: 0.8 })).toBeGreaterThan(relevance(a, b, h, { decay: 0.2 }));
  });

  it('stays 0 between unrelated branches (the root does not connect them)', () => {
    expect(relevance(v([BIKRAM, 1]), v([FREAKONOMICS, 1]), h)).toBe(0);
  });

  it('is 0 when either profile is empty', () => {
    expect(relevance(new Map(), v([YOGA, 1]), h)).toBe(0);
    expect(relevance(v([YOGA, 1]), new Map(), h)).toBe(0);
  });
});
