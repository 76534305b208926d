/**
 * What the break-even figure shows of a sweep result, shared by the report (pre-rendered) and the
 * lab: the chart's series for one assumption and measure, and the table of break-even values.
 */
import type { BreakEvenAxis, BreakEvenSeries } from '../charts/breakEven.ts';
import type { BreakEven } from '../stats/breakEven.ts';
import type { Curve, CurvePoint, SweepResult } from './summary.ts';
import { brandOutcome, comparePerDollar, compareRankings, outcomesInWords } from '../figures/verdict.ts';

/** "each brand’s outcome (purchases; people who recall the post for Tuneloop)". */
export const eachOutcome = (r: SweepResult) => outcomesInWords(r.brands);

export type Measure = 'rho' | 'perDollar';

export const MEASURE_LABEL: Record<Measure, string> = {
  rho: 'ρ(fit) − ρ(reach)',
  perDollar: 'outcome per $1,000, fit − reach',
};

const brandName = (r: SweepResult, slug: string) => r.brands.find((b) => b.slug === slug)?.name ?? slug;

/** The chart's series and axis for one assumption of the result. */
export function breakEvenSeries(r: SweepResult, key: string, measure: Measure): { series: BreakEvenSeries[]; axis: BreakEvenAxis } {
  const a = r.assumptions.find((x) => x.key === key);
  if (!a) throw new RangeError(`the sweep has no assumption ${key}`);
  const curves = r.curves.filter((c) => c.key === key);
  return {
    axis: { label: a.label, default: a.default, measure: MEASURE_LABEL[measure] },
    series: curves.map((c) => ({
      brand: brandName(r, c.brand),
      points: c.points.map((p) => ({ x: p.x, ...(measure === 'rho' ? p.diff : p.perThousandDiff) })),
      flips: (measure === 'rho' ? c.flips : c.perDollarFlips).map((f) => f.x),
    })),
  };
}

/** A swept value as the table shows it. */
export function value(v: number): string {
  return (Math.abs(v) >= 100 ? String(Math.round(v)) : String(Number(v.toPrecision(2)))).replace('-', '−');
}

/** "2.4 (fit wins above)" / "no flip within the range", for one list of break-evens. */
export function flipText(flips: BreakEven[]): string {
  if (flips.length === 0) return 'no flip within the range';
  return flips.map((f) => `${value(f.x)} (fit wins ${f.direction === 'up' ? 'above' : 'below'}${f.clear ? '' : '; within the noise'})`).join('; ');
}

export interface BreakEvenRow {
  /** The assumption's key (`assumption` is its label). */
  key: string;
  assumption: string;
  source: string;
  stage: string;
  default: string;
  range: string;
  brand: string;
  /** At the grid point nearest the default: the verdict on ρ, with ρ(fit) − ρ(reach) and its interval. */
  atDefault: string;
  /** The same for purchases per dollar in the budget test. */
  perDollarAtDefault: string;
  flips: string;
  perDollarFlips: string;
}

const nearest = (c: Curve, x: number) => c.points.reduce((best, p) => (Math.abs(p.x - x) < Math.abs(best.x - x) ? p : best), c.points[0]);
const signed = (v: number, digits = 2) => v.toFixed(digits).replace('-', '−');

/**
 * Fit against the reach score at one swept point, in the brand's outcome: the verdict on ρ, the
 * paired difference "0.30 (0.25 to 0.35)", and the per-dollar verdict with its difference per $1,000.
 */
function verdictsAt(p: CurvePoint, slug: string): { rho: string; rhoDifference: string; perDollar: string } {
  const outcome = brandOutcome(slug);
  const fit = 'fit';
  const reach = 'the reach score';
  const spend = (perThousand: number) => ({ count: perThousand, spent: 1000 });
  const rho = compareRankings({ name: fit, value: { estimate: p.rhoFit, lo: NaN, hi: NaN } }, { name: reach, value: { estimate: p.rhoReach, lo: NaN, hi: NaN } }, { difference: p.diff, outcome });
  const perDollar = comparePerDollar({ name: fit, value: spend(p.perThousandFit) }, { name: reach, value: spend(p.perThousandReach) }, { difference: p.perThousandDiff, outcome });
  return {
    rho,
    rhoDifference: `${signed(p.diff.mean)} (${signed(p.diff.lo)} to ${signed(p.diff.hi)})`,
    perDollar: `${perDollar}: ${signed(p.perThousandDiff.mean, 1)} per $1,000 (${signed(p.perThousandDiff.lo, 1)} to ${signed(p.perThousandDiff.hi, 1)})`,
  };
}

