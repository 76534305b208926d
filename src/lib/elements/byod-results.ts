/**
 * The results half of <byod-app>: what the engine's judging queries gave (byod/judge.ts), drawn
 * into the page's boxes. Text from the file reaches the page through textContent only.
 */
import type { Judged, Rho, Walk } from '../byod/judge.ts';
import { REACH_SCORE_MACROS, type Statement } from '../byod/queries.ts';
import { count, fixed, formatNumber, usdCents as usd } from '../format.ts';

const $ = <T extends Element = HTMLElement>(el: HTMLElement, sel: string) => el.querySelector<T & Element>(sel)!;
const pct = (v: number) => (Number.isFinite(v) ? `${Math.round(v * 100)}%` : 'not defined');
/** A count or amount: grouped, at most `digits` decimals (trailing zeros dropped), an en dash when not defined. */
const n = (v: number, digits = 0) => formatNumber(v, `,.${digits}~f`);
const money = (v: number) => (Number.isFinite(v) ? usd(v) : '–');
const ratio = (v: number) => (Number.isFinite(v) ? `${v.toFixed(2)}×` : '–');
const signedPct = (v: number) => (Number.isFinite(v) ? `${v > 0 ? '+' : ''}${Math.round(v * 100)}%` : '–');

export function li(text: string): HTMLLIElement {
  const item = document.createElement('li');
  item.textContent = text;
  return item;
}

function kpi(label: string, value: string, detail: string, key: string): HTMLLIElement {
  const item = document.createElement('li');
  item.dataset.kpi = key;
  const strong = document.createElement('strong');
  strong.textContent = value;
  const span = document.createElement('span');
  span.textContent = detail;
  item.append(label, strong, span);
  return item;
}

const interval = (r: Rho) =>
  Number.isFinite(r.lo) ? `95% interval ${fixed(r.lo)} to ${fixed(r.hi)} (${r.method === 'bootstrap' ? `seeded bootstrap, ${n(r.samples)} resamples` : "Fisher's z"})` : '';

/** The headline numbers: rho of the reach score, the top share's capture, rho of relevance. */
export function renderKpis(el: HTMLElement, a: Judged): void {
  const over = `over ${count(a.used)} accounts`;
  const items = [
    kpi('Spearman ρ, reach vs conversions', fixed(a.rho.estimate), Number.isFinite(a.rho.lo) ? `${interval(a.rho)}, ${over}` : `${over} (too few for an interval)`, 'rho'),
    kpi(`Top ${Math.round(a.share * 100)}% by reach capture`, pct(a.capture.reach), `of conversions; the best possible order ${pct(a.capture.oracle)}, a random one ${Math.round(a.share * 100)}%`, 'capture'),
  ];
  if (a.relevance) {
    const r = a.relevance.rho;
    items.push(kpi('Spearman ρ, relevance vs conversions', fixed(r.estimate), `${Number.isFinite(r.lo) ? `${interval(r)}; ` : ''}topics: ${a.relevance.brandTopics.join(', ')}`, 'relevance'));
  }
  $(el, '[data-kpis]').replaceChildren(...items);
}

/** How the score was made from the file's columns: each component's weight (0 for what the file lacks) and where the anchors came from. */
export function renderScoreNote(el: HTMLElement, a: Judged, columns: { reach: string; engagement: string | null }): void {
  const w = a.weights;
  const parts = [
    `ln(1 + reach) at weight ${w.w_followers} (column "${columns.reach.slice(0, 40)}")`,
    w.w_reactions > 0 ? `ln(1 + engagement) at weight ${w.w_reactions} (column "${columns.engagement!.slice(0, 40)}")` : 'engagement at weight 0: your file has no engagement column',
    'selective reactions at weight 0: no export says who reacted',
  ];
  const anchors =
    a.anchoredOn === 'your file'
      ? `Its 1–100 anchors (median 20, 95th percentile 50, maximum 99) come from your ${count(a.accounts)} accounts.`
      : `Its 1–100 anchors (median 20, 95th percentile 50, maximum 99) come from the simulated world's ${count(a.worldAccounts)} accounts under the same weights, because your file has fewer than 200 accounts with a score; an account smaller or larger than any there scores below 1 or above 99.`;
  const note = $(el, '[data-score-note]');
  note.textContent = `The reach score is the report's own Klout-like score, computed in SQL on your accounts: ${parts.join('; ')}. ${anchors}`;
  note.dataset.anchoredOn = a.anchoredOn === 'your file' ? 'file' : 'world';
  note.dataset.engagementWeight = String(w.w_reactions);
}

