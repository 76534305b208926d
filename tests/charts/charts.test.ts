import { describe, expect, it } from 'vitest';
import { rng } from '../../src/lib/random.ts';
import { chartDocument, matchSnapshot } from './snapshot.ts';
import { scoreBySizeChart, scoreDistributionChart } from '../../src/lib/charts/scoreBySize.ts';
import { scoreboardChart, SCORE_KINDS, type ScoreboardRow } from '../../src/lib/charts/scoreboard.ts';
import { budgetChart } from '../../src/lib/charts/budgetBars.ts';
import { gainCurvesChart } from '../../src/lib/charts/gainCurves.ts';
import { contendersChart } from '../../src/lib/charts/contenders.ts';
import { climbChart } from '../../src/lib/charts/climb.ts';
import { topicProfileChart } from '../../src/lib/charts/topicProfile.ts';
import type { GainPoint } from '../../src/lib/figures/fairness.ts';
import { seedSpreadChart, type SeedPoint } from '../../src/lib/charts/seedSpread.ts';
import { breakEvenChart, type BreakEvenSeries } from '../../src/lib/charts/breakEven.ts';

// Seeded stand-ins for each chart's model: no database, no clock.
const u = rng(11);
const accounts = Array.from({ length: 60 }, (_, i) => ({
  followers: Math.round(10 ** (2 + u() * 5)),
  score: 1 + u() * 98,
  persona: i === 3 ? 'pop-star' : '',
  handle: `acct${i}`,
}));
const brands = ['Taskwise', 'Silver Lotus', 'Voltra'];
const board: ScoreboardRow[] = brands.flatMap((brand, b) =>
  SCORE_KINDS.map((score, k) => ({ brand, score, rho: (b + k) / 10, lo: (b + k) / 10 - 0.05, hi: (b + k) / 10 + 0.05 })),
);
const gains: GainPoint[] = brands.flatMap((brand) =>
  (['reach', 'fit', 'oracle'] as const).flatMap((score, k) =>
    [0, 0.25, 0.5, 0.75, 1].map((share) => ({ brand, slug: brand.toLowerCase(), score, share, gain: Math.min(1, share ** (1 / (k + 1.5))) })),
  ),
);
const contenders = [
  { persona: 'pop-star', handle: 'velvetnova', followers: 3e7, score: 99, cost: 222468, expected: 10.1, perThousand: 0.045 },
  { persona: '', handle: '', followers: 4.1e6, score: 80, cost: 41000, expected: 9, perThousand: 0.2, typical: { of: 'pop-star', n: 5, lo: 2.2e6, hi: 1.1e7 } },
  { persona: 'yoga-teacher', handle: 'mira.slowflow', followers: 5000, score: 31, cost: 180, expected: 2.3, perThousand: 12.8 },
  { persona: '', handle: '', followers: 5000, score: 27, cost: 130, expected: 0.4, perThousand: 3.1, typical: { of: 'yoga-teacher', n: 180, lo: 2500, hi: 9900 } },
];
const gaming = {
  bought: 500000,
  handle: 'mira.slowflow',
  followers: 5000,
  before: { score: 31, rank: 910 },
  after: { score: 55, rank: 153 },
  expected: 2.3,
  genuine: { before: 0.97, after: 0.019 },
  scores: Float64Array.from(accounts, (a) => a.score),
  accounts: 60,
};
const topicBars = [
  { topic: 'Project Management', method: 'Naive (any mention)' as const, weight: 0.6, oneOff: false },
  { topic: 'Project Management', method: 'Persistent (recurring, rare)' as const, weight: 1, oneOff: false },
  { topic: 'Homework', method: 'Naive (any mention)' as const, weight: 0.05, oneOff: true },
  { topic: 'Homework', method: 'Persistent (recurring, rare)' as const, weight: 0, oneOff: true },
];

const seeds: SeedPoint[] = brands.flatMap((brand, b) =>
  [1, 2, 3].flatMap((seed) => [
    { brand, score: 'reach' as const, seed, rho: b / 5 + seed / 50 },
    { brand, score: 'fit' as const, seed, rho: 0.5 + seed / 50 },
  ]),
);

// One brand crossing zero at 2.5, one that never does.
const grid = [0, 1, 2, 3, 4, 5];
const breakEven: BreakEvenSeries[] = [
  { brand: 'Taskwise', points: grid.map((x) => ({ x, mean: 0.2 * x - 0.5, lo: 0.2 * x - 0.6, hi: 0.2 * x - 0.4 })), flips: [2.5] },
  { brand: 'Voltra', points: grid.map((x) => ({ x, mean: -0.1 - 0.01 * x, lo: -0.2, hi: 0 })), flips: [] },
];

const CHARTS: [string, (width: number) => Element][] = [
  ['break-even', (width) => breakEvenChart(breakEven, { label: 'Relevance effect', default: 4, measure: 'ρ(fit) − ρ(reach)' }, { width, document: chartDocument() })],
  ['seed-spread', (width) => seedSpreadChart(seeds, { width, document: chartDocument() })],
  ['score-by-size', (width) => scoreBySizeChart(accounts, 0.91, { width, document: chartDocument() })],
  ['score-distribution', (width) => scoreDistributionChart(accounts.map((a) => a.score), { width, document: chartDocument() })],
  [
    'scoreboard',
    (width) =>
      scoreboardChart(
        board,
        { width, document: chartDocument() },
        brands.map((brand, b) => ({ brand, fitMinusReach: { estimate: 0.3 - b / 5, lo: 0.2 - b / 5, hi: 0.4 - b / 5 }, ceiling: 0.6 + b / 10 })),
      ),
  ],
  [
    'budget',
    (width) =>
      budgetChart(
        [
          { strategy: 'reach', conversions: 0, roi: -1, bought: 4, perThousand: 0 },
          { strategy: 'reachPerDollar', conversions: 40, roi: -0.7, bought: 120, perThousand: 2 },
          { strategy: 'fit', conversions: 67, roi: -0.6, bought: 25, perThousand: 3.4 },
          { strategy: 'fitPerDollar', conversions: 150, roi: -0.1, bought: 140, perThousand: 7.5 },
          { strategy: 'random', conversions: 9, roi: -0.95, bought: 99, perThousand: 0.45, spread: { conversions: { lo: 2, hi: 21 } } },
          { strategy: 'oracle', conversions: 213, roi: 0.28, bought: 160, perThousand: 10.7 },
        ],
        '$20,000',
        { width, document: chartDocument() },
      ),
  ],
  ['gain-curves', (width) => gainCurvesChart(gains, { width, document: chartDocument() })],
  ['contenders', (width) => contendersChart(contenders, { width, document: chartDocument() })],
  ['climb', (width) => climbChart(gaming, { width, document: chartDocument() })],
  ['topic-profile', (width) => topicProfileChart(topicBars, 'ganttly.notes', { width, document: chartDocument() })],
];

describe.each(CHARTS)('%s chart', (name, draw) => {
  it.each([720, 360])('matches its snapshot at %i px', (width) => {
    expect(matchSnapshot(`${name}-${width}`, draw(width).outerHTML).matches).toBe(true);
  });

  it('is one labelled image with no stray labels on groups and no NaN', () => {
    const el = draw(720);
    const svg = el.tagName.toLowerCase() === 'svg' ? el : Array.from(el.children).find((c) => c.tagName.toLowerCase() === 'svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect((svg.getAttribute('aria-label') ?? '').length).toBeGreaterThan(30);
    expect(el.querySelectorAll('g[aria-label]').length).toBe(0);
    expect(el.outerHTML).not.toMatch(/NaN/);
  });
});