/** One row per assumption and brand. */
export function breakEvenRows(r: SweepResult): BreakEvenRow[] {
  return r.assumptions.flatMap((a) =>
    r.curves
      .filter((c) => c.key === a.key)
      .map((c) => {
        const p = nearest(c, a.default);
        const v = verdictsAt(p, c.brand);
        return {
          key: a.key,
          assumption: a.label,
          source: a.source,
          stage: a.stage,
          default: `${value(a.default)}${a.mode === 'scale' ? '×' : ''}`,
          range: `${value(a.grid[0])} to ${value(a.grid[a.grid.length - 1])}${a.mode === 'scale' ? '×' : ''}`,
          brand: brandName(r, c.brand),
          atDefault: `${v.rho}: ${v.rhoDifference}`,
          perDollarAtDefault: v.perDollar,
          flips: flipText(c.flips),
          perDollarFlips: flipText(c.perDollarFlips),
        };
      }),
  );
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The table of break-even values as HTML (the report pre-renders it; the lab redraws it): a group
 * of rows per assumption, headed by the assumption with its default, range and source, then a row
 * per brand (headed by its name) with the verdicts at the default and where they flip.
 */
export function breakEvenTableHtml(r: SweepResult): string {
  const head = ['Brand', 'At the default: ρ(fit) − ρ(reach)', 'At the default: outcome per $1,000, fit − reach', 'Break-even (ρ)', 'Break-even (outcome per dollar)'];
  const groups = Map.groupBy(breakEvenRows(r), (row) => row.key);
  const body = [...groups.values()]
    .map((rows) => {
      const a = rows[0];
      const heading = `<tr><th colspan="${head.length}" scope="rowgroup"><div><b>${escape(a.assumption)}</b> (default ${escape(a.default)}, swept ${escape(a.range)})<span>Source: ${escape(a.source)}</span></div></th></tr>`;
      const brands = rows.map((row) => `<tr><th scope="row">${escape(row.brand)}</th>${[row.atDefault, row.perDollarAtDefault, row.flips, row.perDollarFlips].map((c) => `<td>${escape(c)}</td>`).join('')}</tr>`);
      return `<tbody data-assumption="${escape(a.key)}">${heading}${brands.join('')}</tbody>`;
    })
    .join('');
  const note =
    `Break-even values per brand, judged on ${eachOutcome(r)}: where ρ(fit) − ρ(reach) with the realized outcome changes sign, and where fit's and reach's outcome per dollar ` +
    `in the budget test ($${r.budget.toLocaleString('en-US')}) change order; linear interpolation between the two swept points that bracket it. ` +
    `Mean over seeds ${r.seeds[0]}–${r.seeds[r.seeds.length - 1]} with its 95% t interval; "within the noise" when an interval next to the flip includes 0.`;
  // The explanation goes above the table rather than in its caption, which would be as wide as the
  // table and, in its scrolling box, cut off at the screen's edge.
  return `<p class="table-note">${escape(note)}</p><table class="break-even-table"><caption class="sr-only">Break-even values, by assumption and brand</caption><thead><tr>${head.map((h) => `<th scope="col">${escape(h)}</th>`).join('')}</tr></thead>${body}</table>`;
}

export interface BrandHeadline {
  brand: string;
  /** At the calibrated defaults: which ranking buys more per dollar, with fit − reach per $1,000 and its interval. */
  perDollar: string;
  /** Where a swept assumption flips the per-dollar verdict, or that none does within its range. */
  perDollarFlips: string;
  /** The same for the ranking of the posts that ran (ρ). */
  rho: string;
  rhoFlips: string;
}

/**
 * "it flips with the relevance effect on clicks at 3.8 (fit wins above)", for every assumption whose
 * curve for the brand crosses zero clearly; crossings within the noise are only counted (the
 * methods chapter's table lists them); or that none does.
 */
function flipsAcross(r: SweepResult, slug: string, of: (c: Curve) => BreakEven[]): string {
  let noisy = 0;
  const parts = r.assumptions.flatMap((a) => {
    const c = r.curves.find((x) => x.key === a.key && x.brand === slug);
    const flips = c ? of(c) : [];
    noisy += flips.filter((f) => !f.clear).length;
    const clear = flips.filter((f) => f.clear);
    return clear.length ? [`${a.label.charAt(0).toLowerCase()}${a.label.slice(1)} at ${flipText(clear)}`] : [];
  });
  const said = parts.length ? `it flips with ${parts.join('; with ')}` : 'no swept assumption flips it clearly within its range';
  return noisy ? `${said} (${noisy} crossing${noisy === 1 ? '' : 's'} within the noise)` : said;
}

/**
 * The report's headline per brand, from the sweep (SCIENCE.md §7: "which score wins per dollar at
 * the calibrated defaults and where that flips"). The defaults are the base worlds themselves: the
 * grid point at the default of a stage that reuses them (every seed's own world).
 */
export function headlineByBrand(r: SweepResult): BrandHeadline[] {
  const base = r.assumptions.find((a) => a.stage !== 'world' && a.grid.includes(a.default));
  if (!base) throw new Error('the sweep has no assumption swept through its default on the seeds’ own worlds');
  return r.brands.map(({ slug, name }) => {
    const c = r.curves.find((x) => x.key === base.key && x.brand === slug)!;
    const p = c.points.find((q) => q.x === base.default)!;
    const v = verdictsAt(p, slug);
    return {
      brand: name,
      perDollar: v.perDollar,
      perDollarFlips: flipsAcross(r, slug, (x) => x.perDollarFlips),
      rho: `${v.rho}: ρ differs by ${v.rhoDifference}`,
      rhoFlips: flipsAcross(r, slug, (x) => x.flips),
    };
  });
}
