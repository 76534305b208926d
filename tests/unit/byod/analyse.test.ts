import { describe, expect, it } from 'vitest';
import { autoMap, nameScore } from '../../../src/lib/byod/mapping.ts';
import { mostlyNumeric, prepare, splitTopics } from '../../../src/lib/byod/prepare.ts';
import { analyse, reachMeaningOf, reachScore } from '../../../src/lib/byod/analyse.ts';
import type { RawTable } from '../../../src/lib/byod/table.ts';

describe('autoMap', () => {
  const all = () => true;
  it.each([
    [['Handle', 'Followers', 'Engagement', 'Fee (USD)', 'Sales', 'Revenue', 'Topics'], { handle: 'Handle', reach: 'Followers', engagement: 'Engagement', cost: 'Fee (USD)', conversions: 'Sales', revenue: 'Revenue', topics: 'Topics' }],
    [['username', 'audience_size', 'orders', 'spend'], { handle: 'username', reach: 'audience_size', engagement: null, cost: 'spend', conversions: 'orders', revenue: null, topics: null }],
    [['Follower Count', 'Conversions', 'Sales Revenue'], { handle: null, reach: 'Follower Count', engagement: null, cost: null, conversions: 'Conversions', revenue: 'Sales Revenue', topics: null }],
    [['a', 'b'], { handle: null, reach: null, engagement: null, cost: null, conversions: null, revenue: null, topics: null }],
  ])('%j', (names, expected) => {
    expect(autoMap(names, all)).toEqual(expected);
  });

  it.each([
    [['Ad name', 'Reach', 'Cost per result', 'Results'], 'cost', null],
    [['Ad name', 'Impressions', 'CPM', 'CPC (destination)', 'Conversions'], 'cost', null],
    [['Handle', 'Followers', 'Conversion rate (CVR)', 'Purchases'], 'conversions', 'Purchases'],
    [['Handle', 'Followers', 'Engagement rate', 'Sales'], 'engagement', 'Engagement rate'],
    [['Handle', 'Followers', 'Sales', 'Website purchase ROAS'], 'revenue', null],
    [['Handle', 'Followers', 'Sales', 'Average order value'], 'revenue', null],
  ])('never takes a per-unit figure for a total: %j gives %s = %s', (names, role, column) => {
    expect(autoMap(names, all)[role as 'cost']).toBe(column);
  });

  it('does not give a numeric role to a text column', () => {
    expect(autoMap(['followers', 'conversions'], (n) => n !== 'followers').reach).toBeNull();
  });

  it('scores exact synonyms above partial ones', () => {
    expect(nameScore('followers', 'reach')).toBeGreaterThan(nameScore('total_followers_2024', 'reach'));
    expect(nameScore('total_followers_2024', 'reach')).toBeGreaterThan(0);
    expect(nameScore('colour', 'reach')).toBe(0);
  });
});

const table = (columns: Record<string, unknown[]>): RawTable => ({ file: 'c.csv', names: Object.keys(columns), columns: Object.values(columns), rows: Object.values(columns)[0].length, detected: [], notes: [] });
const map = { handle: null, reach: 'f', engagement: null, cost: null, conversions: 'c', revenue: null, topics: null };

describe('prepare', () => {
  it('reads numbers, counting blanks as missing', () => {
    const p = prepare(table({ f: ['1,000', '', '3'], c: ['1', '2', '3'] }), map, false);
    expect(Array.from(p.reach)).toEqual([1000, NaN, 3]);
    expect(p.blanks).toEqual({ reach: 1 });
  });

  it.each([
    [{ f: ['1', 'lots'], c: ['1', '2'] }, /"c.csv", row 3, column "f": "lots" is not a number/],
    [{ f: ['1', '2'], c: ['1', '-4'] }, /"c.csv", row 3, column "c": "-4" is negative; a count cannot be/],
    [{ f: ['1', '9e15'], c: ['1', '2'] }, /"c.csv", row 3, column "f": "9e15" is not a plausible reach value/],
    [{ f: ['', ''], c: ['1', '2'] }, /every cell is blank/],
  ])('refuses %j', (cols, message) => {
    expect(() => prepare(table(cols), map, false)).toThrow(message);
  });

  it('asks for a column when a required role is not mapped', () => {
    expect(() => prepare(table({ f: ['1'], c: ['1'] }), { ...map, conversions: null }, false)).toThrow(/Choose the column of "c.csv" that holds the conversions/);
  });

  it('mostlyNumeric needs 80 % numbers among filled cells', () => {
    expect(mostlyNumeric(['1', '2', '3', '4', 'x'], false)).toBe(true);
    expect(mostlyNumeric(['1', 'x', 'y'], false)).toBe(false);
    expect(mostlyNumeric(['', ''], false)).toBe(false);
  });

  it('splitTopics', () => {
    expect(splitTopics(' Yoga; Home Fitness |yoga,#travel ')).toEqual(['yoga', 'home-fitness', 'travel']);
  });
});

