import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { QueryStopped, changed, readOnly, type ReadOnlyBindings } from '../../../src/lib/db/readOnly.ts';
import { GLOBAL_SETTINGS_SQL } from '../../../src/lib/db/lock.ts';

describe('changed: the settings that differ between two snapshots', () => {
  it.each([
    ['a=1;b=2', 'a=1;b=2', ''],
    ['a=1;b=2', 'a=1;b=3', 'b'],
    ['enable_logging=false;threads=1', 'enable_logging=true;threads=2', 'enable_logging, threads'],
    ['a=1', 'a=1;z=x=y', 'z'],
    ['a=;b=2', 'a=x;b=2', 'a'],
  ])('%s → %s', (before, after, expected) => {
    expect(changed(before, after)).toBe(expected);
  });
});

describe('readOnly: the deadline counts the statement’s own time', () => {
  const header = tableToIPC(tableFromArrays({ n: new Int32Array([1]) }), 'stream');
  const settings = tableToIPC(tableFromArrays({ s: ['threads=1'] }), 'stream');
  /** Bindings whose statement is ready after `polls` polls, each taking `pollMs` (fake time). */
  const bindings = (polls: number, pollMs: number): ReadOnlyBindings => {
    let n = 0;
    const later = <T>(value: T, ms: number) => new Promise<T>((r) => setTimeout(() => r(value), ms));
    return {
      connectInternal: async () => 1,
      disconnect: async () => {},
      runQuery: async (_, sql) => (sql === GLOBAL_SETTINGS_SQL ? settings : new Uint8Array(0)),
      createPrepared: async () => 1,
      closePrepared: async () => {},
      startPendingQuery: async () => null,
      pollPendingQuery: () => later(++n >= polls ? header : null, pollMs),
      cancelPendingQuery: async () => true,
      fetchQueryResults: async () => new Uint8Array(0),
    };
  };
  const session = (b: ReadOnlyBindings) => ({ bindings: b, ask: <T>(r: Promise<T>) => r, lockedSettings: 'threads=1', abandon: () => {} });
  const options = { maxRows: 10, maxBytes: 1e6, timeoutMs: 150 };

  beforeEach(() => void vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] }));
  afterEach(() => void vi.useRealTimers());

  it('time spent waiting between slices (for the reader) is added back', async () => {
    const between = () => new Promise<void>((r) => setTimeout(r, 100));
    const result = readOnly(session(bindings(4, 10)), 'SELECT 1', { ...options, between });
    await vi.advanceTimersByTimeAsync(1000);
    await expect(result).resolves.toMatchObject({ names: ['n'], truncated: null });
  });

  it('a statement running past it is stopped', async () => {
    const result = readOnly(session(bindings(4, 100)), 'SELECT 1', options);
    result.catch(() => {});
    await vi.advanceTimersByTimeAsync(1000);
    await expect(result).rejects.toBeInstanceOf(QueryStopped);
    await expect(result).rejects.toMatchObject({ why: 'timeout' });
  });
});
