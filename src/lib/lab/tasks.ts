/**
 * Main-thread work in short tasks: the lab draws each figure in a task of its own, yielding to the
 * browser (input, rendering) between them, so no regeneration holds the main thread for long.
 */

type Yield = () => Promise<void>;

/** Resolve in a new task (scheduler.yield where there is one, else a message to ourselves). Never a microtask. */
export const nextTask: Yield = () => {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
};

/**
 * Jobs one per task, in the order given: each starts in a new task, after the one before it has
 * ended. A job is measured (performance.measure `name`) where the Performance API is available.
 */
export class TaskQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly yieldTask: Yield;

  constructor(yieldTask: Yield = nextTask) {
    this.yieldTask = yieldTask;
  }

  run<T>(name: string, job: () => T): Promise<T> {
    const result = this.tail
      .then(() => this.yieldTask())
      .then(() => {
        const start = performance.now();
        try {
          return job();
        } finally {
          performance.measure?.(name, { start, end: performance.now() });
        }
      });
    this.tail = result.catch(() => {});
    return result;
  }
}
