import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_WAIT_MS, QUIET_MS, onScreen, readerFirst } from '../../../src/lib/db/readerFirst.ts';

/** When `readerFirst()` resolves, in ms after it was called (fake time). */
async function waitOf(during?: () => void): Promise<number> {
  const from = performance.now();
  let at = -1;
  void readerFirst().then(() => (at = performance.now() - from));
  during?.();
  for (let t = 0; t < 2 * MAX_WAIT_MS && at < 0; t++) await vi.advanceTimersByTimeAsync(1);
  return at;
}

describe('readerFirst: the SQL cell waits while the page answers a move', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('goes at once when no query for the screen has run lately', async () => {
    await vi.advanceTimersByTimeAsync(10 * QUIET_MS);
    expect(await waitOf()).toBe(0);
  });

  it('waits until QUIET_MS after the last on-screen query ended', async () => {
    await vi.advanceTimersByTimeAsync(10 * QUIET_MS);
    await onScreen(Promise.resolve(1));
    await vi.advanceTimersByTimeAsync(40);
    const at = await waitOf();
    expect(at).toBeGreaterThanOrEqual(QUIET_MS - 40 - 1);
    expect(at).toBeLessThanOrEqual(QUIET_MS - 40 + 1);
  });

  it('waits while an on-screen query runs, and QUIET_MS after it ends', async () => {
    await vi.advanceTimersByTimeAsync(10 * QUIET_MS);
    let finish!: () => void;
    void onScreen(new Promise<void>((r) => (finish = r)));
    const at = await waitOf(() => setTimeout(() => finish(), 60));
    expect(at).toBeGreaterThanOrEqual(60 + QUIET_MS - 1);
    expect(at).toBeLessThanOrEqual(60 + QUIET_MS + 2);
  });

  it('never waits longer than MAX_WAIT_MS, however long the page stays busy (a failed query counts as ended)', async () => {
    await vi.advanceTimersByTimeAsync(10 * QUIET_MS);
    let fail!: (e: Error) => void;
    const running = onScreen(new Promise<void>((_, reject) => (fail = reject)));
    running.catch(() => {});
    const at = await waitOf();
    expect(at).toBeGreaterThanOrEqual(MAX_WAIT_MS - 1);
    expect(at).toBeLessThanOrEqual(MAX_WAIT_MS + 1);
    fail(new Error('x'));
    await vi.advanceTimersByTimeAsync(QUIET_MS);
    expect(await waitOf()).toBe(0);
  });
});
