/**
 * State kept in the page's URL, so a copied link restores the view: read from the URL once, kept
 * in memory as controls move, written back with `history.replaceState` either at once or when
 * changes pause (a call can cost milliseconds, too many for every step of a drag). The state is
 * always what the URL says or will say once written. Subscribers
 * hear every change. The one place the site writes its URL.
 */
export interface UrlState<S> {
  get(): S;
  /** Change the state; the URL follows at once with `now`, else once changes pause. */
  set(next: S, options?: { now?: boolean }): void;
  /** Read the URL again (the page was restored from it). */
  reload(): S;
  subscribe(listener: (state: S) => void): () => void;
}

export function urlState<S>(read: (search: string) => S, write: (state: S, search: string) => string, pauseMs = 150): UrlState<S> {
  let state: S | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const listeners = new Set<(state: S) => void>();
  const get = (): S => (state ??= read(location.search));
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    history.replaceState(null, '', `${location.pathname}${write(get(), location.search)}${location.hash}`);
  };
  const tell = () => {
    for (const listener of listeners) listener(get());
  };
  return {
    get,
    set(next, { now = false } = {}) {
      // Kept as the URL will say it (values out of range or unknown fall back as on a reload).
      state = read(write(next, location.search));
      if (now) flush();
      else {
        clearTimeout(timer);
        timer = setTimeout(flush, pauseMs);
      }
      tell();
    },
    reload() {
      clearTimeout(timer);
      state = read(location.search);
      tell();
      return state;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
