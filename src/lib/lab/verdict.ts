/**
 * "Is it rigged?": the headline comparison of a world, per brand, from the scoreboard figure's
 * rows: does the reach score rank each brand’s outcome in its placements best (its purchases, or the people who recall the post), or relevance × trust
 * (relevance alone, or fit = relevance × trust × reach)? And the honest-instrument rule
 * (SCIENCE.md §3): in a world where relevance has no effect, reach must rank at least as well.
 */

export type Contender = 'reach' | 'relevance' | 'fit';

export interface BrandVerdict {
  slug: string;
  brand: string;
  rho: Record<Contender, number>;
  /** The contender with the highest ρ; a tie goes to reach ("at least as good"). NaN never wins. */
  best: Contender;
}

export interface Verdict {
  brands: BrandVerdict[];
  wins: Record<Contender, number>;
  /** With relevance's effect at 0: whether reach ranks at least as well as relevance and fit for every brand; null when relevance is on. */
  honest: null | { pass: boolean; failures: string[] };
}

/** Which contender a scoreboard row's score id is (other scores, such as kred, are not part of the headline). */
export function contenderOf(score: string): Contender | null {
  return score === 'reach' || score === 'relevance' || score === 'fit' ? score : null;
}

const ORDER: Contender[] = ['reach', 'fit', 'relevance'];

/** The verdict of a world from the scoreboard's rows and the relevance effect it was simulated with (the larger of the click and purchase effects: 0 means relevance is off). */
export function verdict(rows: readonly { brand: string; slug: string; score: string; rho: number }[], relevanceEffect: number): Verdict {
  const bySlug = new Map<string, BrandVerdict>();
  for (const r of rows) {
    const c = contenderOf(r.score);
    if (!c) continue;
    const v = bySlug.get(r.slug) ?? bySlug.set(r.slug, { slug: r.slug, brand: r.brand, rho: { reach: NaN, relevance: NaN, fit: NaN }, best: 'reach' }).get(r.slug)!;
    v.rho[c] = r.rho;
  }
  const wins: Record<Contender, number> = { reach: 0, relevance: 0, fit: 0 };
  const failures: string[] = [];
  for (const v of bySlug.values()) {
    let best: Contender = 'reach';
    for (const c of ORDER) if (v.rho[c] > v.rho[best] || (!(v.rho[best] === v.rho[best]) && v.rho[c] === v.rho[c])) best = c;
    v.best = best;
    wins[best]++;
    const reach = v.rho.reach;
    if (!(reach >= v.rho.fit && reach >= v.rho.relevance)) failures.push(v.brand);
  }
  return { brands: [...bySlug.values()], wins, honest: relevanceEffect === 0 ? { pass: failures.length === 0, failures } : null };
}

export const CONTENDER_LABEL: Record<Contender, string> = {
  reach: 'Reach score',
  relevance: 'Relevance alone',
  fit: 'Relevance × trust × reach',
};
