/**
 * The report's test, run on a user's campaign: does ranking accounts by reach find the ones that
 * sold? Spearman's rho of reach against conversions with a bootstrap interval, the gain curve
 * (reach vs the oracle vs random), the budget test, and relevance where topics are given.
 */
import { spearman } from '../stats/spearman.ts';
import { bootstrapInterval, type Interval } from '../stats/bootstrap.ts';
import { captureAt, gainCurve, oracleGain } from '../stats/gainCurve.ts';
import { budgetTest, randomBudgetTest, type BudgetResult } from '../stats/budgetTest.ts';
import { orderBy } from '../stats/orderBy.ts';
import { thinCurve } from '../stats/thinCurve.ts';
import { relevance } from '../scoring/relevance.ts';
import type { TopicHierarchy } from '../scoring/hierarchy.ts';
import type { Prepared } from './prepare.ts';
import { splitTopics } from './prepare.ts';
import type { ReachProxy } from './mapping.ts';
import { reachMeaningOf, warningsFor } from './readings.ts';

export { reachMeaningOf, SMALL_SAMPLE } from './readings.ts';

export interface Analysis {
  rows: number;
  /** Rows with both a reach and a conversions value (the ones every statistic uses). */
  used: number;
  reachMeaning: string;
  rho: Interval;
  share: number;
  capture: { reach: number; oracle: number; relevance?: number };
  curves: { name: 'reach' | 'oracle' | 'random' | 'relevance'; points: { share: number; gain: number }[] }[];
  budget?: { budget: number; reach: BudgetResult; oracle: BudgetResult; random: BudgetResult };
  relevance?: { rho: Interval; brandTopics: string[] };
  warnings: string[];
}

const flat: TopicHierarchy = { parentsOf: () => [] };

/** The reach score of a user's rows: ln(1 + followers), plus 0.5 × ln(1 + engagement) when there is engagement (the report's default weights). */
export function reachScore(p: Prepared): Float64Array {
  const out = new Float64Array(p.rows);
  for (let i = 0; i < p.rows; i++) out[i] = Math.log1p(p.reach[i]) + (p.engagement ? 0.5 * Math.log1p(p.engagement[i]) : 0);
  return out;
}

/** Keep rows where the given columns are all finite. */
function keep(p: Prepared, columns: (Float64Array | null)[]): number[] {
  const idx: number[] = [];
  for (let i = 0; i < p.rows; i++) if (columns.every((c) => !c || Number.isFinite(c[i]))) idx.push(i);
  return idx;
}
const pick = (a: Float64Array, idx: number[]) => Float64Array.from(idx, (i) => a[i]);

/**
 * Topics as the page's SQL compares them (src/sql/byod/relevance.sql): each word keyed by the Klout
 * topic it matches (`key`), and the ontology whose ancestors count with RELEVANCE_DECAY per level.
 * Without it, words are compared as written, with no hierarchy.
 */
export interface TopicOntology {
  key: (word: string) => string;
  hierarchy: TopicHierarchy;
}

/**
 * Run the analysis in TypeScript; `brandTopics` (free text) turns on relevance when the file has
 * topics. The page runs it as SQL (src/sql/byod/): this is the independent computation the SQL
 * tests hold the page's numbers to.
 */
export function analyse(p: Prepared, { brandTopics = '', share = 0.2, seed = 1, proxy = 'followers', ontology }: { brandTopics?: string; share?: number; seed?: number; proxy?: ReachProxy | null; ontology?: TopicOntology } = {}): Analysis {
  const warnings: string[] = [];
  const score = reachScore(p);
  const idx = keep(p, [score, p.conversions]);
  const x = pick(score, idx);
  const y = pick(p.conversions, idx);
  const n = idx.length;
  const samples = Math.max(100, Math.min(1000, Math.floor(2e7 / Math.max(1, n))));
  const rho = bootstrapInterval(x, y, spearman, { samples, seed });
  const reachCurve = gainCurve(x, y);
  const oracle = oracleGain(y);
  const curves: Analysis['curves'] = [
    { name: 'oracle', points: thinCurve(oracle, 400) },
    { name: 'reach', points: thinCurve(reachCurve, 400) },
    { name: 'random', points: [{ share: 0, gain: 0 }, { share: 1, gain: 1 }] },
  ];
  const capture: Analysis['capture'] = { reach: captureAt(reachCurve, share), oracle: captureAt(oracle, share) };

  warnings.push(...warningsFor({ used: n, rows: p.rows, allZero: y.every((v) => v === 0) }));

  const reachMeaning = reachMeaningOf(Boolean(p.engagement), proxy);

  let budget: Analysis['budget'];
  if (p.cost) {
    const bi = keep(p, [score, p.conversions, p.cost]);
    const cost = pick(p.cost, bi);
    const conv = pick(p.conversions, bi);
    const rev = p.revenue ? Float64Array.from(bi, (i) => (Number.isFinite(p.revenue![i]) ? p.revenue![i] : 0)) : new Float64Array(bi.length);
    const total = cost.reduce((a, b) => a + b, 0);
    const amount = Math.round(total * 0.25 * 100) / 100;
    if (bi.length > 0 && total > 0) {
      const perDollar = Float64Array.from(conv, (c, k) => (cost[k] > 0 ? c / cost[k] : c > 0 ? Infinity : 0));
      const items = { cost, conversions: conv, revenue: rev };
      budget = {
        budget: amount,
        reach: budgetTest({ ...items, order: orderBy(pick(score, bi)) }, amount),
        oracle: budgetTest({ ...items, order: orderBy(perDollar) }, amount),
        random: randomBudgetTest(items, amount, { runs: 200, seed }),
      };
    }
  }

  let rel: Analysis['relevance'];
  const brand = splitTopics(brandTopics);
  if (p.topics && brand.length) {
    const key = ontology?.key ?? ((w: string) => w);
    const vector = (words: string[]) => new Map(words.map((t) => [key(t), 1]));
    const brandVector = vector(brand);
    const r = new Float64Array(p.rows);
    const options = ontology ? {} : { decay: 0 };
    for (let i = 0; i < p.rows; i++) r[i] = relevance(vector(p.topics[i]), brandVector, ontology?.hierarchy ?? flat, options);
    const rx = pick(r, idx);
    rel = { rho: bootstrapInterval(rx, y, spearman, { samples, seed }), brandTopics: brand };
    const relCurve = gainCurve(rx, y);
    curves.push({ name: 'relevance', points: thinCurve(relCurve, 400) });
    capture.relevance = captureAt(relCurve, share);
  }
  return { rows: p.rows, used: n, reachMeaning, rho, share, capture, curves, budget, relevance: rel, warnings };
}
