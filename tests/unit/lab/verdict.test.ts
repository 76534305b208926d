import { describe, expect, it } from 'vitest';
import { contenderOf, verdict } from '../../../src/lib/lab/verdict.ts';
import { headline, verdictHtml } from '../../../src/lib/lab/verdictView.ts';

const rows = (slug: string, brand: string, reach: number, relevance: number, fit: number, kred = 0.99) => [
  { slug, brand, score: 'reach', rho: reach },
  { slug, brand, score: 'kred', rho: kred },
  { slug, brand, score: 'relevance', rho: relevance },
  { slug, brand, score: 'fit', rho: fit },
];

describe('contenderOf', () => {
  it.each([
    ['reach', 'reach'],
    ['relevance', 'relevance'],
    ['fit', 'fit'],
    ['kred', null],
    ['peerindex', null],
    ['oracle', null],
    ['Reach score (Klout-like)', null],
  ])('%s → %s', (score, c) => expect(contenderOf(score)).toBe(c));
});

describe('verdict', () => {
  it('names the best of reach, relevance and fit per brand, ignoring other scores', () => {
    const v = verdict([...rows('a', 'A', 0.2, 0.4, 0.5), ...rows('b', 'B', 0.8, 0.2, 0.7)], 4);
    expect(v.brands.map((b) => b.best)).toEqual(['fit', 'reach']);
    expect(v.wins).toEqual({ reach: 1, relevance: 0, fit: 1 });
    expect(v.honest).toBeNull();
    expect(headline(v)).toBe('In this world the reach score ranks purchases best for 1 of 2 brands (B); relevance × trust ranks them better for 1 (A).');
  });

  // Each side names what its brands are judged on: Tuneloop (the catalog's awareness brand) on the people who recall the post, the others on purchases.
  it.each([
    ['all to reach, both outcomes', [0.9, 0.9], 'In this world the reach score ranks each brand’s outcome (purchases; people who recall the post for Tuneloop) best for all 2 brands.'],
    ['all to relevance × trust', [0.1, 0.1], 'In this world relevance × trust ranks each brand’s outcome (purchases; people who recall the post for Tuneloop) better than the reach score for all 2 brands.'],
    ['the awareness brand to reach', [0.1, 0.9], 'In this world the reach score ranks people who recall the post best for 1 of 2 brands (Tuneloop); relevance × trust ranks purchases better for 1 (Voltra).'],
    ['the awareness brand to relevance × trust', [0.9, 0.1], 'In this world the reach score ranks purchases best for 1 of 2 brands (Voltra); relevance × trust ranks people who recall the post better for 1 (Tuneloop).'],
  ])('%s: the headline names each side’s outcome', (_, [voltra, tuneloop], text) => {
    const v = verdict([...rows('voltra', 'Voltra', voltra, 0.5, 0.5), ...rows('tuneloop', 'Tuneloop', tuneloop, 0.5, 0.5)], 4);
    expect(headline(v)).toBe(text);
    // No clause that names Tuneloop says purchases.
    for (const clause of headline(v).split(/;/)) if (clause.includes('Tuneloop')) expect(clause).not.toMatch(/purchas/);
  });

  it('gives a tie to reach ("at least as good"), and NaN never wins', () => {
    const v = verdict([...rows('a', 'A', 0.5, 0.5, 0.5), ...rows('b', 'B', NaN, 0.1, NaN)], 0);
    expect(v.brands.map((b) => b.best)).toEqual(['reach', 'relevance']);
    expect(v.honest).toEqual({ pass: false, failures: ['B'] });
  });

  it('with relevance off, passes the honest-instrument check only if reach is at least as good as relevance and fit for every brand', () => {
    expect(verdict([...rows('a', 'A', 0.9, 0.05, 0.8), ...rows('b', 'B', 0.7, 0, 0.7)], 0).honest).toEqual({ pass: true, failures: [] });
    expect(verdict([...rows('a', 'A', 0.9, 0.05, 0.91)], 0).honest).toEqual({ pass: false, failures: ['A'] });
  });

  it('is empty for no rows', () => {
    const v = verdict([], 0);
    expect(v.brands).toEqual([]);
    expect(v.honest).toEqual({ pass: true, failures: [] });
  });
});

describe('verdictHtml', () => {
  it('marks each brand row with its winner and the panel with the check state, escaping names', () => {
    const html = verdictHtml(verdict(rows('x', 'A<b>&"', 0.1, 0.3, 0.2), 4));
    expect(html).toContain('data-brand="x" data-best="relevance"');
    expect(html).toContain('A&#60;b&#62;&#38;&#34;');
    expect(html).not.toContain('<b>');
    expect(html).toContain('data-honest="off"');
    expect(html).toContain('data-preset="relevance-off"');
    expect(verdictHtml(verdict(rows('x', 'A', 0.9, 0, 0.5), 0))).toContain('data-honest="pass"');
    expect(verdictHtml(verdict(rows('x', 'A', 0.1, 0, 0.5), 0))).toContain('data-honest="fail"');
  });
});
