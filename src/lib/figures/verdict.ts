/**
 * Verdicts in words, computed from the numbers a figure shows: the prose's comparative claims
 * ("fit ranks purchases better than the reach score") are live text, so that they change when the
 * data or the controls do, and never say more than the uncertainty allows. Every figure that states
 * a verdict uses these functions; live keys that hold a verdict start with `verdict.`.
 */
import { times } from '../format.ts';
import { BRANDS } from '../../../data/sim/catalog.ts';

/** A statistic with its 95% interval (lo and hi NaN when none was computed, e.g. while a slider is dragged). */
export interface Estimate {
  estimate: number;
  lo: number;
  hi: number;
}

export const hasInterval = (e: { lo: number; hi: number }) => Number.isFinite(e.lo) && Number.isFinite(e.hi);

/**
 * What a brand is judged on, in words, as its goal counts it (the queries' `outcome` column):
 * purchases, or for an awareness goal the people who recall the post. Every verdict about a brand
 * names its own outcome with this.
 */
export const outcomeInWords = (goal: unknown): string => (goal === 'awareness' ? 'people who recall the post' : 'purchases');

/** The placement column a brand's goal counts (the queries' `outcome`: their CASE on the goal, where the rows carry both). */
export const outcomeColumn = (goal: unknown): 'recalled' | 'conversions' => (goal === 'awareness' ? 'recalled' : 'conversions');

/** What a brand of the catalog is judged on, in words, by its slug. */
export const brandOutcome = (slug: string): string => outcomeInWords(BRANDS.find((b) => b.slug === slug)?.goal);

/**
 * What some brands are judged on, in words: their one outcome ("purchases"), or "each brand’s
 * outcome (purchases; people who recall the post for Tuneloop)", which names the brands judged on
 * something else, one outcome per clause (so no clause that names a brand says another's outcome).
 */
export function outcomesInWords(brands: readonly { slug: string; name: string }[]): string {
  const outcomes = new Set(brands.map((b) => brandOutcome(b.slug)));
  if (outcomes.size <= 1) return [...outcomes][0] ?? 'purchases';
  const other = brands.filter((b) => brandOutcome(b.slug) !== 'purchases').map((b) => `${brandOutcome(b.slug)} for ${b.name}`);
  return `each brand’s outcome (purchases; ${other.join(', ')})`;
}

/**
 * Cohen's conventions for a correlation (Statistical Power Analysis for the Behavioral Sciences,
 * 1988): 0.1 small, 0.3 medium, 0.5 large. Below 0.3 a ranking is called "only a little better
 * than chance".
 */
export const MEDIUM_CORRELATION = 0.3;
export const LARGE_CORRELATION = 0.5;

/**
 * How well one score's ranking matches the outcome's (Spearman's ρ with its interval), as a
 * predicate: "ranks purchases well". An interval that includes zero is "no better than chance".
 */
export function rankingStrength(rho: Estimate, outcome = 'purchases'): string {
  if (!Number.isFinite(rho.estimate)) return `cannot rank ${outcome} (too few placements)`;
  const interval = hasInterval(rho);
  if (interval ? rho.hi < 0 : rho.estimate < 0) return `ranks ${outcome} worse than chance`;
  if (interval ? rho.lo <= 0 : rho.estimate === 0) return `ranks ${outcome} no better than chance`;
  if (rho.estimate < MEDIUM_CORRELATION) return `ranks ${outcome} only a little better than chance`;
  if (rho.estimate < LARGE_CORRELATION) return `ranks ${outcome} moderately well`;
  return `ranks ${outcome} well`;
}

export interface Named<T> {
  /** How the prose names it, as the subject of a sentence: "fit", "the reach score". */
  name: string;
  value: T;
}

/**
 * Which of two scores ranks the outcome better, from their Spearman ρ. With the paired interval of
 * the difference a − b (same resamples), the verdict is its sign, or "about equally" when it
 * includes zero; with only each score's own interval, one wins only when the intervals do not
 * overlap (a stricter test than the paired one, and the phrase says which was used).
 */
