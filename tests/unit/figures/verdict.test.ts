import { describe, expect, it } from 'vitest';
import { compareAmounts, comparePerDollar, compareRankings, listInWords, rankingStrength, shareInWords, verdictsBySubject } from '../../../src/lib/figures/verdict.ts';
import { scoreboardLive, type ScoreboardModel } from '../../../src/lib/figures/scoreboard.ts';
import { budgetLive, type BudgetModel } from '../../../src/lib/figures/budget.ts';
import { scoreSellLive, type ScoreSellModel } from '../../../src/lib/figures/scoreSell.ts';
import { celebrityLive, type CelebrityModel } from '../../../src/lib/figures/celebrity.ts';

const est = (estimate: number, lo = NaN, hi = NaN) => ({ estimate, lo, hi });

describe('rankingStrength: how well one ranking matches purchases, within its interval', () => {
  it('calls an interval that includes zero no better than chance, whatever the estimate', () => {
    expect(rankingStrength(est(0.4, -0.01, 0.8))).toBe('ranks purchases no better than chance');
    expect(rankingStrength(est(-0.05, -0.1, 0))).toBe('ranks purchases no better than chance');
  });
  it('calls an interval wholly below zero worse than chance', () => {
    expect(rankingStrength(est(-0.2, -0.3, -0.1))).toBe('ranks purchases worse than chance');
  });
  it('grades an interval above zero by the estimate: below 0.3, 0.3 to 0.5, 0.5 and above', () => {
    expect(rankingStrength(est(0.16, 0.09, 0.24))).toBe('ranks purchases only a little better than chance');
    expect(rankingStrength(est(0.3, 0.2, 0.4))).toBe('ranks purchases moderately well');
    expect(rankingStrength(est(0.49, 0.4, 0.6))).toBe('ranks purchases moderately well');
    expect(rankingStrength(est(0.84, 0.81, 0.87))).toBe('ranks purchases well');
  });
  it('without an interval (a slider being dragged) reads the estimate alone', () => {
    expect(rankingStrength(est(-0.01))).toBe('ranks purchases worse than chance');
    expect(rankingStrength(est(0))).toBe('ranks purchases no better than chance');
    expect(rankingStrength(est(0.2))).toBe('ranks purchases only a little better than chance');
    expect(rankingStrength(est(0.6))).toBe('ranks purchases well');
  });
  it('names another outcome, and says when there is no estimate', () => {
    expect(rankingStrength(est(0.6, 0.5, 0.7), 'people reached')).toBe('ranks people reached well');
    expect(rankingStrength(est(NaN))).toBe('cannot rank purchases (too few placements)');
  });
});

describe('compareRankings: which of two scores ranks purchases better', () => {
  const fit = (e: ReturnType<typeof est>) => ({ name: 'fit', value: e });
  const reach = (e: ReturnType<typeof est>) => ({ name: 'the reach score', value: e });
  it('with the paired interval of the difference, follows its sign', () => {
    const a = fit(est(0.3, 0.1, 0.5));
    const b = reach(est(0.2, 0.0, 0.4)); // the two intervals overlap; the paired one decides
    expect(compareRankings(a, b, { difference: { lo: 0.02, hi: 0.18 } })).toBe('fit ranks purchases better than the reach score');
    expect(compareRankings(a, b, { difference: { lo: -0.18, hi: -0.02 } })).toBe('the reach score ranks purchases better than fit');
    expect(compareRankings(a, b, { difference: { lo: -0.05, hi: 0.25 } })).toBe(
      'fit and the reach score rank purchases about equally (the interval of the difference includes zero)',
    );
  });
  it('with each score\u2019s own interval, calls a winner only when the intervals do not overlap', () => {
    expect(compareRankings(fit(est(0.48, 0.41, 0.55)), reach(est(0.16, 0.09, 0.24)))).toBe('fit ranks purchases better than the reach score');
    expect(compareRankings(fit(est(0.3, 0.2, 0.4)), reach(est(0.84, 0.81, 0.87)))).toBe('the reach score ranks purchases better than fit');
    expect(compareRankings(fit(est(0.3, 0.2, 0.4)), reach(est(0.38, 0.4, 0.5)))).toBe(
      'fit and the reach score rank purchases about equally (their intervals overlap)',
    );
  });
  it('an interval of the difference that was not computed falls back on the scores\u2019 own intervals', () => {
    expect(compareRankings(fit(est(0.3, 0.2, 0.4)), reach(est(0.35, 0.25, 0.45)), { difference: { lo: NaN, hi: NaN } })).toBe(
      'fit and the reach score rank purchases about equally (their intervals overlap)',
    );
  });
  it('without intervals compares the estimates, and names the outcome', () => {
    expect(compareRankings(fit(est(0.3)), reach(est(0.2)), { outcome: 'people reached' })).toBe('fit ranks people reached better than the reach score');
    expect(compareRankings(fit(est(0.1)), reach(est(0.2)))).toBe('the reach score ranks purchases better than fit');
    expect(compareRankings(fit(est(0.2)), reach(est(0.2)))).toBe('fit and the reach score rank purchases about equally (the two are equal)');
    expect(compareRankings(fit(est(NaN)), reach(est(0.2)))).toBe('fit and the reach score cannot be compared (too few placements)');
  });
});

