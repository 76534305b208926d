/**
 * <sql-cell>: the read-only SQL cell. Tiny on purpose; the guard, the engine and the result table
 * load when the reader first runs a query.
 */
export {};

type Runtime = typeof import('./sql-cell-runtime.ts');
let runtime: Promise<Runtime> | null = null;
const load = () => (runtime ??= import('./sql-cell-runtime.ts'));

class SqlCell extends HTMLElement {
  connectedCallback() {
    const wake = (event: Event) => void load().then((r) => r.attach(this, event));
    this.addEventListener('submit', (e) => {
      e.preventDefault();
      wake(e);
    });
    this.addEventListener('click', (e) => {
      if ((e.target as Element).closest('[data-cancel]')) wake(e);
    });
    this.addEventListener('change', (e) => {
      if ((e.target as Element).closest('[data-example]')) wake(e);
    });
    this.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && (e.target as Element).matches('textarea')) {
        e.preventDefault();
        this.querySelector('form')?.requestSubmit();
      }
    });
    this.addEventListener('focusin', () => void load(), { once: true });
  }
}

if (!customElements.get('sql-cell')) customElements.define('sql-cell', SqlCell);
