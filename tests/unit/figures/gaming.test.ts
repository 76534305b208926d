import { describe, expect, it } from 'vitest';
import { gamingLive, gamingModel } from '../../../src/lib/figures/gaming.ts';
import { frameOf, without } from './frames.ts';

const NAMES = ['handle', 'is_target', 'followers', 'audit_fake_share', 'score_before', 'score_after', 'rank_before', 'rank_after', 'expected_conversions'];
const row = (handle: string, target: boolean, followers: number, fake: number, before: number, after: number, rb: number, ra: number, expected: number) => ({
  handle, is_target: target, followers, audit_fake_share: fake, score_before: before, score_after: after, rank_before: rb, rank_after: ra, expected_conversions: expected,
});

describe('gamingModel(frames, bought)', () => {
  const frame = frameOf(NAMES, [row('crowd1', false, 9000, 0, 60, 60, 1, 2, 0.5), row('mira', true, 5000, 0.1, 31, 55, 3, 1, 2.3), row('crowd2', false, 100, 0.5, 10, 10, 2, 3, 0.1)]);

  it.each([
    // 5,000 followers, 10% fake: 4,500 genuine; after 20,000 bought: 4,500 of 25,000 = 18%
    [20_000, { before: 0.9, after: 0.18 }],
    // buying nothing leaves the share as it was
    [0, { before: 0.9, after: 0.9 }],
  ])('reads the target row; %i bought', (bought, genuine) => {
    const m = gamingModel([frame], bought);
    expect(m).toMatchObject({ bought, handle: 'mira', followers: 5000, before: { score: 31, rank: 3 }, after: { score: 55, rank: 1 }, expected: 2.3, accounts: 3 });
    expect(m.genuine.before).toBeCloseTo(genuine.before, 12);
    expect(m.genuine.after).toBeCloseTo(genuine.after, 12);
    expect([...m.scores]).toEqual([60, 55, 10]);
  });

  it('a missing fake-follower share leaves the genuine shares not defined', () => {
    const m = gamingModel([frameOf(NAMES, [{ ...row('mira', true, 5000, 0, 31, 55, 3, 1, 2.3), audit_fake_share: null }])], 100);
    expect(m.genuine.before).toBeNaN();
    expect(gamingLive(m)['gaming.genuineAfter']).toBe('–');
  });

  it.each([
    ['no rows', frameOf(NAMES, []), /no target account/],
    ['no target row', frameOf(NAMES, [row('crowd1', false, 9000, 0, 60, 60, 1, 2, 0)]), /no target account/],
    ['no is_target column', without(frame, 'is_target'), /no column is_target/],
    ['no score column', without(frame, 'score_after'), /no column score_after/],
  ])('throws on %s', (_name, f, message) => {
    expect(() => gamingModel([f], 10)).toThrow(message);
  });

  it('live numbers', () => {
    expect(gamingLive(gamingModel([frame], 20_000))).toEqual({
      'gaming.handle': '@mira',
      'gaming.bought': '20,000',
      'gaming.followers': '5,000',
      'gaming.scoreBefore': '31',
      'gaming.scoreAfter': '55',
      'gaming.rankBefore': '3',
      'gaming.rankAfter': '1',
      'gaming.accounts': '3',
      'gaming.expected': '2.3',
      'gaming.genuineBefore': '90%',
      'gaming.genuineAfter': '18%',
    });
  });
});
