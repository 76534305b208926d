/**
 * The sweep's result: per assumption and brand, each swept point's mean paired difference
 * ρ(fit) − ρ(reach) over the seeds with its 95% interval, the budget test's purchases per dollar
 * by fit and by reach (and their paired difference), and where each difference changes sign.
 */
import type { WorldParams } from '../../../data/sim/params.ts';
import { breakEvens, type BreakEven } from '../stats/breakEven.ts';
import { meanInterval } from '../stats/meanInterval.ts';
import type { Assumption } from './assumptions.ts';
import { defaultOf } from './point.ts';
import type { BrandPoint } from './seed.ts';

export interface Interval {
  mean: number;
  lo: number;
  hi: number;
}

export interface CurvePoint {
  x: number;
  /** ρ(fit) − ρ(reach), paired within each seed's world. */
  diff: Interval;
  rhoFit: number;
  rhoReach: number;
  /** Purchases per $1,000 spent, by fit and by reach, and fit − reach paired within each world. */
  perThousandFit: number;
  perThousandReach: number;
  perThousandDiff: Interval;
}

export interface Curve {
  key: string;
  brand: string;
  points: CurvePoint[];
  /** Where ρ(fit) − ρ(reach) changes sign (empty: no flip within the range). */
  flips: BreakEven[];
  /** Where fit's and reach's purchases per dollar change order. */
  perDollarFlips: BreakEven[];
}

export interface SweepResult {
  seeds: number[];
  budget: number;
  /** Size of the worlds a 'world'-stage assumption is swept on. */
  small: { accounts: number; placementsPerBrand: number };
  brands: { slug: string; name: string }[];
  assumptions: (Assumption & { default: number })[];
  curves: Curve[];
}

/** One seed's judging at one grid point (`index` into the assumption's grid) of one assumption. */
export interface Measured {
  key: string;
  seed: number;
  index: number;
  brands: BrandPoint[];
}

const mean = (xs: number[]) => meanInterval(xs).mean;

export function summarize(
  config: { seeds: number[]; budget: number; small: SweepResult['small']; assumptions: readonly Assumption[] },
  params: WorldParams,
  brands: SweepResult['brands'],
  measured: Measured[],
): SweepResult {
  const curves: Curve[] = [];
  for (const a of config.assumptions) {
    const mine = measured.filter((m) => m.key === a.key);
    brands.forEach((brand, b) => {
      const points = a.grid.map((x, index) => {
        const at = mine.filter((m) => m.index === index).map((m) => m.brands[b]);
        const thousand = (v: number) => 1000 * v;
        return {
          x,
          diff: strip(meanInterval(at.map((p) => p.rhoFit - p.rhoReach))),
          rhoFit: mean(at.map((p) => p.rhoFit)),
          rhoReach: mean(at.map((p) => p.rhoReach)),
          perThousandFit: thousand(mean(at.map((p) => p.perDollarFit))),
          perThousandReach: thousand(mean(at.map((p) => p.perDollarReach))),
          perThousandDiff: strip(meanInterval(at.map((p) => thousand(p.perDollarFit - p.perDollarReach)))),
        };
      });
      curves.push({
        key: a.key,
        brand: brand.slug,
        points,
        flips: breakEvens(points.map((p) => ({ x: p.x, ...p.diff }))),
        perDollarFlips: breakEvens(points.map((p) => ({ x: p.x, ...p.perThousandDiff }))),
      });
    });
  }
  return {
    seeds: config.seeds,
    budget: config.budget,
    small: config.small,
    brands,
    assumptions: config.assumptions.map((a) => ({ ...a, default: defaultOf(a, params) })),
    curves,
  };
}

const strip = ({ mean, lo, hi }: Interval): Interval => ({ mean, lo, hi });
