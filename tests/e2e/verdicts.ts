/**
 * The verdicts the prose states, re-derived here from the numbers a figure's data table shows
 * (written out independently of src/lib/figures/verdict.ts), so a test can check that each
 * phrase on the page matches the figure beside it. Table numbers are rounded: where a decision
 * sits within rounding of its threshold, every phrase either side is accepted.
 */
import type { Page } from 'playwright-core';
import { BRANDS } from '../../data/sim/catalog.ts';

/** What a brand (by name, or by slug) is judged on, in the words its verdicts use: its goal's outcome. */
export const outcomeOf = (brand: string): string => (BRANDS.find((b) => b.name === brand || b.slug === brand)?.goal === 'awareness' ? 'people who recall the post' : 'purchases');

/** The live spans under `selector` whose key starts `prefix`, as [key, text]. */
export const liveEntries = (page: Page, selector: string, prefix: string): Promise<[string, string][]> =>
  page.locator(`${selector} .live[data-live^="${prefix}"]`).evaluateAll((spans) => spans.map((s) => [s.getAttribute('data-live') ?? '', s.textContent ?? ''] as [string, string]));

/** "−0.01" → -0.01, "$1,200" → 1200, "49%" → 49, "–" → NaN. */
export const parse = (text: string): number => {
  const t = text.trim().replaceAll('−', '-').replace(/[$,%×]/g, '');
  return t === '–' || t === '' ? NaN : Number(t);
};

/** A figure's data-table rows as text. */
export const tableRows = (page: Page, figure: string): Promise<string[][]> =>
  page.locator(`#fig-${figure} details.table tbody tr`).evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent ?? '')));

/** The text of every live span with a key, by key (the first, when a key appears more than once). */
export const liveTexts = (page: Page): Promise<Record<string, string>> =>
  page.locator('[data-live]').evaluateAll((spans) => {
    const out: Record<string, string> = {};
    for (const s of spans) out[s.getAttribute('data-live')!] ??= s.textContent ?? '';
    return out;
  });

const interval = (text: string) => {
  const [lo, hi] = text.split(' to ').map(parse);
  return { lo, hi };
};

/** Within rounding (of two decimals) of a tie: both outcomes are acceptable. */
const near = (a: number, b: number, tolerance = 0.01) => Math.abs(a - b) <= tolerance;

