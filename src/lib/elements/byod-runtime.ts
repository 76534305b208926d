/**
 * The interactive half of <byod-app>: load a file (picker or drop), map its columns, run the
 * analysis and render it. A load replaces what is shown only once the new file has passed every
 * check; a failed load shows its message and leaves the earlier data and results as they were.
 * All text from the file reaches the page through textContent, never as HTML.
 */
import { ByodError } from '../byod/errors.ts';
import { loadFile, usesDecimalComma } from '../byod/load.ts';
import { autoMap, REQUIRED_ROLES, ROLE_LABELS, ROLES, type Mapping, type Role } from '../byod/mapping.ts';
import { mostlyNumeric, prepare, type Prepared } from '../byod/prepare.ts';
import { analyse, type Analysis } from '../byod/analyse.ts';
import type { RawTable } from '../byod/table.ts';

interface Loaded {
  table: RawTable;
  mapping: Mapping;
  prepared: Prepared;
  analysis: Analysis;
}

interface App {
  seq: number;
  current: Loaded | null;
  typing?: ReturnType<typeof setTimeout>;
}

const apps = new WeakMap<HTMLElement, App>();
const $ = <T extends Element = HTMLElement>(el: HTMLElement, sel: string) => el.querySelector<T & Element>(sel)!;

export async function attach(el: HTMLElement, event: Event): Promise<void> {
  let app = apps.get(el);
  if (!app) apps.set(el, (app = { seq: 0, current: null }));
  const target = event.target as HTMLElement;
  if (event.type === 'drop') {
    const files = (event as DragEvent).dataTransfer?.files;
    if (files && files.length > 0) return void load(el, app, files[0]);
    return showError(el, 'Nothing was dropped that is a file. Drop a CSV, TSV, Parquet or JSON file.');
  }
  if (event.type === 'change' && target instanceof HTMLInputElement && target.type === 'file') {
    const file = target.files?.[0];
    if (file) await load(el, app, file);
    target.value = ''; // the same file can be picked again
    return;
  }
  if (event.type === 'change' && target instanceof HTMLSelectElement && target.dataset.role) {
    return remap(el, app, target.dataset.role as Role, target);
  }
  if (target instanceof HTMLInputElement && target.matches('[data-brand-topics]') && app.current) {
    clearTimeout(app.typing);
    app.typing = setTimeout(() => rerun(el, app!), event.type === 'change' ? 0 : 300);
  }
}

function showError(el: HTMLElement, message: string): void {
  const box = $(el, '[data-error]');
  box.textContent = message;
  box.hidden = false;
  el.dataset.failed = '';
}

function clearError(el: HTMLElement): void {
  const box = $(el, '[data-error]');
  box.textContent = '';
  box.hidden = true;
  delete el.dataset.failed;
}