/** The topic words of the brand and of the file, and the Klout topics they were matched to. */
export function renderMatches(el: HTMLElement, a: Judged): void {
  const box = $(el, '[data-topic-matches]');
  const brand = a.matches.filter((m) => m.brand);
  box.hidden = brand.length === 0;
  const word = (m: Judged['matches'][number]) => `"${m.word.slice(0, 40)}"`;
  const said = (m: Judged['matches'][number]) => (m.kloutTopic ? `${word(m)} → Klout's "${m.kloutTopic}" (by its ${m.matchedBy})` : `${word(m)} → no Klout topic (compared as written)`);
  const own = a.matches.filter((m) => m.inFile);
  const matched = own.filter((m) => m.kloutTopic);
  // The words that matched no topic are named too (the first eight), so a reader can mend a misspelling.
  const unmatched = own.filter((m) => !m.kloutTopic);
  const first8 = (list: typeof own, say: (m: (typeof own)[number]) => string, separator: string) => `${list.slice(0, 8).map(say).join(separator)}${list.length > 8 ? `${separator}…` : ''}`;
  $(el, '[data-topic-brand]').textContent = brand.length ? `Your brand's topics, matched to Klout's topics: ${brand.map(said).join('; ')}.` : '';
  $(el, '[data-topic-file]').textContent = own.length
    ? `Your file's topic words: ${count(own.length)}, ${count(matched.length)} of them matched to a Klout topic${matched.length ? ` (${first8(matched, said, '; ')})` : ''}.` +
      (unmatched.length ? ` Not matched to a Klout topic, so compared as written: ${first8(unmatched, word, ', ')}.` : '') +
      ` A matched topic also counts for its parents in Klout's ontology, at half strength per level.`
    : '';
}

/** A table row: the first cell a row header, the rest right-aligned numbers; text only. */
function tableRow(cells: string[]): HTMLTableRowElement {
  const tr = document.createElement('tr');
  cells.forEach((c, j) => {
    const td = document.createElement(j === 0 ? 'th' : 'td');
    if (j === 0) td.setAttribute('scope', 'row');
    else td.className = 'num';
    td.textContent = c;
    tr.append(td);
  });
  return tr;
}

function row(name: string, w: Walk, columns: { roas: boolean; roi: boolean }): HTMLTableRowElement {
  const cells = [name, n(w.bought, 1), money(w.spent), n(w.conversions, 1), w.conversions > 0 ? money(w.spent / w.conversions) : '–'];
  if (columns.roas) cells.push(ratio(w.roas));
  if (columns.roi) cells.push(signedPct(w.roi));
  const tr = tableRow(cells);
  tr.dataset.walk = w.walk;
  return tr;
}

const WALK_NAMES: Record<Walk['walk'], string> = {
  reach: 'By reach, largest first',
  reach_per_dollar: 'By reach per dollar (CPM-minded)',
  fit: 'By fit: most relevant first, then by reach',
  oracle: 'Best possible (most conversions per dollar first)',
  random: 'Random order',
};

