import { describe, expect, it } from 'vitest';
import type { Frame } from '../../../src/lib/data/frame.ts';
import { BRANDS } from '../../../data/sim/catalog.ts';
import { scoreboardFigure, scoreboardLive, scoreboardModel } from '../../../src/lib/figures/scoreboard.ts';
import { scoreSellLive, scoreSellModel } from '../../../src/lib/figures/scoreSell.ts';
import { outcomeInWords } from '../../../src/lib/figures/verdict.ts';
import { breakEvenRows, breakEvenTableHtml, headlineByBrand } from '../../../src/lib/sweep/view.ts';
import type { SweepResult } from '../../../src/lib/sweep/summary.ts';
import { placementFrames } from './placements.ts';

/**
 * Each brand is judged on its goal's outcome: purchases, or for the awareness brand (Tuneloop) the
 * people who recall the post. No verdict about the awareness brand may say purchases.
 */
const awareness = BRANDS.filter((b) => b.goal === 'awareness');
const saysPurchases = (text: string) => /purchas/i.test(text);

/** The clauses ("for A and B, verdict" parts, or sentences) that name `name`. */
const clausesNaming = (text: string, name: string) => text.split(/; |\. /).filter((c) => c.includes(name));

describe('the outcome each verdict names', () => {
  it('there is an awareness brand to check, and its outcome is not purchases', () => {
    expect(awareness.map((b) => b.name)).toEqual(['Tuneloop']);
    expect(outcomeInWords('awareness')).toBe('people who recall the post');
    expect(outcomeInWords('sales')).toBe('purchases');
  });

  it('the scoreboard: each brand’s verdicts, the grouped one and the figure’s title', () => {
    const frames = placementFrames([
      { slug: 'silver-lotus', score: [10, 20, 30, 40, 50], outcome: [0, 1, 2, 3, 4], relevant: [3, 4] },
      { slug: 'tuneloop', score: [10, 20, 30, 40, 50], outcome: [0, 1, 2, 3, 4], relevant: [3, 4], goal: 'awareness' },
    ]);
    // The same numbers for both brands: only the outcome's name differs.
    const live = scoreboardLive(scoreboardModel(frames, { intervals: false }));
    for (const key of ['verdict.fit-vs-reach', 'verdict.relevance-vs-reach', 'verdict.relevance-vs-fit']) {
      expect(live[`${key}.tuneloop`], key).toContain('people who recall the post');
      expect(saysPurchases(live[`${key}.tuneloop`]), key).toBe(false);
      expect(live[`${key}.silver-lotus`], key).toContain('purchases');
      expect(live[`${key}.tuneloop`].replace('people who recall the post', 'purchases')).toBe(live[`${key}.silver-lotus`]);
    }
    const grouped = live['verdict.fit-vs-reach.by-brand'];
    expect(grouped.split('; ')).toHaveLength(2);
    for (const clause of clausesNaming(grouped, 'TUNELOOP')) expect(saysPurchases(clause), clause).toBe(false);
    expect(scoreboardFigure.title).toMatch(/each brand’s outcome/);
    expect(scoreboardFigure.title).toContain('for Tuneloop, people who recall the post');
  });

  it('does the score sell: the awareness brand’s strength names recall', () => {
    // Tuneloop's recall follows the score, its purchases run against it: the strength must come from recall.
    const rows = [1, 2].flatMap((brand_id) => Array.from({ length: 30 }, (_, k) => ({ brand_id, influencer_id: k + 1, conversions: brand_id === 2 ? 30 - k : k, recalled: brand_id === 2 ? k : 30 - k })));
    const names = Object.keys(rows[0]);
    const placements: Frame = { names, columns: Object.fromEntries(names.map((n) => [n, rows.map((r) => (r as Record<string, unknown>)[n])])), length: rows.length };
    const brands: Frame = { names: ['brand_id', 'brand', 'brand_name', 'goal'], columns: { brand_id: [1, 2], brand: ['taskwise', 'tuneloop'], brand_name: ['Taskwise', 'Tuneloop'], goal: ['sales', 'awareness'] }, length: 2 };
    const scores: Frame = { names: ['influencer_id', 'score'], columns: { influencer_id: Array.from({ length: 30 }, (_, k) => k + 1), score: Float64Array.from({ length: 30 }, (_, k) => k) }, length: 30 };
    const live = scoreSellLive(scoreSellModel(placements, brands, scores, { intervals: false }));
    expect(live['verdict.sell.tuneloop']).toBe('ranks people who recall the post well');
    expect(live['verdict.sell.taskwise']).toBe('ranks purchases well');
  });

  it('the break-even table and the headline: no Tuneloop row or line says purchases', () => {
    const point = (x: number, d: number) => ({
      x,
      diff: { mean: d, lo: d - 0.05, hi: d + 0.05 },
      rhoFit: 0.3,
      rhoReach: 0.3 - d,
      perThousandFit: 10 + d,
      perThousandReach: 10,
      perThousandDiff: { mean: d, lo: d - 0.5, hi: d + 0.5 },
    });
    const brands = [
      { slug: 'voltra', name: 'Voltra' },
      { slug: 'tuneloop', name: 'Tuneloop' },
    ];
    const r: SweepResult = {
      seeds: [1, 2, 3],
      budget: 20000,
      small: { accounts: 1000, placementsPerBrand: 150 },
      brands,
      assumptions: [{ key: 'k', label: 'Knob', path: 'relevanceEffect', mode: 'value', grid: [0, 2, 4], source: 'assumption', stage: 'outcomes', unit: '', default: 2 }],
      curves: brands.map((b) => ({ key: 'k', brand: b.slug, points: [point(0, -2), point(2, 1), point(4, 2)], flips: [], perDollarFlips: [] })),
    };
    const rows = breakEvenRows(r);
    const tune = rows.find((x) => x.brand === 'Tuneloop')!;
    for (const cell of Object.values(tune)) expect(saysPurchases(cell), cell).toBe(false);
    expect(tune.atDefault).toContain('people who recall the post');
    expect(rows.find((x) => x.brand === 'Voltra')!.perDollarAtDefault).toContain('purchases');
    const line = headlineByBrand(r).find((h) => h.brand === 'Tuneloop')!;
    for (const text of Object.values(line)) expect(saysPurchases(text), text).toBe(false);
    // The table's head and caption name each brand's outcome, not purchases alone.
    const html = breakEvenTableHtml(r);
    expect(html).toContain('people who recall the post for Tuneloop');
    const head = /<thead>(.*)<\/thead>/.exec(html)![1];
    expect(saysPurchases(head)).toBe(false);
  });
});