async function load(el: HTMLElement, app: App, file: File): Promise<void> {
  const seq = ++app.seq;
  const progress = $<HTMLProgressElement>(el, '[data-progress]');
  const status = $(el, '[data-status]');
  clearError(el);
  progress.hidden = false;
  progress.value = 0;
  el.dataset.state = app.current ? 'loaded loading' : 'loading';
  status.textContent = `Reading "${file.name}"…`;
  try {
    const table = await loadFile(file, {
      onProgress: (stage, share) => {
        if (seq !== app.seq) return;
        progress.value = share;
        status.textContent = `${stage} "${file.name}"… ${Math.round(share * 100)}%`;
      },
    });
    if (seq !== app.seq) return;
    status.textContent = `Analysing "${file.name}"…`;
    await new Promise((r) => setTimeout(r, 0));
    const decimalComma = usesDecimalComma(table);
    const mapping = autoMap(table.names, (name) => mostlyNumeric(table.columns[table.names.indexOf(name)], decimalComma));
    const missing = REQUIRED_ROLES.filter((r) => !mapping[r]);
    if (missing.length) {
      throw new ByodError('unmapped', `"${file.name}" has no column recognised as ${missing.map((r) => (r === 'reach' ? 'followers or reach' : 'conversions')).join(' or ')} (its columns: ${table.names.slice(0, 8).map((n) => `"${n.slice(0, 30)}"`).join(', ')}${table.names.length > 8 ? ', …' : ''}). Rename the column, or start from the template.`);
    }
    const prepared = prepare(table, mapping, decimalComma);
    const analysis = analyse(prepared, { brandTopics: $<HTMLInputElement>(el, '[data-brand-topics]').value });
    if (seq !== app.seq) return;
    app.current = { table, mapping, prepared, analysis };
    renderFile(el, app.current);
    renderMapping(el, app.current);
    await renderResults(el, app.current);
    el.dataset.state = 'loaded';
    status.textContent = `Loaded "${file.name}": ${table.rows.toLocaleString('en-US')} rows, ${table.names.length} columns.`;
  } catch (e) {
    if (seq !== app.seq) return;
    el.dataset.state = app.current ? 'loaded' : 'empty';
    status.textContent = app.current ? `"${file.name}" was not loaded; the results below are still those of "${app.current.table.file}".` : '';
    showError(el, e instanceof ByodError ? e.message : `"${file.name}" could not be read: ${(e as Error).message}`);
  } finally {
    if (seq === app.seq) progress.hidden = true;
  }
}

function remap(el: HTMLElement, app: App, role: Role, select: HTMLSelectElement): void {
  const cur = app.current;
  if (!cur) return;
  const mapping = { ...cur.mapping, [role]: select.value || null };
  try {
    const prepared = prepare(cur.table, mapping, usesDecimalComma(cur.table));
    const analysis = analyse(prepared, { brandTopics: $<HTMLInputElement>(el, '[data-brand-topics]').value });
    app.current = { ...cur, mapping, prepared, analysis };
    clearError(el);
    void renderResults(el, app.current);
  } catch (e) {
    select.value = cur.mapping[role] ?? '';
    showError(el, `${e instanceof ByodError ? e.message : (e as Error).message} The previous choice is kept.`);
  }
}

function rerun(el: HTMLElement, app: App): void {
  const cur = app.current;
  if (!cur) return;
  app.current = { ...cur, analysis: analyse(cur.prepared, { brandTopics: $<HTMLInputElement>(el, '[data-brand-topics]').value }) };
  void renderResults(el, app.current);
}

function li(text: string): HTMLLIElement {
  const item = document.createElement('li');
  item.textContent = text;
  return item;
}

function renderFile(el: HTMLElement, cur: Loaded): void {
  $(el, '[data-loaded]').hidden = false;
  const t = cur.table;
  $(el, '[data-file-meta]').textContent = `"${t.file}": ${t.rows.toLocaleString('en-US')} rows × ${t.names.length} columns. Detected ${t.detected.join(', ')}.`;
  $(el, '[data-notes]').replaceChildren(...t.notes.map(li));
}

function renderMapping(el: HTMLElement, cur: Loaded): void {
  const form = $(el, '[data-mapping]');
  form.replaceChildren(
    ...ROLES.map((role) => {
      const field = document.createElement('div');
      field.className = 'field';
      const label = document.createElement('label');
      label.htmlFor = `byod-role-${role}`;
      label.textContent = ROLE_LABELS[role];
      const select = document.createElement('select');
      select.id = `byod-role-${role}`;
      select.dataset.role = role;
      if (REQUIRED_ROLES.includes(role)) select.required = true;
      const none = document.createElement('option');
      none.value = '';
      none.textContent = REQUIRED_ROLES.includes(role) ? '— choose a column —' : '— none —';
      select.append(none);
      for (const name of cur.table.names) {
        const option = document.createElement('option');
        option.value = name;
        option.textContent = name;
        select.append(option);
      }
      select.value = cur.mapping[role] ?? '';
      field.append(label, select);
      return field;
    }),
  );
  $(el, '[data-brand-box]').hidden = !cur.mapping.topics;
}

