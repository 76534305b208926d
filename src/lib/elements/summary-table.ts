import { tableValue } from '../format.ts';

/** Refill a figure's data-table body with a summary's rows (text only, never HTML; numbers right-aligned). */
export function renderSummary(scope: Element, summary: { rows: (string | number)[][] }): void {
  const body = scope.querySelector('details.table tbody');
  if (!body) return;
  body.replaceChildren(
    ...summary.rows.map((r) => {
      const tr = document.createElement('tr');
      for (const v of r) {
        const td = document.createElement('td');
        td.textContent = typeof v === 'number' ? tableValue(v) : String(v);
        if (typeof v === 'number') td.className = 'num';
        tr.append(td);
      }
      return tr;
    }),
  );
}