export function compareRankings(a: Named<Estimate>, b: Named<Estimate>, { outcome = 'purchases', difference }: { outcome?: string; difference?: { lo: number; hi: number } } = {}): string {
  const x = a.value;
  const y = b.value;
  if (!Number.isFinite(x.estimate) || !Number.isFinite(y.estimate)) return `${a.name} and ${b.name} cannot be compared (too few placements)`;
  let winner: 'a' | 'b' | 'tie';
  let reason: string;
  if (difference && hasInterval(difference)) {
    winner = difference.lo > 0 ? 'a' : difference.hi < 0 ? 'b' : 'tie';
    reason = 'the interval of the difference includes zero';
  } else if (hasInterval(x) && hasInterval(y)) {
    winner = x.lo > y.hi ? 'a' : y.lo > x.hi ? 'b' : 'tie';
    reason = 'their intervals overlap';
  } else {
    winner = x.estimate > y.estimate ? 'a' : y.estimate > x.estimate ? 'b' : 'tie';
    reason = 'the two are equal';
  }
  if (winner === 'a') return `${a.name} ranks ${outcome} better than ${b.name}`;
  if (winner === 'b') return `${b.name} ranks ${outcome} better than ${a.name}`;
  return `${a.name} and ${b.name} rank ${outcome} about equally (${reason})`;
}

/** A count of outcomes (purchases) bought with an amount of money. */
export interface Spend {
  count: number;
  spent: number;
}

/** |z| at which a difference of two rates is called (two-sided 95%). */
export const Z_95 = 1.959964;

/**
 * Which of two ways of spending buys more of the outcome per dollar. Given an interval for the
 * difference of the two rates (a − b; e.g. over seeds or bootstrap resamples), its sign decides, or
 * "about as many" when it includes zero. Otherwise realized purchases are counts, so each rate
 * count ÷ spent is treated as Poisson: the difference is called only when it exceeds 1.96 standard
 * errors, √(count_a/spent_a² + count_b/spent_b²).
 */
export function comparePerDollar(a: Named<Spend>, b: Named<Spend>, { outcome = 'purchases', difference }: { outcome?: string; difference?: { lo: number; hi: number } } = {}): string {
  const rate = (s: Spend) => (s.spent > 0 ? s.count / s.spent : 0);
  const variance = (s: Spend) => (s.spent > 0 ? Math.max(s.count, 0) / (s.spent * s.spent) : 0);
  const more = (x: Named<Spend>, y: Named<Spend>) => `${x.name} buys more ${outcome} per dollar than ${y.name}`;
  const same = (reason: string) => `${a.name} and ${b.name} buy about as many ${outcome} per dollar (${reason})`;
  if (difference && hasInterval(difference)) {
    if (difference.lo > 0) return more(a, b);
    if (difference.hi < 0) return more(b, a);
    return same('the interval of the difference includes zero');
  }
  if (!(a.value.count > 0) && !(b.value.count > 0)) return `neither ${a.name} nor ${b.name} buys any ${outcome}`;
  const z = (rate(a.value) - rate(b.value)) / Math.sqrt(variance(a.value) + variance(b.value));
  if (z > Z_95) return more(a, b);
  if (z < -Z_95) return more(b, a);
  return same('the difference is within the noise of the draws');
}

/**
 * Two exact amounts (expected values, no draw noise) as a multiple: "the yoga teacher brings 4.1×
 * the purchases per dollar of the pop star". Ratios that `times` would print as 1.0× are "about the same".
 */
export function compareAmounts(a: Named<number>, b: Named<number>, measure = 'purchases per dollar'): string {
  const [x, y] = [a.value, b.value];
  if (!(Number.isFinite(x) && Number.isFinite(y)) || x < 0 || y < 0 || (x === 0 && y === 0)) return `${a.name} and ${b.name} cannot be compared`;
  const [high, low, ratio] = x >= y ? [a, b, x / y] : [b, a, y / x];
  if (ratio < 1.05) return `${a.name} and ${b.name} bring about the same ${measure}`;
  if (!Number.isFinite(ratio)) return `${high.name} brings ${measure} and ${low.name} none`;
  return `${high.name} brings ${times(ratio)} the ${measure} of ${low.name}`;
}

/** How much of a variable's variance another explains (R²), in one word: "mostly" above half, "partly" above a tenth, else "hardly". */
export function shareInWords(r2: number): string {
  if (!Number.isFinite(r2)) return 'cannot be said to';
  return r2 > 0.5 ? 'mostly' : r2 > 0.1 ? 'partly' : 'hardly';
}

/** "A", "A and B", "A, B and C". */
export const listInWords = (items: string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

/**
 * One verdict per subject, grouped so that each verdict is said once, in the order the subjects
 * come: "for A and C, fit ranks purchases better than the reach score; for B, …".
 */
export function verdictsBySubject(items: { subject: string; verdict: string }[]): string {
  const groups = new Map<string, string[]>();
  for (const { subject, verdict } of items) (groups.get(verdict) ?? groups.set(verdict, []).get(verdict)!).push(subject);
  return [...groups].map(([verdict, subjects]) => `for ${listInWords(subjects)}, ${verdict}`).join('; ');
}
