/**
 * The calibration as HTML text, the same at build time (the data page, the lab's published world)
 * and in the lab after a regeneration: the sources' group comparisons simulated beside the
 * published ranges, and the world's realized levels beside the figures cited for them. Computed
 * from a world by data/sim/calibration.ts, never typed in. Every text is escaped.
 */
import { PUBLISHED, MATCHED_FIT, type Calibration } from '../../../data/sim/calibration.ts';
import { BEICHERT_REVENUE_PER_FOLLOWER } from '../../../data/sim/params.ts';
import { formatNumber, percent, times, usd } from '../format.ts';

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** JSON turns NaN into null: read both as "not defined". */
const num = (v: number | null | undefined): number => (typeof v === 'number' ? v : NaN);
const inside = (v: number, min: number, max: number) => Number.isFinite(v) && v >= min && v <= max;
const mark = (v: number, min: number, max: number) =>
  `<td class="num" data-inside="${inside(v, min, max)}">${esc(times(v))}${inside(v, min, max) ? '' : '<span class="visually-hidden"> (outside the published range)</span>'}</td>`;
const dollars = (v: number) => formatNumber(v, v < 0.1 ? '$.3f' : '$.2f');
const range = (r: { min: number; max: number }) => (r.min <= 1 ? `up to ${times(r.max)}` : `${times(r.min)}–${times(r.max)}`);

/** Simulated vs published: per brand, the matched people's lifts, and the ROI of a typical placement. */
export function liftTableHtml(c: Calibration, caption = 'The sources’ comparisons, simulated'): string {
  const { ctrLift, perClickLift } = PUBLISHED;
  const rows = c.brands
    .map(
      (b) =>
        `<tr data-brand="${esc(b.brand)}"><th scope="row">${esc(b.name)}${b.goal === 'awareness' ? ' <span class="goal">(awareness)</span>' : ''}</th>` +
        `<td class="num">${esc(percent(num(b.matchedShare), 1))}</td>${mark(num(b.ctrLift), ctrLift.min, ctrLift.max)}${mark(num(b.perClickLift), perClickLift.min, perClickLift.max)}` +
        `<td class="num">${esc(times(num(b.perImpressionLift)))}</td><td class="num">${esc(percent(num(b.typicalRoi)))}</td></tr>`,
    )
    .join('');
  const mean = `<tr class="total"><th scope="row">Mean over brands</th><td></td>${mark(num(c.mean.ctrLift), ctrLift.min, ctrLift.max)}${mark(num(c.mean.perClickLift), perClickLift.min, perClickLift.max)}<td class="num">${esc(times(num(c.mean.perImpressionLift)))}</td><td></td></tr>`;
  const published = `<tr class="published"><th scope="row">Published</th><td></td><td class="num">${esc(range(ctrLift))}</td><td class="num">${esc(range(perClickLift))}</td><td class="num">lower than per click</td><td></td></tr>`;
  return `<div class="scroll"><table class="calibration-lifts" data-calibration="lifts">
<caption>${esc(caption)}: matched people (fit ≥ ${MATCHED_FIT}) against everyone the brand's sponsored posts reached</caption>
<thead><tr><th scope="col">Brand</th><th scope="col">Matched share</th><th scope="col">Clicks per impression, matched ÷ all (Yan et al.)</th><th scope="col">Purchases per click, matched ÷ all (MediaPost)</th><th scope="col">Purchases per impression, matched ÷ all</th><th scope="col">ROI of the median placement, on margin</th></tr></thead>
<tbody>${rows}${mean}${published}</tbody></table></div>`;
}

/** Realized levels beside the cited figures, each said to measure the same thing or not. */
export function levelsTableHtml(c: Calibration): string {
  const l = c.levels;
  const fee = (t: string) => usd(num(l.medianFee[t as keyof typeof l.medianFee]));
  const b = BEICHERT_REVENUE_PER_FOLLOWER.usd;
  const rows: [string, string, string, string][] = [
    [
      'Clicks per impression of a sponsored post',
      percent(num(l.clickRate), 2),
      '0.018% (Facebook paid ads, a public 1,143-ad campaign dataset)',
      'Not the same thing (paid ads, not sponsored posts): assumption. baseClickRate, the clicks of a fully matching audience, is a ceiling, not this rate.',
    ],
    [
      'Purchases per click',
      percent(num(l.purchasesPerClick), 1),
      '≈ 3% approved conversions per click (same dataset)',
      'Not the same thing (paid ads, leads approved): assumption.',
    ],
    [
      'Revenue per follower of a sponsored post, nano / macro',
      `${dollars(num(l.revenuePerFollower.nano))} / ${dollars(num(l.revenuePerFollower.macro))} (${times(num(l.revenuePerFollower.nano) / num(l.revenuePerFollower.macro))})`,
      `${dollars(b.nano)} / ${dollars(b.macro)} (${times(b.nano / b.macro)}; ${BEICHERT_REVENUE_PER_FOLLOWER.source}, €0.265 / €0.049)`,
      'The same thing. The level depends on the brands’ prices, which are ours.',
    ],
    [
      'Median fee of one post: nano / micro / macro',
      `${fee('nano')} / ${fee('micro')} / ${fee('macro')}`,
      'nano $10–100, micro $100–500, macro $5k–10k (pricing guides, secondary)',
      'The same thing.',
    ],
    ['Median fee per follower', dollars(num(l.medianFeePerFollower)), '≈ $0.01 per follower (pricing guides, secondary)', 'The same thing; small accounts’ fixed fee raises the median.'],
    [
      'Genuine share of influencers’ followers (all accounts; median account)',
      `${percent(num(l.realFollowerShare))}; ${percent(num(l.medianRealShare))}`,
      '≈ 55% of all Instagram accounts are real people (industry reports 2021, secondary)',
      'Not the same thing (all accounts, not an influencer’s followers): assumption.',
    ],
  ];
  return `<div class="scroll reference"><table class="calibration-levels" data-calibration="levels">
<caption>The simulated world's realized levels beside the figures cited for them</caption>
<thead><tr><th scope="col">Quantity</th><th scope="col" class="num">Simulated (realized)</th><th scope="col">Cited</th><th scope="col">Like for like?</th></tr></thead>
<tbody>${rows.map((r) => `<tr><th scope="row">${esc(r[0])}</th><td class="num">${esc(r[1])}</td><td>${esc(r[2])}</td><td>${esc(r[3])}</td></tr>`).join('')}</tbody></table></div>`;
}
