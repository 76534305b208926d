/**
 * <live-figure>: upgrades a pre-rendered figure cell. This file stays tiny because it is on the
 * critical path; the engine, Plot and the figure code load only when the reader first touches a
 * control, when the page's URL asks for non-default parameters, or when the browser is idle. The
 * engine's worker starts before that, once the page has loaded and painted (preheat.ts: no work
 * on the page's main thread), so that a first move finds DuckDB compiled and instantiated.
 */
import { afterFirstPaint, defineLazy } from '../client/lazy.ts';

/** Preheat the engine's worker once the page has loaded and painted (once per page with a figure; its module loads then too, off the critical path). */
let preheating = false;
function preheatAfterLoad(): void {
  if (preheating) return;
  preheating = true;
  afterFirstPaint(() => void import('../db/preheat.ts').then((m) => m.preheat()));
}

defineLazy('live-figure', () => import('./figure-runtime.ts'), {
  events: ['input', 'change'],
  handle: (r, el, event) => r.attach(el, event),
  submit: 'prevent',
  // A hand on a control: start the engine now, before the first value changes.
  warmOn: ['pointerdown', 'focusin'],
  warm: (r) => r.warm(),
  // (a restored view is rendered as each figure nears the viewport)
  restore: true,
  setup(el, wake, load) {
    preheatAfterLoad();
    el.addEventListener('click', (e) => {
      if ((e.target as Element).closest('[data-download],[data-retry]')) wake(e);
    });
    // Otherwise the engine warms up once the page is idle and a figure is within a screen of the
    // viewport: a reader at the top of the essay is not made to pay for it while reading.
    if (location.search.length > 1 || !('requestIdleCallback' in window && 'IntersectionObserver' in window)) return;
    requestIdleCallback(() => {
      const near = new IntersectionObserver(
        (entries) => {
          if (!entries.some((e) => e.isIntersecting)) return;
          near.disconnect();
          void load().then((r) => r.warm());
        },
        { rootMargin: '100% 0px' },
      );
      near.observe(el);
    }, { timeout: 4000 });
  },
});
