/**
 * <byod-app>: the "Your data" page. Tiny on purpose; the parsers and the analysis load when the
 * reader picks, drops or drags a file, or touches a control. The engine's worker is preheated once
 * the page has loaded and painted, as on the pages with a live figure (preheat.ts: it downloads and
 * compiles DuckDB's WebAssembly in the worker, off the main thread), so that the first file picked
 * finds it ready.
 */
import { afterFirstPaint, defineLazy } from '../client/lazy.ts';

defineLazy('byod-app', () => import('./byod-runtime.ts'), {
  events: ['change', 'input'],
  handle: (r, el, event) => r.attach(el, event),
  submit: 'prevent',
  warmOn: ['focusin'],
  setup(el, wake, load) {
    afterFirstPaint(() => void import('../db/preheat.ts').then((m) => m.preheat()));
    el.addEventListener('click', (e) => {
      if ((e.target as Element).closest('[data-download], [data-print]')) wake(e);
    });
    const drop = el.querySelector<HTMLElement>('[data-drop]')!;
    for (const type of ['dragenter', 'dragover']) {
      drop.addEventListener(type, (e) => {
        e.preventDefault();
        drop.dataset.over = '';
        void load();
      });
    }
    drop.addEventListener('dragleave', () => delete drop.dataset.over);
    drop.addEventListener('drop', (e) => {
      e.preventDefault();
      delete drop.dataset.over;
      wake(e);
    });
  },
});
