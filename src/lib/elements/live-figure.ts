/**
 * <live-figure>: upgrades a pre-rendered figure cell. This file stays tiny because it is on the
 * critical path; the engine, Plot and the figure code load only when the reader first touches a
 * control, when the page's URL asks for non-default parameters, or when the browser is idle.
 */
type Runtime = typeof import('./figure-runtime.ts');

let runtime: Promise<Runtime> | null = null;
const loadRuntime = () => (runtime ??= import('./figure-runtime.ts'));

class LiveFigure extends HTMLElement {
  connectedCallback() {
    const wake = (event: Event) => void loadRuntime().then((r) => r.attach(this, event));
    this.addEventListener('submit', (e) => e.preventDefault());
    this.addEventListener('input', wake);
    this.addEventListener('change', wake);
    this.addEventListener('click', (e) => {
      if ((e.target as Element).closest('[data-download],[data-retry]')) wake(e);
    });
    // A hand on a control: start the engine now, before the first value changes.
    const warm = () => void loadRuntime().then((r) => r.warm());
    this.addEventListener('pointerdown', warm, { once: true });
    this.addEventListener('focusin', warm, { once: true });
    if (location.search.length > 1) wake(new Event('restore'));
    // (a restored view is rendered as each figure nears the viewport)
    // Otherwise the engine warms up once the page is idle and a figure is within a screen of the
    // viewport: a reader at the top of the essay is not made to pay for it while reading.
    else if ('requestIdleCallback' in window && 'IntersectionObserver' in window) {
      requestIdleCallback(() => {
        const near = new IntersectionObserver(
          (entries) => {
            if (!entries.some((e) => e.isIntersecting)) return;
            near.disconnect();
            warm();
          },
          { rootMargin: '100% 0px' },
        );
        near.observe(this);
      }, { timeout: 4000 });
    }
  }
}

if (!customElements.get('live-figure')) customElements.define('live-figure', LiveFigure);
