/**
 * <byod-app>: the "Your data" page. Tiny on purpose; the parsers and the analysis load when the
 * reader picks, drops or drags a file, or touches a control.
 */
export {};

type Runtime = typeof import('./byod-runtime.ts');
let runtime: Promise<Runtime> | null = null;
const load = () => (runtime ??= import('./byod-runtime.ts'));

class ByodApp extends HTMLElement {
  connectedCallback() {
    const wake = (event: Event) => void load().then((r) => r.attach(this, event));
    const drop = this.querySelector<HTMLElement>('[data-drop]')!;
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
    this.addEventListener('change', wake);
    this.addEventListener('input', wake);
    this.addEventListener('submit', (e) => e.preventDefault());
    this.addEventListener('focusin', () => void load(), { once: true });
  }
}

if (!customElements.get('byod-app')) customElements.define('byod-app', ByodApp);
