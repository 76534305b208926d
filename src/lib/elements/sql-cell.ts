/**
 * <sql-cell>: the read-only SQL cell. Tiny on purpose; the guard, the engine and the result table
 * load when the reader first runs a query.
 */
import { defineLazy } from '../client/lazy.ts';

defineLazy('sql-cell', () => import('./sql-cell-runtime.ts'), {
  events: [],
  handle: (r, el, event) => r.attach(el, event),
  submit: 'handle',
  warmOn: ['focusin'],
  setup(el, wake) {
    el.addEventListener('click', (e) => {
      if ((e.target as Element).closest('[data-cancel]')) wake(e);
    });
    el.addEventListener('change', (e) => {
      if ((e.target as Element).closest('[data-example]')) wake(e);
    });
    el.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && (e.target as Element).matches('textarea')) {
        e.preventDefault();
        el.querySelector('form')?.requestSubmit();
      }
    });
  },
});