describe('analyse', () => {
  const n = 60;
  const f = Array.from({ length: n }, (_, i) => String(1000 * (i + 1)));
  it('reach that orders conversions perfectly: rho 1, reach curve = oracle, no small-sample warning', () => {
    const a = analyse(prepare(table({ f, c: f.map((_, i) => String(i)) }), map, false));
    expect(a.rho.estimate).toBeCloseTo(1, 12);
    expect(a.capture.reach).toBeCloseTo(a.capture.oracle, 12);
    expect(a.warnings.some((w) => /Only/.test(w))).toBe(false);
    expect(a.warnings.some((w) => /Selection bias/.test(w))).toBe(true);
    expect(a.reachMeaning).toMatch(/no reaction or engagement data/);
  });

  it('reach reversed: rho −1; small samples warned', () => {
    const a = analyse(prepare(table({ f: f.slice(0, 10), c: f.slice(0, 10).map((_, i) => String(10 - i)) }), map, false));
    expect(a.rho.estimate).toBeCloseTo(-1, 12);
    expect(a.warnings[0]).toMatch(/Only 10 rows have both reach and conversions/);
  });

  it('reach score adds half the log of engagement', () => {
    const p = prepare(table({ f: ['0', String(Math.E - 1)], c: ['1', '2'], e: ['0', String(Math.E ** 2 - 1)] }), { ...map, engagement: 'e' }, false);
    expect(Array.from(reachScore(p)).map((v) => Number(v.toFixed(12)))).toEqual([0, 2]);
  });

  it('budget test: oracle ≥ reach and random, within the budget', () => {
    const cost = f.map((_, i) => String(100 + (i % 7) * 50));
    const conv = f.map((_, i) => String((i * 37) % 11));
    const a = analyse(prepare(table({ f, c: conv, k: cost }), { ...map, cost: 'k' }, false));
    expect(a.budget).toBeDefined();
    expect(a.budget!.oracle.conversions).toBeGreaterThanOrEqual(a.budget!.reach.conversions);
    expect(a.budget!.oracle.conversions).toBeGreaterThanOrEqual(a.budget!.random.conversions);
    expect(a.budget!.reach.spent).toBeLessThanOrEqual(a.budget!.budget);
  });

  it('relevance: accounts on the brand topics that sell give a positive rho', () => {
    const topics = f.map((_, i) => (i % 2 ? 'yoga; wellness' : 'gaming'));
    const conv = f.map((_, i) => String(i % 2 ? 5 + (i % 3) : i % 2));
    const a = analyse(prepare(table({ f, c: conv, t: topics }), { ...map, topics: 't' }, false), { brandTopics: 'Yoga, wellness' });
    expect(a.relevance!.brandTopics).toEqual(['yoga', 'wellness']);
    expect(a.relevance!.rho.estimate).toBeGreaterThan(0.8);
    expect(a.curves.map((c) => c.name)).toEqual(['oracle', 'reach', 'random', 'relevance']);
  });
});

describe('reachMeaningOf: what "reach" means, said plainly', () => {
  it.each([
    [false, 'followers', /simply audience size: accounts are ranked by followers alone/],
    [false, 'impressions', /simply impressions: accounts are ranked by it alone\. Impressions count how often each placement was shown, not how many people follow the account/],
    [false, 'reach', /simply reach: .*Reach counts the people who saw each placement, not the account's audience/],
    [false, 'views', /simply views: .*Views count plays/],
    [false, null, /simply the column you chose: accounts are ranked by it alone\. \(A Klout/],
    [true, 'followers', /ln\(1 \+ followers\) \+ 0\.5 × ln\(1 \+ engagement per post\)/],
    [true, 'impressions', /ln\(1 \+ impressions\) \+ 0\.5 × ln\(1 \+ engagement per post\)/],
  ] as const)('engagement %s, proxy %s', (engagement, proxy, text) => {
    expect(reachMeaningOf(engagement, proxy)).toMatch(text);
  });
});
