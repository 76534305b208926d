import { describe, expect, it } from 'vitest';
import { TaskQueue, nextTask } from '../../../src/lib/lab/tasks.ts';

/** A chain of `n` microtasks; resolves with how many ran. */
function microtasks(n: number, log: string[]): Promise<void> {
  return new Promise((resolve) => {
    let k = 0;
    const step = () => {
      if (++k === n) {
        log.push('microtasks done');
        resolve();
      } else queueMicrotask(step);
    };
    queueMicrotask(step);
  });
}

describe('nextTask', () => {
  it('resolves in a later task: a long chain of microtasks queued after it still runs first', async () => {
    const log: string[] = [];
    const yielded = nextTask().then(() => log.push('next task'));
    const chain = microtasks(5000, log);
    await Promise.all([yielded, chain]);
    expect(log).toEqual(['microtasks done', 'next task']);
  });
});

describe('TaskQueue: one job per task', () => {
  /** A yield the test releases by hand, so it can see what ran before each one. */
  function manualYield() {
    const waiting: (() => void)[] = [];
    return {
      yieldTask: () => new Promise<void>((resolve) => waiting.push(resolve)),
      pending: () => waiting.length,
      release: () => waiting.shift()!(),
    };
  }
  const settle = () => new Promise((r) => setTimeout(r, 0));

  it('yields before every job, so two jobs never run in the same task', async () => {
    const y = manualYield();
    const q = new TaskQueue(y.yieldTask);
    const ran: string[] = [];
    const a = q.run('lab test a', () => ran.push('a'));
    const b = q.run('lab test b', () => ran.push('b'));
    await settle();
    expect(ran).toEqual([]);
    expect(y.pending()).toBe(1);
    y.release();
    await a;
    await settle();
    // a ran; b waits for a yield of its own.
    expect(ran).toEqual(['a']);
    expect(y.pending()).toBe(1);
    y.release();
    await b;
    expect(ran).toEqual(['a', 'b']);
  });

  it('runs jobs in order, a failing job failing only its own promise', async () => {
    const q = new TaskQueue();
    const ran: number[] = [];
    const results = await Promise.allSettled([
      q.run('lab test 1', () => ran.push(1)),
      q.run('lab test 2', () => {
        throw new Error('boom');
      }),
      q.run('lab test 3', () => ran.push(3)),
    ]);
    expect(ran).toEqual([1, 3]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('measures each job under its name', async () => {
    await new TaskQueue().run('lab test measured', () => 1);
    expect(performance.getEntriesByName('lab test measured', 'measure')).toHaveLength(1);
  });
});