describe('comparePerDollar: which spending buys more purchases per dollar, beyond the noise of the draws', () => {
  const by = (name: string, count: number, spent: number) => ({ name, value: { count, spent } });
  it('calls a difference beyond 1.96 Poisson standard errors', () => {
    // 67 against 0 on $20,000 each: z = √67 ≈ 8.2.
    expect(comparePerDollar(by('hiring by fit', 67, 20_000), by('hiring by reach score', 0, 19_000))).toBe('hiring by fit buys more purchases per dollar than hiring by reach score');
    expect(comparePerDollar(by('hiring by fit', 10, 20_000), by('hiring by reach score', 40, 20_000))).toBe('hiring by reach score buys more purchases per dollar than hiring by fit');
  });
  it('per dollar, not in total: fewer purchases on a much smaller spend can win', () => {
    // 30 on $5,000 (0.006/$) against 60 on $20,000 (0.003/$): z = 0.003/√(30/5000² + 60/20000²) ≈ 2.6.
    expect(comparePerDollar(by('A', 30, 5_000), by('B', 60, 20_000))).toBe('A buys more purchases per dollar than B');
  });
  it('calls it even within the noise, just short of the threshold', () => {
    // 3 against 0: z = √3 ≈ 1.73.
    expect(comparePerDollar(by('A', 3, 1_000), by('B', 0, 1_000))).toBe('A and B buy about as many purchases per dollar (the difference is within the noise of the draws)');
    // 50 against 40: z = 10/√90 ≈ 1.05.
    expect(comparePerDollar(by('A', 50, 1_000), by('B', 40, 1_000))).toBe('A and B buy about as many purchases per dollar (the difference is within the noise of the draws)');
  });
  it('says when neither buys anything, and names the outcome', () => {
    expect(comparePerDollar(by('A', 0, 1_000), by('B', 0, 0))).toBe('neither A nor B buys any purchases');
    expect(comparePerDollar(by('A', 400, 1_000), by('B', 100, 1_000), { outcome: 'listeners' })).toBe('A buys more listeners per dollar than B');
  });
  it('with an interval of the difference (over seeds, say), follows its sign instead of the Poisson rule', () => {
    // Poisson alone would call 67 against 0 for A.
    const [a, b] = [by('A', 67, 20_000), by('B', 0, 20_000)];
    expect(comparePerDollar(a, b, { difference: { lo: -0.001, hi: 0.004 } })).toBe('A and B buy about as many purchases per dollar (the interval of the difference includes zero)');
    expect(comparePerDollar(a, b, { difference: { lo: 0.001, hi: 0.004 } })).toBe('A buys more purchases per dollar than B');
    expect(comparePerDollar(a, b, { difference: { lo: -0.004, hi: -0.001 } })).toBe('B buys more purchases per dollar than A');
    expect(comparePerDollar(a, b, { difference: { lo: NaN, hi: NaN } })).toBe('A buys more purchases per dollar than B');
  });
});

describe('compareAmounts: two expected values as a multiple', () => {
  const teacher = (v: number) => ({ name: 'the yoga teacher', value: v });
  const star = (v: number) => ({ name: 'the pop star', value: v });
  it('puts the larger first, whichever it is', () => {
    expect(compareAmounts(teacher(12.8), star(0.0454))).toBe('the yoga teacher brings 282× the purchases per dollar of the pop star');
    expect(compareAmounts(teacher(1), star(3.2))).toBe('the pop star brings 3.2× the purchases per dollar of the yoga teacher');
  });
  it('calls ratios under 1.05 about the same, and refuses what cannot be compared', () => {
    expect(compareAmounts(teacher(1.04), star(1))).toBe('the yoga teacher and the pop star bring about the same purchases per dollar');
    expect(compareAmounts(teacher(2), star(0))).toBe('the yoga teacher brings purchases per dollar and the pop star none');
    expect(compareAmounts(teacher(0), star(0))).toBe('the yoga teacher and the pop star cannot be compared');
    expect(compareAmounts(teacher(NaN), star(1), 'purchases')).toBe('the yoga teacher and the pop star cannot be compared');
  });
});