/** Fit against reach for one brand, from the scoreboard's rows (Brand, Score, ρ, interval): the phrases that fit the numbers. */
export function fitVsReach(rows: string[][], brand: string): string[] {
  const row = (score: RegExp) => rows.find((r) => r[0] === brand && score.test(r[1]));
  const outcome = outcomeOf(brand);
  const fitWins = `fit ranks ${outcome} better than the reach score`;
  const reachWins = `the reach score ranks ${outcome} better than fit`;
  const out: string[] = [];
  // The paired difference on the same resamples decides when the table has it.
  const paired = row(/^Fit − reach score \(paired difference\)/);
  if (paired) {
    const d = interval(paired[3]);
    if (d.lo > 0 || near(d.lo, 0)) out.push(fitWins);
    if (d.hi < 0 || near(d.hi, 0)) out.push(reachWins);
    if (!(d.lo > 0) && !(d.hi < 0)) out.push(`fit and the reach score rank ${outcome} about equally (the interval of the difference includes zero)`);
    return out;
  }
  const fit = interval(row(/^Fit \(/)![3]);
  const reach = interval(row(/^Reach score/)![3]);
  const tie = `fit and the reach score rank ${outcome} about equally (their intervals overlap)`;
  if (fit.lo > reach.hi || near(fit.lo, reach.hi)) out.push(fitWins);
  if (reach.lo > fit.hi || near(reach.lo, fit.hi)) out.push(reachWins);
  if (!(fit.lo > reach.hi) && !(reach.lo > fit.hi)) out.push(tie);
  if (near(fit.lo, reach.hi) || near(reach.lo, fit.hi)) out.push(tie);
  return out;
}

/** How well the reach score ranks one brand's outcome, from the score-sell rows (Brand, Placements, ρ, interval, capture). */
export function sellStrength(rows: string[][], brand: string): string[] {
  const r = rows.find((x) => x[0] === brand)!;
  const rho = parse(r[2]);
  const { lo, hi } = interval(r[3]);
  const out = new Set<string>();
  const say = (s: string) => out.add(`ranks ${outcomeOf(brand)} ${s}`);
  if (hi < 0 || near(hi, 0)) say('worse than chance');
  if (lo <= 0 && hi >= 0) say('no better than chance');
  if (near(lo, 0) || near(hi, 0)) say('no better than chance');
  if (lo > 0 || near(lo, 0)) {
    if (rho < 0.3 || near(rho, 0.3)) say('only a little better than chance');
    if ((rho >= 0.3 && rho < 0.5) || near(rho, 0.3) || near(rho, 0.5)) say('moderately well');
    if (rho >= 0.5 || near(rho, 0.5)) say('well');
  }
  return [...out];
}

/**
 * Fit against reach per dollar, from the budget rows (Ranking, Accounts hired, Spent, Conversions,
 * Revenue, ROI) of a brand judged on `outcome`: outcomes are counts, so the difference of two rates
 * is called beyond 1.96 Poisson standard errors.
 */
export function budgetVerdicts(rows: string[][], a: RegExp, aName: string, b: RegExp, bName: string, outcome = 'purchases'): string[] {
  const of = (re: RegExp) => {
    const r = rows.find((x) => re.test(x[0]))!;
    return { spent: parse(r[2]), count: parse(r[3]) };
  };
  const [x, y] = [of(a), of(b)];
  if (x.count === 0 && y.count === 0) return [`neither ${aName} nor ${bName} buys any ${outcome}`];
  const rate = (s: { spent: number; count: number }) => (s.spent > 0 ? s.count / s.spent : 0);
  const se = Math.sqrt((x.spent > 0 ? x.count / x.spent ** 2 : 0) + (y.spent > 0 ? y.count / y.spent ** 2 : 0));
  const z = (rate(x) - rate(y)) / se;
  const out: string[] = [];
  // Counts and dollars in the table are rounded to integers: allow a little either side of the threshold.
  if (z > 1.8) out.push(`${aName} buys more ${outcome} per dollar than ${bName}`);
  if (z < -1.8) out.push(`${bName} buys more ${outcome} per dollar than ${aName}`);
  if (Math.abs(z) < 2.1) out.push(`${aName} and ${bName} buy about as many ${outcome} per dollar (the difference is within the noise of the draws)`);
  return out;
}

/** Which of the two celebrity accounts brings more per dollar, from the celebrity rows (Account, Followers, Score, Fee, Expected, Per $1,000): the phrase's start. */
export function celebrityLeader(rows: string[][]): string {
  // The hand-made accounts' rows (their handles); the typical drawn accounts beside them are not in the verdict.
  const [star, teacher] = rows.filter((r) => r[0].startsWith('@')).map((r) => parse(r[4]) / parse(r[3]));
  const ratio = teacher / star;
  return ratio >= 1.05 ? 'the yoga teacher brings' : ratio <= 1 / 1.05 ? 'the pop star brings' : 'the yoga teacher and the pop star bring about the same';
}

/** A grouped verdict ("for A and B, v1; for C, v2") as brand → verdict. */
export function ungroup(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of text.split('; ')) {
    const m = /^for (.+?), ((?:fit|the reach score) .*)$/.exec(part);
    if (!m) throw new Error(`not a grouped verdict: ${part}`);
    for (const brand of m[1].split(/, | and /)) out[brand] = m[2];
  }
  return out;
}

/**
 * Where a page says "purchase" of a brand judged on something else. Prose (paragraphs, list items,
 * captions, headings, definitions, labels) is cut into sentences and at semicolons (grouped
 * verdicts put one group of brands per clause): a clause that names the brand must not say it.
 * In a table, a row that names the brand must not say it in any cell, except in the columns that
 * name the swept lever itself (Assumption, Source: "Relevance effect on purchases" is a parameter).
 */
export async function purchasesSaidOf(page: Page, names: string[]): Promise<string[]> {
  const prose = await page
    .locator('p, li, caption, figcaption, h1, h2, h3, h4, dt, dd, summary, label')
    .evaluateAll((els) => els.map((e) => (e.textContent ?? '').replace(/\s+/g, ' ')));
  const rows = await page.locator('tr').evaluateAll((trs) =>
    trs.map((tr) => {
      const head = [...(tr.closest('table')?.querySelectorAll('thead th') ?? [])].map((th) => th.textContent?.trim() ?? '');
      return [...tr.children].map((cell, j) => ({ head: head[j] ?? '', text: (cell.textContent ?? '').replace(/\s+/g, ' ').trim() }));
    }),
  );
  const out = new Set<string>();
  const names_ = (t: string) => names.some((n) => t.includes(n));
  for (const unit of prose) for (const clause of unit.split(/(?<=[.!?])\s+|;/)) if (names_(clause) && /purchas/i.test(clause)) out.add(clause.trim());
  for (const cells of rows) {
    if (!cells.some((c) => names_(c.text))) continue;
    for (const c of cells) if (!/^(Assumption|Source)$/.test(c.head) && /purchas/i.test(c.text)) out.add(`${c.head}: ${c.text}`);
  }
  return [...out];
}
