import { describe, expect, it } from 'vitest';
import { trustComponents, trustScore, trustScores, type TrustInputs } from '../../../src/lib/scoring/trust.ts';

const base: TrustInputs = {
  followers: 10_000,
  auditFakeShare: 0.1,
  reactions: 200,
  replies: 20,
  uniqueReactors: 150,
  posts: 50,
  sponsoredPosts: 10,
};

describe('trustComponents(inputs)', () => {
  it.each([
    ['hand-worked', {}, { authenticity: 0.9, conversation: 0.1, diversity: 0.75, saturation: 0.2 }],
    ['more replies than reactions is clamped to 1', { replies: 500 }, { conversation: 1 }],
    ['a fake share above 1 is clamped', { auditFakeShare: 1.5 }, { authenticity: 0 }],
    ['a negative fake share is clamped', { auditFakeShare: -0.2 }, { authenticity: 1 }],
    ['negative counts are clamped', { replies: -3, sponsoredPosts: -1 }, { conversation: 0, saturation: 0 }],
    ['no reactions: conversation and diversity unknown', { reactions: 0 }, { conversation: NaN, diversity: NaN }],
    ['negative reactions: unknown', { reactions: -5 }, { conversation: NaN, diversity: NaN }],
    ['no posts: saturation unknown', { posts: 0 }, { saturation: NaN }],
    ['missing fake share', { auditFakeShare: null }, { authenticity: NaN }],
    ['NaN replies', { replies: NaN }, { conversation: NaN, diversity: 0.75 }],
    ['zero followers do not change authenticity', { followers: 0 }, { authenticity: 0.9 }],
    ['huge counts', { reactions: 1e300, replies: 1e299, uniqueReactors: 1e300 }, { conversation: 0.1, diversity: 1 }],
  ] as [string, Partial<TrustInputs>, Record<string, number>][])('%s', (_name, change, expected) => {
    const c = trustComponents({ ...base, ...change });
    for (const [k, v] of Object.entries(expected)) {
      const got = c[k as keyof typeof c];
      if (Number.isNaN(v)) expect(got).toBeNaN();
      else expect(got).toBeCloseTo(v, 12);
    }
  });
});

describe('trustScore(components, weights)', () => {
  it.each([
    // .4·.9 + .2·.1 + .2·.75 + .2·(1 − .2) = .36 + .02 + .15 + .16
    ['hand-worked', { authenticity: 0.9, conversation: 0.1, diversity: 0.75, saturation: 0.2 }, 0.69],
    ['best', { authenticity: 1, conversation: 1, diversity: 1, saturation: 0 }, 1],
    ['worst', { authenticity: 0, conversation: 0, diversity: 0, saturation: 1 }, 0],
    // unknown conversation and diversity: (.4·.9 + .2·.8) / .6
    ['unknown components drop out', { authenticity: 0.9, conversation: NaN, diversity: NaN, saturation: 0.2 }, 0.52 / 0.6],
  ])('%s', (_name, components, expected) => {
    expect(trustScore(components)).toBeCloseTo(expected, 12);
  });

  it('uses the given weights', () => {
    const c = { authenticity: 0.9, conversation: 0.1, diversity: 0.75, saturation: 0.2 };
    expect(trustScore(c, { authenticity: 1, conversation: 0, diversity: 0, saturation: 0 })).toBeCloseTo(0.9, 12);
    // (1·.1 + 3·.8) / 4
    expect(trustScore(c, { authenticity: 0, conversation: 1, diversity: 0, saturation: 3 })).toBeCloseTo(2.5 / 4, 12);
  });

  it('is NaN when nothing with weight is known', () => {
    expect(trustScore({ authenticity: NaN, conversation: NaN, diversity: NaN, saturation: NaN })).toBeNaN();
    const c = { authenticity: 0.9, conversation: NaN, diversity: NaN, saturation: NaN };
    expect(trustScore(c, { authenticity: 0, conversation: 1, diversity: 1, saturation: 1 })).toBeNaN();
  });

  it.each([-1, NaN, Infinity])('rejects a weight of %d', (w) => {
    const c = { authenticity: 1, conversation: 1, diversity: 1, saturation: 0 };
    expect(() => trustScore(c, { authenticity: w, conversation: 1, diversity: 1, saturation: 1 })).toThrow(RangeError);
  });
});

describe('trustScores(columns, weights)', () => {
  it('scores each row like trustScore(trustComponents(row))', () => {
    const scores = trustScores({
      followers: [10_000, 5, 0],
      auditFakeShare: [0.1, 0.1, null],
      reactions: [200, 0, 10],
      replies: [20, 0, 10],
      uniqueReactors: [150, 0, 10],
      posts: [50, 4, 0],
      sponsoredPosts: [10, 1, 0],
    });
    // row 2: only authenticity .9 and saturation .25 known → (.36 + .2·.75)/.6
    // row 3: only conversation 1 and diversity 1 known → 1
    expect(Array.from(scores)).toHaveLength(3);
    [0.69, 0.51 / 0.6, 1].forEach((v, i) => expect(scores[i]).toBeCloseTo(v, 12));
  });

  it('is empty for empty columns', () => {
    const e: number[] = [];
    const cols = { auditFakeShare: e, reactions: e, replies: e, uniqueReactors: e, posts: e, sponsoredPosts: e };
    expect(trustScores(cols).length).toBe(0);
  });

  it('throws when the columns differ in length', () => {
    const cols = { auditFakeShare: [0], reactions: [1], replies: [1], uniqueReactors: [1], posts: [1], sponsoredPosts: [] };
    expect(() => trustScores(cols)).toThrow(RangeError);
  });
});
