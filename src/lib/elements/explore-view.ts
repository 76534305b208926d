/**
 * <explore-view>: upgrades the pre-rendered explore table. Tiny on purpose (critical path): the
 * engine and the table logic load on the first interaction, or at once when the URL asks for a
 * view other than the default.
 */
export {};

type Runtime = typeof import('./explore-runtime.ts');

let runtime: Promise<Runtime> | null = null;
const load = () => (runtime ??= import('./explore-runtime.ts'));

class ExploreView extends HTMLElement {
  connectedCallback() {
    const wake = (event: Event) => void load().then((r) => r.attach(this, event));
    this.addEventListener('submit', (e) => e.preventDefault());
    for (const type of ['input', 'change', 'click', 'reset']) this.addEventListener(type, wake);
    this.addEventListener('pointerdown', () => void load(), { once: true });
    this.addEventListener('focusin', () => void load(), { once: true });
    if (location.search.length > 1) wake(new Event('restore'));
  }
}

if (!customElements.get('explore-view')) customElements.define('explore-view', ExploreView);