/** The budget test: reach, the best possible and random orders; then the other orders a buyer could walk. */
export function renderBudget(el: HTMLElement, a: Judged, mapping: { cost: string | null; revenue: string | null }, margin: number | null): void {
  const box = $(el, '[data-budget-box]');
  box.hidden = !a.budget;
  if (!a.budget) return;
  const columns = { roas: Boolean(mapping.revenue), roi: Boolean(mapping.revenue) && margin !== null };
  $(el, '[data-budget-intro]').textContent = `With a quarter of what you spent (${usd(a.budget.budget)}), go down the list in each order and buy every account whose cost still fits. Cost is the column "${mapping.cost}"; revenue ${mapping.revenue ? `is the column "${mapping.revenue}"` : 'is not in your file'}.`;
  for (const sel of ['[data-budget]', '[data-budget-more]']) {
    for (const key of ['roas', 'roi'] as const) $(el, `${sel} thead [data-col="${key}"]`).hidden = !columns[key];
  }
  const by = new Map(a.budget.walks.map((w) => [w.walk, w]));
  const random = by.get('random');
  const randomName = random ? `Random order (mean of ${n(random.runs)}${random.runs > 1 && Number.isFinite(random.lo) ? `; conversions ${n(random.lo, 1)}–${n(random.hi, 1)} in 95% of them` : ''})` : '';
  $(el, '[data-budget] tbody').replaceChildren(
    ...(['reach', 'oracle', 'random'] as const).filter((k) => by.has(k)).map((k) => row(k === 'random' ? randomName : WALK_NAMES[k], by.get(k)!, columns)),
  );
  const more = (['reach_per_dollar', 'fit'] as const).filter((k) => by.has(k));
  $(el, '[data-budget-more] tbody').replaceChildren(...more.map((k) => row(WALK_NAMES[k], by.get(k)!, columns)));
  $(el, '[data-fit-hint]').hidden = by.has('fit');
  $(el, '[data-margin-box]').hidden = !mapping.revenue;
  const roi = $(el, '[data-roi-note]');
  roi.textContent = !mapping.revenue
    ? 'Return on ad spend needs revenue: map a revenue column to see it.'
    : margin === null
      ? 'ROAS is revenue ÷ spent. ROI needs your gross margin (what a dollar of revenue leaves after the cost of the goods): enter it to see ROI.'
      : `ROAS is revenue ÷ spent; ROI is (revenue × ${Math.round(margin * 1000) / 10}% margin − spent) ÷ spent.`;
}

/** Cost per conversion by reach decile. */
export function renderDeciles(el: HTMLElement, a: Judged, revenue: boolean): void {
  const box = $(el, '[data-deciles-box]');
  box.hidden = a.deciles.length === 0;
  $(el, '[data-deciles] thead [data-col="roas"]').hidden = !revenue;
  $(el, '[data-deciles] tbody').replaceChildren(
    ...a.deciles.map((d) => {
      const cells = [`${d.decile}${d.decile === 1 ? ' (largest reach)' : d.decile === 10 ? ' (smallest)' : ''}`, n(d.accounts), `${n(d.reachMin)}–${n(d.reachMax)}`, money(d.cost), n(d.conversions, 1), money(d.costPerConversion)];
      if (revenue) cells.push(ratio(d.roas));
      return tableRow(cells);
    }),
  );
}

const paramText = (v: unknown) => (typeof v === 'string' ? `'${v}'` : v === null ? 'NULL' : String(v));

/** "Show SQL": every statement that ran on the user's data, in order, with its parameters. */
export function renderSqlLog(el: HTMLElement, log: Statement[]): void {
  const item = (title: string, text: string, params: Statement['params']) => {
    const entry = document.createElement('li');
    const head = document.createElement('p');
    const names = Object.entries(params);
    head.textContent = `${title}${names.length ? ` — parameters: ${names.map(([k, v]) => `$${k} = ${paramText(v)}`).join(', ')}` : ' — no parameters'}`;
    const pre = document.createElement('pre');
    const code = document.createElement('code');
    code.textContent = text;
    pre.append(code);
    entry.append(head, pre);
    return entry;
  };
  $(el, '[data-sql-log]').replaceChildren(
    ...REACH_SCORE_MACROS.map((m) => item(`${m.file}, installed when the engine started`, m.text, {})),
    ...log.map((s) => {
      const entry = item(`byod/${s.name}.sql${s.creates ? ` → ${s.creates}` : ''}${s.part ? `, ${s.part}` : ''}`, s.text, s.params);
      entry.dataset.statement = s.part ? `${s.name}:${s.part.split(' ')[0]}` : s.name;
      return entry;
    }),
  );
}
