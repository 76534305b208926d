import { describe, expect, it } from 'vitest';
import { CAPTURE_AT, fairnessLive, fairnessModel } from '../../../src/lib/figures/fairness.ts';
import { without } from './frames.ts';
import { placementFrames } from './placements.ts';

describe('fairnessModel(frames)', () => {
  // Five placements a brand, so the top 20% is exactly one hire. Brand a: the score puts the one
  // converting placement first (all of the conversions); fit is 0 for everyone but the relevant
  // account, which converts nothing. Brand b: the score puts it last.
  const frames = placementFrames([
    { slug: 'a', score: [10, 20, 30, 40, 50], outcome: [0, 0, 0, 0, 10], relevant: [0] },
    { slug: 'b', score: [50, 40, 30, 20, 10], outcome: [0, 0, 0, 0, 10], relevant: [4] },
  ]);

  it.each([
    ['a', { reach: 1, fit: 0, oracle: 1 }],
    ['b', { reach: 0, fit: 1, oracle: 1 }],
  ])('%s: the share of all conversions the top fifth brings', (slug, capture) => {
    expect(CAPTURE_AT).toBe(0.2);
    expect(fairnessModel(frames).capture.find((c) => c.slug === slug)).toEqual({ slug, brand: slug.toUpperCase(), ...capture });
  });

  it('draws each curve from (0, 0) to (1, 1), one point per hire when there are few', () => {
    const { points } = fairnessModel(frames);
    const curve = points.filter((p) => p.slug === 'a' && p.score === 'reach');
    expect(curve.map((p) => [p.share, p.gain])).toEqual([[0, 0], [0.2, 1], [0.4, 1], [0.6, 1], [0.8, 1], [1, 1]]);
    expect(new Set(points.map((p) => p.score))).toEqual(new Set(['reach', 'fit', 'oracle']));
  });

  it('thins a long curve to about 100 points, its last one kept', () => {
    const n = 1000;
    const f = placementFrames([{ slug: 'a', score: Array.from({ length: n }, (_, i) => i), outcome: Array.from({ length: n }, (_, i) => i % 7) }]);
    const curve = fairnessModel(f).points.filter((p) => p.score === 'reach');
    // 1,001 points (from 0 hires to 1,000) every 11th: 91, then the last
    expect(curve).toHaveLength(92);
    expect(curve.at(-1)).toMatchObject({ share: 1, gain: 1 });
  });

  it('a brand without a conversion has no curve to speak of: capture not defined', () => {
    const f = placementFrames([{ slug: 'a', score: [1, 2, 3, 4, 5], outcome: [0, 0, 0, 0, 0] }]);
    const [c] = fairnessModel(f).capture;
    expect(c.reach).toBeNaN();
    expect(c.oracle).toBeNaN();
    expect(fairnessLive(fairnessModel(f))['gain.reach.a']).toBe('–');
  });

  it('a missing outcome counts as no conversion', () => {
    const f = placementFrames([{ slug: 'a', score: [10, 20, 30, 40, 50], outcome: [NaN, 0, 0, 0, 10] }]);
    expect(fairnessModel(f).capture[0].reach).toBe(1);
  });

  it('no placements: no points, no capture; a missing column throws naming it', () => {
    expect(fairnessModel(placementFrames([]))).toMatchObject({ points: [], capture: [] });
    const [placements, ...rest] = frames;
    expect(() => fairnessModel([without(placements, 'outcome'), ...rest])).toThrow(/no column outcome/);
  });

  it('live numbers by score and brand', () => {
    expect(fairnessLive(fairnessModel(frames))).toEqual({
      'gain.reach.a': '100.0%', 'gain.fit.a': '0.0%', 'gain.oracle.a': '100.0%',
      'gain.reach.b': '0.0%', 'gain.fit.b': '100.0%', 'gain.oracle.b': '100.0%',
    });
  });
});
