/**
 * The order queries go to an engine: what is on screen first, prefetches and off-screen figures
 * after. A few requests are in flight at once (DuckDB-WASM's worker answers them one by one, so
 * more in flight would only queue there, where nothing can overtake them).
 */
export type Priority = 'visible' | 'background';

interface Task {
  priority: Priority;
  start: () => void;
}

export class Scheduler {
  private readonly waiting: Task[] = [];
  private running = 0;
  readonly concurrency: number;
  constructor(concurrency = 2) {
    this.concurrency = concurrency;
  }

  /** Run `work` when its turn comes; `raise()` on the handle moves a waiting background task to the front lane. */
  add<T>(priority: Priority, work: () => Promise<T>): { result: Promise<T>; raise: () => void } {
    let task!: Task;
    const result = new Promise<T>((resolve, reject) => {
      task = {
        priority,
        start: () => {
          this.running++;
          work()
            .then(resolve, reject)
            .finally(() => {
              this.running--;
              this.next();
            });
        },
      };
    });
    this.waiting.push(task);
    this.next();
    return { result, raise: () => void (task.priority = 'visible') };
  }

  private next(): void {
    while (this.running < this.concurrency && this.waiting.length > 0) {
      const i = this.waiting.findIndex((t) => t.priority === 'visible');
      this.waiting.splice(i < 0 ? 0 : i, 1)[0].start();
    }
  }
}
