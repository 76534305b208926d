/**
 * <lab-app>: upgrades the pre-rendered lab. Tiny on purpose: the runtime (worker, engine, figure
 * code) loads on the first interaction, when the browser is idle (to warm the worker and the
 * engine), or at once when the URL asks for a world other than the published one.
 */
export {};

type Runtime = typeof import('./lab-runtime.ts');

let runtime: Promise<Runtime> | null = null;
const load = () => (runtime ??= import('./lab-runtime.ts'));

class LabApp extends HTMLElement {
  connectedCallback() {
    const wake = (event: Event) => void load().then((r) => r.handle(this, event));
    this.addEventListener('submit', (e) => {
      e.preventDefault();
      wake(e);
    });
    for (const type of ['input', 'change', 'click']) this.addEventListener(type, wake);
    this.addEventListener('pointerdown', () => void load(), { once: true });
    this.addEventListener('focusin', () => void load(), { once: true });
    if (location.search.length > 1) wake(new Event('restore'));
    else if ('requestIdleCallback' in window) requestIdleCallback(() => wake(new Event('warm')), { timeout: 3000 });
    else setTimeout(() => wake(new Event('warm')), 1000);
  }
}

if (!customElements.get('lab-app')) customElements.define('lab-app', LabApp);