const pct = (v: number) => (Number.isFinite(v) ? `${Math.round(v * 100)}%` : 'not defined');
const fixed = (v: number) => (Number.isFinite(v) ? v.toFixed(2).replace('-', '−') : '–');
const usd = (v: number) => (Number.isFinite(v) ? v.toLocaleString('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 2 }) : '–');

async function renderResults(el: HTMLElement, cur: Loaded): Promise<void> {
  const a = cur.analysis;
  const kpi = (label: string, value: string, detail: string, key: string) => {
    const item = document.createElement('li');
    item.dataset.kpi = key;
    const strong = document.createElement('strong');
    strong.textContent = value;
    const span = document.createElement('span');
    span.textContent = detail;
    item.append(label, strong, span);
    return item;
  };
  const items = [
    kpi('Spearman ρ, reach vs conversions', fixed(a.rho.estimate), Number.isFinite(a.rho.lo) ? `95% interval ${fixed(a.rho.lo)} to ${fixed(a.rho.hi)}, over ${a.used.toLocaleString('en-US')} accounts` : `over ${a.used.toLocaleString('en-US')} accounts (too few for an interval)`, 'rho'),
    kpi(`Top ${Math.round(a.share * 100)}% by reach capture`, pct(a.capture.reach), `of conversions; the best possible order ${pct(a.capture.oracle)}, a random one ${Math.round(a.share * 100)}%`, 'capture'),
  ];
  if (a.relevance) items.push(kpi('Spearman ρ, relevance vs conversions', fixed(a.relevance.rho.estimate), Number.isFinite(a.relevance.rho.lo) ? `95% interval ${fixed(a.relevance.rho.lo)} to ${fixed(a.relevance.rho.hi)}; topics: ${a.relevance.brandTopics.join(', ')}` : `topics: ${a.relevance.brandTopics.join(', ')}`, 'relevance'));
  $(el, '[data-kpis]').replaceChildren(...items);
  $(el, '[data-reach-meaning]').textContent = a.reachMeaning;
  $(el, '[data-warnings]').replaceChildren(...a.warnings.map(li));
  const box = $(el, '[data-budget-box]');
  box.hidden = !a.budget;
  if (a.budget) {
    $(el, '[data-budget-intro]').textContent = `With a quarter of what you spent (${usd(a.budget.budget)}), go down the list in each order and buy every account whose cost still fits. Revenue ${cur.mapping.revenue ? 'is' : 'is not'} in your file.`;
    const row = (name: string, r: { bought: number; spent: number; conversions: number }) => {
      const tr = document.createElement('tr');
      const cells = [name, r.bought.toLocaleString('en-US', { maximumFractionDigits: 1 }), usd(r.spent), r.conversions.toLocaleString('en-US', { maximumFractionDigits: 1 }), r.conversions > 0 ? usd(r.spent / r.conversions) : '–'];
      cells.forEach((c, j) => {
        const td = document.createElement(j === 0 ? 'th' : 'td');
        if (j === 0) td.setAttribute('scope', 'row');
        else td.className = 'num';
        td.textContent = c;
        tr.append(td);
      });
      return tr;
    };
    $(el, '[data-budget] tbody').replaceChildren(row('By reach, largest first', a.budget.reach), row('Best possible (most conversions per dollar first)', a.budget.oracle), row('Random order (mean of 200)', a.budget.random));
  }
  const chartBox = $(el, '[data-chart]');
  try {
    const { gainChart } = await import('../byod/gainChart.ts');
    if (apps.get(el)?.current !== cur) return;
    chartBox.replaceChildren(gainChart(a, { width: Math.max(320, Math.min(800, chartBox.clientWidth || 640)) }));
  } catch (e) {
    chartBox.textContent = `The chart could not be drawn: ${(e as Error).message}`;
  }
}
