/**
 * The interactive half of <sql-cell>: the guard decides, then the statement runs on its own
 * connection (so a long query can be cancelled without touching the page's other queries),
 * streamed batch by batch until the row cap; results become a table through textContent only.
 */
import { engine } from '../db/browser.ts';
import { guardSql } from '../explore/sqlGuard.ts';
import { plainValue } from '../data/frame.ts';

type Connection = Awaited<ReturnType<Awaited<ReturnType<typeof engine>>['db']['connect']>>;

interface Cell {
  conn?: Promise<Connection>;
  running: boolean;
  timer?: ReturnType<typeof setTimeout>;
  cancelled?: 'reader' | 'timeout';
}

const cells = new WeakMap<HTMLElement, Cell>();

export async function attach(el: HTMLElement, event: Event): Promise<void> {
  let cell = cells.get(el);
  if (!cell) cells.set(el, (cell = { running: false }));
  const target = event.target as Element;
  if (event.type === 'change' && target instanceof HTMLSelectElement && target.matches('[data-example]')) {
    if (target.value) el.querySelector('textarea')!.value = target.value;
    target.value = '';
    el.querySelector('textarea')!.focus();
    return;
  }
  if (event.type === 'click' && target.closest('[data-cancel]')) return void cancel(cell, 'reader');
  if (event.type === 'submit') return void run(el, cell);
}

async function cancel(cell: Cell, why: 'reader' | 'timeout'): Promise<void> {
  if (!cell.running || !cell.conn) return;
  cell.cancelled = why;
  await (await cell.conn).cancelSent();
}

function show(el: HTMLElement, { status = '', error = '' }: { status?: string; error?: string }): void {
  el.querySelector('[data-sql-status]')!.textContent = status;
  const box = el.querySelector<HTMLElement>('[data-sql-error]')!;
  box.hidden = !error;
  box.textContent = error;
}

async function run(el: HTMLElement, cell: Cell): Promise<void> {
  if (cell.running) return;
  const text = el.querySelector('textarea')!.value;
  const guard = guardSql(text);
  if (!guard.ok) {
    el.dataset.state = 'refused';
    return show(el, { error: guard.reason });
  }
  const maxRows = Number(el.dataset.maxRows ?? 1000);
  const timeoutMs = Number(el.dataset.timeoutMs ?? 30000);
  const runButton = el.querySelector<HTMLButtonElement>('[data-run]')!;
  const cancelButton = el.querySelector<HTMLButtonElement>('[data-cancel]')!;
  cell.running = true;
  cell.cancelled = undefined;
  runButton.disabled = true;
  cancelButton.disabled = false;
  el.dataset.state = 'running';
  show(el, { status: 'Running…' });
  const started = performance.now();
  try {
    const db = await engine();
    cell.conn ??= db.db.connect();
    const conn = await cell.conn;
    cell.timer = setTimeout(() => void cancel(cell, 'timeout'), timeoutMs);
    const reader = await conn.send(guard.sql, true);
    const names: string[] = [];
    const rows: unknown[][] = [];
    let more = false;
    for await (const batch of reader) {
      if (names.length === 0) names.push(...batch.schema.fields.map((f) => f.name));
      for (let i = 0; i < batch.numRows && rows.length <= maxRows; i++) {
        rows.push(batch.schema.fields.map((_, j) => plainValue(batch.getChildAt(j)?.get(i))));
      }
      if (rows.length > maxRows) {
        more = true;
        break;
      }
    }
    if (more) {
      rows.length = maxRows;
      await conn.cancelSent().catch(() => false);
    }
    if (names.length === 0 && reader.schema) names.push(...reader.schema.fields.map((f) => f.name));
    renderTable(el, names, rows);
    const ms = Math.round(performance.now() - started);
    el.dataset.state = 'done';
    show(el, {
      status: more
        ? `Showing the first ${maxRows.toLocaleString('en-US')} rows; the query returned more (add a LIMIT or an aggregate to see the rest). ${ms} ms.`
        : `${rows.length.toLocaleString('en-US')} ${rows.length === 1 ? 'row' : 'rows'} · ${ms} ms.`,
    });
  } catch (e) {
    el.dataset.state = 'error';
    const message = (e as Error).message ?? String(e);
    show(el, {
      error: cell.cancelled === 'timeout'
        ? `The query was stopped after ${timeoutMs / 1000} s. Add a LIMIT or filter to make it quicker.`
        : cell.cancelled === 'reader'
          ? 'The query was cancelled.'
          : `DuckDB could not run the query: ${message}`,
    });
  } finally {
    clearTimeout(cell.timer);
    cell.running = false;
    runButton.disabled = false;
    cancelButton.disabled = true;
  }
}

const display = (v: unknown): string => {
  if (v === null || v === undefined) return 'NULL';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') {
    try {
      return JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? x.toString() : x));
    } catch {
      return String(v);
    }
  }
  return String(v);
};

function renderTable(el: HTMLElement, names: string[], rows: unknown[][]): void {
  const box = el.querySelector<HTMLElement>('[data-sql-result]')!;
  const table = document.createElement('table');
  const head = table.createTHead().insertRow();
  for (const n of names) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = n;
    head.append(th);
  }
  const body = table.createTBody();
  for (const r of rows) {
    const tr = body.insertRow();
    for (const v of r) {
      const td = tr.insertCell();
      td.textContent = display(v);
      if (typeof v === 'number' || typeof v === 'bigint') td.className = 'num';
      if (v === null || v === undefined) td.className = 'null';
    }
  }
  box.replaceChildren(table);
  box.hidden = false;
}
