import { describe, expect, it } from 'vitest';
import { QueryCache } from '../../../src/lib/db/cache.ts';
import { Scheduler } from '../../../src/lib/db/schedule.ts';
import { runQuery } from '../../../src/lib/db/run.ts';
import { DEFAULTS } from '../../../src/lib/state/params.ts';
import type { Engine } from '../../../src/lib/db/engine.ts';

describe('the query cache', () => {
  it('drops the least recently used entry, a hit counting as a use', () => {
    const c = new QueryCache<number>(2);
    c.set('a', 1);
    c.set('b', 2);
    expect(c.get('a')).toBe(1); // a is now newer than b
    c.set('c', 3);
    expect([c.get('a'), c.get('b'), c.get('c')]).toEqual([1, undefined, 3]);
  });

  it('never drops a pinned entry', () => {
    const c = new QueryCache<number>(1);
    c.set('tree', 0, true);
    for (let i = 0; i < 10; i++) c.set(`k${i}`, i);
    expect(c.get('tree')).toBe(0);
    expect(c.size).toBe(2);
  });
});

describe('the scheduler', () => {
  it('starts what is on screen before background work that was queued earlier', async () => {
    const s = new Scheduler(1);
    const order: string[] = [];
    let release!: () => void;
    const first = s.add('visible', () => new Promise<void>((r) => (release = r)).then(() => void order.push('running')));
    const bg = s.add('background', async () => void order.push('prefetch'));
    const fg = s.add('visible', async () => void order.push('figure'));
    release();
    await Promise.all([first.result, bg.result, fg.result]);
    expect(order).toEqual(['running', 'figure', 'prefetch']);
  });

  it('lets a raised background task overtake', async () => {
    const s = new Scheduler(1);
    const order: string[] = [];
    let release!: () => void;
    const first = s.add('visible', () => new Promise<void>((r) => (release = r)));
    const a = s.add('background', async () => void order.push('a'));
    const b = s.add('background', async () => void order.push('b'));
    b.raise();
    release();
    await Promise.all([first.result, a.result, b.result]);
    expect(order).toEqual(['b', 'a']);
  });
});

describe('runQuery', () => {
  const counting = () => {
    const calls: string[] = [];
    const engine: Engine = {
      exec: async () => {},
      query: async (sql, values = []) => {
        calls.push(JSON.stringify(values));
        return { names: [], columns: {}, length: calls.length };
      },
    };
    return { engine, calls };
  };

  it('runs identical queries once per engine, and a parameterless one for the engine’s life', async () => {
    const { engine, calls } = counting();
    const tree = await runQuery(engine, 'topic_tree', {});
    const first = await runQuery(engine, 'brand_offers', { ...DEFAULTS, brand: 'b0' });
    expect(await runQuery(engine, 'brand_offers', { ...DEFAULTS, brand: 'b0' })).toBe(first);
    for (let i = 1; i <= 100; i++) await runQuery(engine, 'brand_offers', { ...DEFAULTS, brand: `b${i}` });
    expect(calls.length).toBe(102);
    expect(await runQuery(engine, 'topic_tree', {})).toBe(tree); // pinned, though 100 runs came after it
    expect(await runQuery(engine, 'brand_offers', { ...DEFAULTS, brand: 'b0' })).not.toBe(first); // dropped: the least recently used
    const before = calls.length;
    await runQuery(counting().engine, 'topic_tree', {});
    expect(calls.length).toBe(before); // another engine has its own cache and calls
  });
});
