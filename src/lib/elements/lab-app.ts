/**
 * <lab-app>: upgrades the pre-rendered lab. Tiny on purpose: the runtime (worker, engine, figure
 * code) loads on the first interaction, when the browser is idle (to warm the worker and the
 * engine), or at once when the URL asks for a world other than the published one.
 */
import { defineLazy } from '../client/lazy.ts';

defineLazy('lab-app', () => import('./lab-runtime.ts'), {
  events: ['input', 'change', 'click'],
  handle: (r, el, event) => r.handle(el, event),
  submit: 'handle',
  warmOn: ['pointerdown', 'focusin'],
  restore: true,
  setup(_el, wake) {
    if (location.search.length > 1) return;
    if ('requestIdleCallback' in window) requestIdleCallback(() => wake(new Event('warm')), { timeout: 3000 });
    else setTimeout(() => wake(new Event('warm')), 1000);
  },
});
