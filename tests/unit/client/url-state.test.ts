import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { urlState } from '../../../src/lib/client/url-state.ts';
import { DEFAULTS, readParams, writeParams } from '../../../src/lib/state/params.ts';

/** A page's location and history: replaceState changes the search the next read sees. */
function fakePage(search: string) {
  const page = { pathname: '/essay/', search, hash: '#fig', writes: 0 };
  vi.stubGlobal('location', page);
  vi.stubGlobal('history', {
    state: null,
    replaceState: (_: unknown, __: string, url: string) => {
      page.writes++;
      page.search = url.slice(page.pathname.length).replace(/#.*$/, '');
    },
  });
  return page;
}

describe('the URL-state store', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('reads the URL once, and writes once when changes pause', () => {
    const page = fakePage('?budget=50000');
    const store = urlState(readParams, writeParams);
    expect(store.get().budget).toBe(50000);
    page.search = '?budget=1'; // not read again
    expect(store.get().budget).toBe(50000);
    for (let b = 1000; b <= 5000; b += 1000) store.set({ ...store.get(), budget: b });
    expect(page.writes).toBe(0);
    vi.advanceTimersByTime(200);
    expect(page.writes).toBe(1);
    expect(readParams(page.search).budget).toBe(5000);
  });

  it('writes at once when asked, keeps the state as the URL says it, and tells subscribers', () => {
    const page = fakePage('');
    const store = urlState(readParams, writeParams);
    const heard: number[] = [];
    store.subscribe((s) => heard.push(s.budget as number));
    store.set({ ...store.get(), budget: -5 }, { now: true }); // out of range: falls back as on a reload
    expect(page.writes).toBe(1);
    expect(store.get().budget).toBe(DEFAULTS.budget);
    expect(page.search).toBe('');
    page.search = '?budget=30000';
    expect(store.reload().budget).toBe(30000);
    expect(heard).toEqual([DEFAULTS.budget, 30000]);
  });
});
