import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { breakEvenRows, breakEvenSeries, breakEvenTableHtml, flipText, headlineByBrand } from '../../../src/lib/sweep/view.ts';
import type { SweepResult } from '../../../src/lib/sweep/summary.ts';

const point = (x: number, d: number, pd: number) => ({
  x,
  diff: { mean: d, lo: d - 0.05, hi: d + 0.05 },
  rhoFit: 0.3 + d / 2,
  rhoReach: 0.3 - d / 2,
  perThousandFit: 10 + pd / 2,
  perThousandReach: 10 - pd / 2,
  perThousandDiff: { mean: pd, lo: pd - 1, hi: pd + 1 },
});
const result: SweepResult = {
  seeds: [1, 2, 3],
  budget: 20000,
  small: { accounts: 1000, placementsPerBrand: 150 },
  brands: [{ slug: 'a', name: 'Alpha' }],
  assumptions: [{ key: 'k', label: 'Knob', path: 'relevanceEffect', mode: 'value', grid: [0, 2, 4], source: 'assumption', stage: 'outcomes', unit: '', default: 4 }],
  curves: [
    {
      key: 'k',
      brand: 'a',
      points: [point(0, -0.2, -3), point(2, 0.1, 2), point(4, 0.3, 0.5)],
      flips: [{ x: 1.33, from: 0, to: 2, direction: 'up', clear: true }],
      perDollarFlips: [],
    },
  ],
};

describe('the break-even view', () => {
  it('states the verdict at the default with the paired difference, and the break-evens or their absence', () => {
    const [row] = breakEvenRows(result);
    expect(row).toMatchObject({ assumption: 'Knob', default: '4', range: '0 to 4', brand: 'Alpha', flips: '1.3 (fit wins above)', perDollarFlips: 'no flip within the range' });
    expect(row.atDefault).toBe('fit ranks purchases better than the reach score: 0.30 (0.25 to 0.35)');
    // The interval of the per-dollar difference (−0.5 to 1.5) includes zero: no winner.
    expect(row.perDollarAtDefault).toMatch(/^fit and the reach score buy about as many purchases per dollar .*: 0\.5 per \$1,000 \(−0\.5 to 1\.5\)$/);
  });

  it('tables each assumption as a group headed by its default, range and source, with a row per brand, its text escaped', () => {
    const two: SweepResult = {
      ...result,
      brands: [...result.brands, { slug: 'b', name: 'B & <Co>' }],
      assumptions: [...result.assumptions, { ...result.assumptions[0], key: 'm', label: 'Dial', source: 'Smith <2020>' }],
      curves: [...result.curves, { ...result.curves[0], brand: 'b' }, { ...result.curves[0], key: 'm' }, { ...result.curves[0], key: 'm', brand: 'b' }],
    };
    const { document } = parseHTML(`<!doctype html><html><body>${breakEvenTableHtml(two)}</body></html>`);
    expect(document.querySelector('p.table-note')!.textContent).toMatch(/^Break-even values per brand, judged on/);
    const groups = [...document.querySelectorAll('table tbody')];
    expect(groups.map((g) => g.getAttribute('data-assumption'))).toEqual(['k', 'm']);
    const heading = groups[1].querySelector('th[scope="rowgroup"]')!;
    expect(heading.getAttribute('colspan')).toBe('5');
    expect(heading.textContent).toBe('Dial (default 4, swept 0 to 4)Source: Smith <2020>');
    expect(heading.querySelector('b')!.textContent).toBe('Dial');
    const rows = [...groups[0].querySelectorAll('tr')].slice(1);
    expect(rows.map((r) => r.querySelector('th[scope="row"]')!.textContent)).toEqual(['Alpha', 'B & <Co>']);
    const row = breakEvenRows(two)[0];
    expect([...rows[0].querySelectorAll('td')].map((td) => td.textContent)).toEqual([row.atDefault, row.perDollarAtDefault, row.flips, row.perDollarFlips]);
    expect(document.querySelectorAll('thead th').length).toBe(5);
  });

  it('says when a flip is within the noise, and which side wins', () => {
    expect(flipText([{ x: 0.25, from: 0, to: 0.5, direction: 'down', clear: false }])).toBe('0.25 (fit wins below; within the noise)');
  });

  it('gives the chart the measure asked for', () => {
    const { series, axis } = breakEvenSeries(result, 'k', 'perDollar');
    expect(axis).toEqual({ label: 'Knob', default: 4, measure: 'outcome per $1,000, fit − reach' });
    expect(series[0].points.map((p) => p.mean)).toEqual([-3, 2, 0.5]);
    expect(series[0].flips).toEqual([]);
  });

  it('heads the report per brand: the verdict at the default of the seeds\' own worlds, and every assumption that flips it', () => {
    const two: SweepResult = {
      ...result,
      assumptions: [
        ...result.assumptions,
        { key: 'w', label: 'Fake rates', path: 'fraudRateByTier', mode: 'scale', grid: [0, 1, 2], source: 'assumption', stage: 'world', unit: '×', default: 1 },
      ],
      curves: [
        ...result.curves,
        { key: 'w', brand: 'a', points: [point(0, 0.4, 5), point(1, 0.3, 4), point(2, 0.2, 3)], flips: [], perDollarFlips: [{ x: 1.5, from: 1, to: 2, direction: 'down', clear: false }] },
      ],
    };
    const [h] = headlineByBrand(two);
    expect(h.brand).toBe('Alpha');
    // The default (4) of the outcomes-stage knob, not the smaller world-stage point.
    expect(h.rho).toBe('fit ranks purchases better than the reach score: ρ differs by 0.30 (0.25 to 0.35)');
    expect(h.rhoFlips).toBe('it flips with knob at 1.3 (fit wins above)');
    expect(h.perDollar).toMatch(/^fit and the reach score buy about as many purchases per dollar .*: 0\.5 per \$1,000 \(−0\.5 to 1\.5\)$/);
    expect(h.perDollarFlips).toBe('no swept assumption flips it clearly within its range (1 crossing within the noise)');
    expect(headlineByBrand(result)[0].perDollarFlips).toBe('no swept assumption flips it clearly within its range');
  });

  it('refuses a sweep without an assumption through its default on the seeds\' own worlds', () => {
    expect(() => headlineByBrand({ ...result, assumptions: [{ ...result.assumptions[0], default: 3 }] })).toThrow(/default/);
  });
});
