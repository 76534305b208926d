/**
 * <explore-view>: upgrades the pre-rendered explore table. Tiny on purpose (critical path): the
 * engine and the table logic load on the first interaction, or at once when the URL asks for a
 * view other than the default.
 */
import { defineLazy } from '../client/lazy.ts';

defineLazy('explore-view', () => import('./explore-runtime.ts'), {
  events: ['input', 'change', 'click', 'reset'],
  handle: (r, el, event) => r.attach(el, event),
  submit: 'prevent',
  warmOn: ['pointerdown', 'focusin'],
  restore: true,
});
