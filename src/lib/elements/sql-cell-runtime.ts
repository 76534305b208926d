/**
 * The interactive half of <sql-cell>: the guard explains what it refuses, then the cell's client
 * (client/client.ts) asks the coordinator to run the statement read-only (its own connection, a
 * transaction always rolled back, caps in rows and bytes, a deadline, Cancel); results become a
 * table through textContent only. One statement at a time: Run is disabled while one runs.
 */
import { readOnly } from '../db/coordinator.ts';
import type { ReadOnlyOptions, ReadOnlyResult } from '../db/readOnly.ts';
import { cancel, isPending, request, type Client, type Spec } from '../client/client.ts';
import { EngineFailure } from '../db/failure.ts';
import { MultipleStatements, QueryStopped, SettingChanged } from '../db/readOnly.ts';
import { guardSql } from '../explore/sqlGuard.ts';
import { count } from '../format.ts';

/** A statement to run, with the cell's caps. */
interface Statement {
  sql: string;
  options: Omit<ReadOnlyOptions, 'signal'>;
}

type Cell = Client<Statement, { result: Spec<ReadOnlyResult> }>;

const cells = new WeakMap<HTMLElement, Cell>();

export async function attach(el: HTMLElement, event: Event): Promise<void> {
  let cell = cells.get(el);
  if (!cell) cells.set(el, (cell = cellClient(el)));
  const target = event.target as Element;
  if (event.type === 'change' && target instanceof HTMLSelectElement && target.matches('[data-example]')) {
    if (target.value) el.querySelector('textarea')!.value = target.value;
    target.value = '';
    el.querySelector('textarea')!.focus();
    return;
  }
  if (event.type === 'click' && target.closest('[data-cancel]')) return void cancel(cell);
  if (event.type === 'submit') return void run(el, cell);
}

function show(el: HTMLElement, { status = '', error = '' }: { status?: string; error?: string }): void {
  el.querySelector('[data-sql-status]')!.textContent = status;
  const box = el.querySelector<HTMLElement>('[data-sql-error]')!;
  box.hidden = !error;
  box.textContent = error;
}

const MB = 1024 * 1024;

/** What the reader is told when the statement did not give a result. */
function failure(e: unknown, timeoutMs: number): string {
  if (e instanceof QueryStopped) {
    const restarted = e.restarted ? ' The engine did not answer, so it was restarted; the figures start it again when next used.' : '';
    return e.why === 'timeout' ? `The query was stopped after ${timeoutMs / 1000} s. Add a LIMIT or a filter to make it quicker.${restarted}` : `The query was cancelled.${restarted}`;
  }
  // The guard has refused any ";" between statements: DuckDB expands this one statement into several.
  if (e instanceof MultipleStatements) return "DuckDB runs this as more than one statement, and this cell runs one at a time. (A PIVOT without an IN list runs as two: name the values, as in PIVOT t ON col IN ('a', 'b').)";
  if (e instanceof SettingChanged) return `The query was refused: ${e.message}. The engine was restarted to undo it.`;
  if (e instanceof EngineFailure) return `The query stopped the engine: ${e.message}. A fresh engine starts with the next query.`;
  return `DuckDB could not run the query: ${(e as Error).message ?? String(e)}`;
}

async function run(el: HTMLElement, cell: Cell): Promise<void> {
  if (isPending(cell)) return;
  const text = el.querySelector('textarea')!.value;
  const guard = guardSql(text);
  if (!guard.ok) {
    el.dataset.state = 'refused';
    return show(el, { error: guard.reason });
  }
  const maxRows = Number(el.dataset.maxRows ?? 1000);
  const maxBytes = Number(el.dataset.maxBytes ?? 8 * MB);
  const timeoutMs = Number(el.dataset.timeoutMs ?? 30000);
  await request(cell, { sql: guard.sql, options: { maxRows, maxBytes, timeoutMs } });
}

/** Time before the statement ran (the engine's start) worth saying apart from the statement's own. */
const STARTUP_SAID_MS = 300;

/** The cell as a client: one read-only statement, its result as a table and a status line. */
function cellClient(el: HTMLElement): Cell {
  const runButton = el.querySelector<HTMLButtonElement>('[data-run]')!;
  const cancelButton = el.querySelector<HTMLButtonElement>('[data-cancel]')!;
  let started = 0;
  return {
    el,
    states: { pending: 'running', done: 'done', failed: 'error' },
    query: ({ sql, options }) => ({ result: readOnly(sql, options) }),
    queryPending() {
      runButton.disabled = true;
      cancelButton.disabled = false;
      show(el, { status: 'Running…' });
      started = performance.now();
      return () => {
        runButton.disabled = false;
        cancelButton.disabled = true;
      };
    },
    queryResult({ result: r }, { options: { maxRows, maxBytes } }) {
      renderTable(el, r.names, r.rows);
      // The statement's own time; the first statement on a page also waits for its engine to start, which is said apart.
      const startup = performance.now() - started - r.ms - r.waitedMs;
      const ms = `${Math.round(r.ms)} ms${startup >= STARTUP_SAID_MS ? ` (and ${(startup / 1000).toFixed(1)} s to start the engine first)` : ''}`;
      show(el, {
        status:
          r.truncated === 'rows'
            ? `Showing the first ${count(maxRows)} rows; the query returned more (add a LIMIT or an aggregate to see the rest). ${ms}.`
            : r.truncated === 'bytes'
              ? `Showing the first ${count(r.rows.length)} ${r.rows.length === 1 ? 'row' : 'rows'}: the result is larger than ${maxBytes / MB} MB, the most this cell shows (select fewer or shorter columns, or add a LIMIT). ${ms}.`
              : `${count(r.rows.length)} ${r.rows.length === 1 ? 'row' : 'rows'} · ${ms}.`,
      });
    },
    queryError: (e, { options }) => show(el, { error: failure(e, options.timeoutMs) }),
  };
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
