import { describe, expect, it } from 'vitest';
import { scoreboardLive, scoreboardModel } from '../../../src/lib/figures/scoreboard.ts';
import { frameOf, without } from './frames.ts';
import { placementFrames } from './placements.ts';

const rho = (m: ReturnType<typeof scoreboardModel>, slug: string, score: string) => m.rows.find((r) => r.slug === slug && r.score === score)!.rho;

describe('scoreboardModel(frames)', () => {
  // Brand a: the reach score ranks the outcome perfectly (ρ 1), kred in reverse (−1), relevance
  // picks the two best (ties 1, 1 vs 0, 0, 0). Brand b: the score in reverse.
  const frames = placementFrames([
    { slug: 'a', score: [10, 20, 30, 40, 50], kred: [5, 4, 3, 2, 1], outcome: [0, 1, 2, 3, 4], relevant: [3, 4] },
    { slug: 'b', score: [50, 40, 30, 20, 10], outcome: [0, 1, 2, 3, 4] },
  ]);

  it.each([
    ['a', 'reach', 1],
    ['a', 'kred', -1],
    ['a', 'peerindex', -1],
    // ranks of relevance (2, 2, 2, 4.5, 4.5) against 1…5: r = 0.866… = √3 / 2
    ['a', 'relevance', Math.sqrt(3) / 2],
    ['b', 'reach', -1],
    // no account of b is relevant: relevance is constant, ρ not defined
    ['b', 'relevance', NaN],
    ['b', 'fit', NaN],
  ])('%s: ρ(%s) = %d', (slug, score, value) => {
    const m = scoreboardModel(frames, { intervals: false });
    if (Number.isNaN(value)) expect(rho(m, slug, score)).toBeNaN();
    else expect(rho(m, slug, score)).toBeCloseTo(value, 12);
  });

  it('fit − reach is the difference of the two ρ; without the oracle frame the ceiling is not defined', () => {
    const m = scoreboardModel(frames, { intervals: false });
    const a = m.brands.find((b) => b.slug === 'a')!;
    // fit = relevance × trust × score = 0, 0, 0, 40t, 50t: ranks centred d = (−1, −1, −1, 1, 2) against
    // the outcome's e = (−2, −1, 0, 1, 2): ρ = Σde / √(Σd² Σe²) = 8 / √(8 · 10)
    expect(rho(m, 'a', 'fit')).toBeCloseTo(8 / Math.sqrt(80), 12);
    expect(a.fitMinusReach.estimate).toBeCloseTo(8 / Math.sqrt(80) - 1, 12);
    expect(a.ceiling).toBeNaN();
    expect(m.table.length).toBe(10);
    expect(m.table.names.slice(-3)).toEqual(['relevance', 'trust', 'fit']);
  });

  it('the noise ceiling is ρ(expected, realized), matched by placement id', () => {
    const oracle = frameOf(['placement_id', 'expected_outcome'], [5, 4, 3, 2, 1].map((id, k) => ({ placement_id: id, expected_outcome: 10 - k })));
    const m = scoreboardModel([...frames, oracle], { intervals: false });
    // placements 1…5 expect 6…10 (the same order as their outcomes): ρ = 1; brand b has no expected values
    expect(m.brands.find((b) => b.slug === 'a')!.ceiling).toBeCloseTo(1, 12);
    expect(m.brands.find((b) => b.slug === 'b')!.ceiling).toBeNaN();
  });

  it('drops a placement with a missing outcome from its ρ', () => {
    const f = placementFrames([{ slug: 'a', score: [10, 20, 30, 40, 99], outcome: [0, 1, 2, 3, NaN] }]);
    expect(rho(scoreboardModel(f, { intervals: false }), 'a', 'reach')).toBeCloseTo(1, 12);
  });

  it('with intervals, each ρ has a 95% interval around it', () => {
    const m = scoreboardModel(placementFrames([{ slug: 'a', score: [1, 3, 2, 5, 4, 7, 6, 9, 8, 10], outcome: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] }]));
    const r = m.rows.find((x) => x.score === 'reach')!;
    expect(r.lo).toBeLessThanOrEqual(r.rho);
    expect(r.hi).toBeGreaterThanOrEqual(r.rho);
  });

  it('no placements: no rows, no brands', () => {
    const m = scoreboardModel(placementFrames([]), { intervals: false });
    expect(m.rows).toEqual([]);
    expect(m.brands).toEqual([]);
    expect(scoreboardLive(m)).toEqual({ 'verdict.fit-vs-reach.by-brand': expect.any(String) });
  });

  it('throws naming a missing column', () => {
    const [placements, ...rest] = frames;
    expect(() => scoreboardModel([without(placements, 'kred'), ...rest], { intervals: false })).toThrow(/no column kred/);
  });

  it('live numbers are keyed by score id and brand', () => {
    const live = scoreboardLive(scoreboardModel(frames, { intervals: false }));
    expect(live['board.reach.a']).toBe('1.00');
    expect(live['board.kred.a']).toBe('−1.00');
    expect(live['board.relevance.b']).toBe('–');
    expect(live['board.fitMinusReach.a']).toBe('−0.11');
    expect(live['ci.board.reach.a']).toBe('– to –');
  });
});