describe('shareInWords', () => {
  it('says mostly above half, partly above a tenth, hardly below', () => {
    expect(shareInWords(0.94)).toBe('mostly');
    expect(shareInWords(0.5)).toBe('partly');
    expect(shareInWords(0.11)).toBe('partly');
    expect(shareInWords(0.1)).toBe('hardly');
    expect(shareInWords(NaN)).toBe('cannot be said to');
  });
});

describe('verdictsBySubject: each verdict said once, for the subjects it holds for', () => {
  it('lists one, two and three subjects in words', () => {
    expect(listInWords([])).toBe('');
    expect(listInWords(['A'])).toBe('A');
    expect(listInWords(['A', 'B'])).toBe('A and B');
    expect(listInWords(['A', 'B', 'C'])).toBe('A, B and C');
  });
  it('groups subjects by verdict, in the order they come', () => {
    expect(
      verdictsBySubject([
        { subject: 'A', verdict: 'x wins' },
        { subject: 'B', verdict: 'y wins' },
        { subject: 'C', verdict: 'x wins' },
      ]),
    ).toBe('for A and C, x wins; for B, y wins');
    expect(verdictsBySubject([{ subject: 'A', verdict: 'x wins' }, { subject: 'B', verdict: 'x wins' }])).toBe('for A and B, x wins');
  });
});

describe('the figures state their verdicts from their own numbers', () => {
  it('the scoreboard compares fit, relevance and reach per brand', () => {
    const row = (slug: string, score: string, rho: number, lo: number, hi: number) => ({ brand: slug, slug, score, rho, lo, hi });
    const m = {
      rows: [
        row('a', 'reach', 0.16, 0.09, 0.24),
        row('a', 'relevance', 0.45, 0.38, 0.52),
        row('a', 'fit', 0.48, 0.41, 0.55),
        row('b', 'reach', 0.84, 0.81, 0.87),
        row('b', 'relevance', 0.2, 0.12, 0.28),
        row('b', 'fit', 0.83, 0.8, 0.86),
      ],
      brands: [],
    } as unknown as ScoreboardModel;
    const live = scoreboardLive(m);
    expect(live['verdict.fit-vs-reach.a']).toBe('fit ranks purchases better than the reach score');
    expect(live['verdict.relevance-vs-fit.a']).toBe('relevance and fit rank purchases about equally (their intervals overlap)');
    expect(live['verdict.fit-vs-reach.b']).toBe('fit and the reach score rank purchases about equally (their intervals overlap)');
    expect(live['verdict.relevance-vs-reach.b']).toBe('the reach score ranks purchases better than relevance');
    expect(live['verdict.fit-vs-reach.by-brand']).toBe(
      'for a, fit ranks purchases better than the reach score; for b, fit and the reach score rank purchases about equally (their intervals overlap)',
    );
  });
  it('the budget test compares fit and random with reach, per dollar', () => {
    const r = (strategy: string, conversions: number, spent: number) => ({ strategy, conversions, spent, bought: 1, revenue: 0, roi: -1 });
    const m = { brand: 'X', budget: 20_000, results: [r('reach', 0, 19_500), r('reachPerDollar', 35, 19_970), r('fit', 67, 19_990), r('fitPerDollar', 168, 19_990), r('random', 9, 19_900), r('oracle', 213, 20_000)] } as unknown as BudgetModel;
    const live = budgetLive(m);
    expect(live['verdict.budget.fit-vs-reach']).toBe('hiring by fit buys more purchases per dollar than hiring by reach score');
    // 0 against 9: z = −3.
    expect(live['verdict.budget.reach-vs-random']).toBe('hiring at random buys more purchases per dollar than hiring by reach score');
  });
  it('"Does the score sell?" grades each brand within its interval', () => {
    const m = { brands: [{ brand: 'a', rho: 0.16, lo: 0.09, hi: 0.24, capture: 0.5, n: 600 }, { brand: 'b', rho: -0.01, lo: -0.09, hi: 0.06, capture: 0.2, n: 600 }] } as unknown as ScoreSellModel;
    const live = scoreSellLive(m);
    expect(live['verdict.sell.a']).toBe('ranks purchases only a little better than chance');
    expect(live['verdict.sell.b']).toBe('ranks purchases no better than chance');
  });
  it('the celebrity figure compares the two accounts per dollar', () => {
    const c = (persona: string, cost: number, expected: number) => ({ persona, handle: persona, followers: 1, score: 1, cost, expected, perThousand: (expected / cost) * 1000 });
    const m = { brand: 'X', contenders: [c('pop-star', 200_000, 10), c('yoga-teacher', 200, 2)], table: { names: [], columns: {}, length: 0 } } as unknown as CelebrityModel;
    expect(celebrityLive(m)['verdict.celeb.perDollar']).toBe('the yoga teacher brings 200× the purchases per dollar of the pop star');
  });
});
