/**
 * The "Is it rigged?" panel as HTML text, the same at build time (Astro) and in the page: the
 * headline comparison, a row per brand, and the honest-instrument check. Every text is escaped.
 */
import type { Contender, Verdict } from './verdict.ts';
import { fixed } from '../format.ts';
import { listInWords as list, outcomesInWords } from '../figures/verdict.ts';

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** What the brands are judged on (outcomesInWords). */
const outcomes = (brands: Verdict['brands']) => outcomesInWords(brands.map((b) => ({ slug: b.slug, name: b.brand })));

/** The headline sentence: which brands each side wins, on what each brand is judged on (purchases; for Tuneloop, people who recall the post). */
export function headline(v: Verdict): string {
  const reach = v.brands.filter((b) => b.best === 'reach');
  const other = v.brands.filter((b) => b.best !== 'reach');
  const names = (brands: Verdict['brands']) => list(brands.map((b) => b.brand));
  const n = v.brands.length;
  if (other.length === 0) return `In this world the reach score ranks ${outcomes(reach)} best for all ${n} brands.`;
  if (reach.length === 0) return `In this world relevance × trust ranks ${outcomes(other)} better than the reach score for all ${n} brands.`;
  const [byReach, byOther] = [outcomes(reach), outcomes(other)];
  return `In this world the reach score ranks ${byReach} best for ${reach.length} of ${n} brands (${names(reach)}); relevance × trust ranks ${byOther === byReach ? 'them' : byOther} better for ${other.length} (${names(other)}).`;
}

export function verdictHtml(v: Verdict): string {
  const cell = (b: Verdict['brands'][number], c: Contender) =>
    `<td class="num${b.best === c ? ' best' : ''}">${esc(fixed(b.rho[c]))}${b.best === c ? '<span class="visually-hidden"> (best)</span>' : ''}</td>`;
  const rows = v.brands
    .map(
      (b) =>
        `<tr data-brand="${esc(b.slug)}" data-best="${b.best}"><th scope="row">${esc(b.brand)}</th>${cell(b, 'reach')}${cell(b, 'relevance')}${cell(b, 'fit')}</tr>`,
    )
    .join('');
  const check =
    v.honest === null
      ? `<p class="lab-check" data-honest="off">The rule the simulator must pass: <strong>in a world where relevance has no effect, the reach score must rank each brand’s outcome at least as well as relevance × trust.</strong> Relevance is on in this world, so the rule does not apply yet. <button type="button" data-preset="relevance-off">Check it: switch relevance off and regenerate</button></p>`
      : v.honest.pass
        ? `<p class="lab-check pass" data-honest="pass"><span aria-hidden="true">✓ </span><strong>The honest-instrument check passes.</strong> Relevance has no effect in this world, and the reach score ranks each brand’s outcome at least as well as relevance alone and as relevance × trust × reach, for every brand.</p>`
        : `<p class="lab-check fail" data-honest="fail"><span aria-hidden="true">✗ </span><strong>The honest-instrument check fails</strong> for ${esc(list(v.honest.failures))}: relevance has no effect in this world, yet another score ranks their outcome better than reach. Please report this world's link.</p>`;
  return `<p class="lab-headline" data-reach-wins="${v.wins.reach}" data-brands="${v.brands.length}">${esc(headline(v))}</p>
<div class="scroll"><table class="lab-verdict-table">
<caption>Spearman ρ between each score and ${esc(outcomes(v.brands))} in the sponsored posts that ran (1 = perfect ranking, 0 = chance); the best of the three is underlined</caption>
<thead><tr><th scope="col">Brand</th><th scope="col">Reach score</th><th scope="col">Relevance alone</th><th scope="col">Relevance × trust × reach</th></tr></thead>
<tbody>${rows}</tbody></table></div>
${check}`;
}
