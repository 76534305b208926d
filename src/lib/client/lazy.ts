/**
 * A custom element whose code loads when the reader first shows interest: the element itself is
 * a few lines on the critical path, and its runtime (engine, charts, parsers) is imported by the
 * first event that needs it. One helper for every interactive element of the site.
 */
export interface LazyOptions<R> {
  /** Events handed to the runtime (each loads it first). */
  events: readonly string[];
  /** Hand an event to the loaded runtime. */
  handle: (runtime: R, el: HTMLElement, event: Event) => unknown;
  /** Events that only load the runtime ahead of use (a hand nearing a control), once each. */
  warmOn?: readonly string[];
  /** What the runtime does when warmed (default: nothing beyond loading). */
  warm?: (runtime: R, el: HTMLElement) => void;
  /** When the page's URL carries parameters, hand the runtime a 'restore' event at once. */
  restore?: boolean;
  /** Forms inside never submit the page; with 'handle', the submit is handed to the runtime too. */
  submit?: 'prevent' | 'handle';
  /** Any further wiring of the element (drag and drop, idle warm-up), given `wake` and `load`. */
  setup?: (el: HTMLElement, wake: (event: Event) => void, load: () => Promise<R>) => void;
}

export function defineLazy<R>(tag: string, load: () => Promise<R>, options: LazyOptions<R>): void {
  if (customElements.get(tag)) return;
  let runtime: Promise<R> | null = null;
  const loaded = () => (runtime ??= load());
  customElements.define(
    tag,
    class extends HTMLElement {
      connectedCallback() {
        const wake = (event: Event) => void loaded().then((r) => options.handle(r, this, event));
        const warm = () => void loaded().then((r) => options.warm?.(r, this));
        if (options.submit) {
          this.addEventListener('submit', (e) => {
            e.preventDefault();
            if (options.submit === 'handle') wake(e);
          });
        }
        for (const type of options.events) this.addEventListener(type, wake);
        for (const type of options.warmOn ?? []) this.addEventListener(type, warm, { once: true });
        options.setup?.(this, wake, loaded);
        if (options.restore && location.search.length > 1) wake(new Event('restore'));
      }
    },
  );
}

/**
 * Run `work` once the page has loaded and painted: in the task after the load event when the
 * browser has reported its first contentful paint by then (the usual case: the essay's text paints
 * before its last script loads), else in the task after the frame that follows the load event (or
 * now, if the page has loaded already). For work that must stay off the critical path, such as
 * preheating the engine's worker (the preheat module itself loads then too).
 */
export function afterFirstPaint(work: () => void): void {
  const painted = () => performance.getEntriesByName('first-contentful-paint').length > 0;
  const start = () => (painted() ? setTimeout(work) : afterNextPaint(work));
  if (document.readyState === 'complete') start();
  else addEventListener('load', start, { once: true });
}

/** Run `work` in the task after the next frame: once what the page just changed is on screen. */
export function afterNextPaint(work: () => void): void {
  requestAnimationFrame(() => setTimeout(work));
}
