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

export const SMALL_SAMPLE = 50;

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
 * What "reach" means for the file, in plain words: the report's score when there is engagement,
 * else the reach column alone, with what its proxy counts (`proxy`: from the column's name).
 */
export function reachMeaningOf(engagement: boolean, proxy: ReachProxy | null = 'followers'): string {
  const what = proxy === 'followers' || proxy === null ? 'followers' : proxy;
  if (engagement) return `Reach here is the report's score without its reactor term: ln(1 + ${what}) + 0.5 × ln(1 + engagement per post). It ranks accounts as a Klout-style score with the default weights would.`;
  if (proxy === 'followers') return 'Your file has no reaction or engagement data, so "reach" here is simply audience size: accounts are ranked by followers alone. (A Klout-style score adds engagement; map an engagement column to include it.)';
  const caveat: Record<Exclude<ReachProxy, 'followers'>, string> = {
    reach: 'Reach counts the people who saw each placement, not the account\'s audience: it grows with what was spent on the placement as well as with the account\'s popularity.',
    impressions: 'Impressions count how often each placement was shown, not how many people follow the account: they grow with what was spent as well as with popularity, and one person can count many times.',
    views: 'Views count plays of each post or video, not the account\'s audience.',
  };
  return `Your file has no reaction or engagement data, so "reach" here is simply ${proxy ?? 'the column you chose'}: accounts are ranked by it alone. ${proxy ? caveat[proxy] : ''} (A Klout-style score adds engagement; map an engagement column to include it.)`.replace('  ', ' ');
}

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

  if (n < SMALL_SAMPLE) warnings.push(`Only ${n} ${n === 1 ? 'row has' : 'rows have'} both reach and conversions. With fewer than ${SMALL_SAMPLE} accounts the interval is wide and one account can swing the result: read the numbers as a first look, not a verdict.`);
  warnings.push('Selection bias: your file holds only the accounts you chose to hire. If you picked them by reach, the big accounts that would not have sold are not here to show it, and reach can look better (or worse) than it would over all the accounts you could have hired.');
  if (y.every((v) => v === 0)) warnings.push('Every conversion count is 0: there is nothing to rank, so the correlation and the gain curve are not defined.');
  const dropped = p.rows - n;
  if (dropped > 0) warnings.push(`${dropped.toLocaleString('en-US')} ${dropped === 1 ? 'row is' : 'rows are'} left out because reach or conversions is blank.`);

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
