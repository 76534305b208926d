/**
 * <live-figure>: upgrades a pre-rendered figure cell. This file stays tiny because it is on the
 * critical path; the engine, Plot and the figure code load as soon as the page has loaded and
 * painted, or sooner when the reader touches a control or the URL asks for non-default
 * parameters.
 */
import { defineLazy } from '../client/lazy.ts';

let warming = false;
/**
 * Start the engine once per page as soon as the page has loaded and painted, so that a reader's
 * first move finds it running or ready (its WebAssembly takes about a second to compile and link,
 * in a worker, and the data loads meanwhile): off the critical path, after the first paint.
 */
function warmAfterLoad(load: () => Promise<{ warm(): void }>): void {
  if (warming) return;
  warming = true;
  // The frame after the load event has been painted: then the next task.
  const soon = () => requestAnimationFrame(() => setTimeout(() => void load().then((r) => r.warm())));
  if (document.readyState === 'complete') soon();
  else addEventListener('load', soon, { once: true });
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
    el.addEventListener('click', (e) => {
      if ((e.target as Element).closest('[data-download],[data-retry]')) wake(e);
    });
    warmAfterLoad(load);
  },
});
