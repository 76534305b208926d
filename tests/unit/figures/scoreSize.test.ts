import { describe, expect, it } from 'vitest';
import { scoreSizeLive, scoreSizeModel } from '../../../src/lib/figures/scoreSize.ts';
import { frameOf, without } from './frames.ts';

const NAMES = ['influencer_id', 'handle', 'persona', 'followers', 'score'];
const accounts = (pairs: [number, number][]) => frameOf(NAMES, pairs.map(([followers, score], i) => ({ influencer_id: i, handle: `h${i}`, persona: null, followers, score })));

describe('scoreSizeModel(frame)', () => {
  it.each([
    // score exactly linear in ln(followers): R² = 1; median of 10, 20, 30, 60 = 25; one of four above 50
    ['a score that is size alone', [[Math.E, 10], [Math.E ** 2, 20], [Math.E ** 3, 30], [Math.E ** 6, 60]], 1, 25, 0.25],
    // ln f = 1, 2, 3 against 10, 30, 20: r = 0.5, R² = 0.25
    ['a score half explained by size', [[Math.E, 10], [Math.E ** 2, 30], [Math.E ** 3, 20]], 0.25, 20, 0],
    // NaN score: dropped from R² (2 pairs left: too few), the median and the share
    ['a missing score', [[Math.E, 10], [Math.E ** 2, NaN], [Math.E ** 3, 70]], NaN, 40, 0.5],
    // followers 0: ln 0 = −∞, the pair is dropped from R², the score still counts
    ['an account with no followers', [[0, 90], [Math.E, 10], [Math.E ** 2, 20], [Math.E ** 3, 30]], 1, 25, 0.25],
    ['no accounts', [], NaN, NaN, NaN],
  ] as [string, [number, number][], number, number, number][])('%s', (_name, pairs, r2, median, above50) => {
    const m = scoreSizeModel(accounts(pairs));
    expect(m.points).toHaveLength(pairs.length);
    if (Number.isNaN(r2)) expect(m.r2).toBeNaN();
    else expect(m.r2).toBeCloseTo(r2, 12);
    expect(m.median).toEqual(median);
    expect(m.above50).toEqual(above50);
  });

  it('throws naming a missing column', () => {
    expect(() => scoreSizeModel(without(accounts([[10, 1]]), 'followers'))).toThrow(/no column followers/);
  });

  it.each([
    [[[Math.E, 10], [Math.E ** 2, 20], [Math.E ** 3, 30], [Math.E ** 6, 60]], { 'size.r2': '1.00', 'size.r2pct': '100%', 'size.median': '25', 'size.above50': '25.0%', 'size.accounts': '4' }],
    [[], { 'size.r2': '–', 'size.r2pct': '–', 'size.median': '–', 'size.above50': '–', 'size.accounts': '0' }],
  ] as [[number, number][], Record<string, string>][])('live numbers of %j', (pairs, live) => {
    expect(scoreSizeLive(scoreSizeModel(accounts(pairs)))).toMatchObject(live);
  });
});
