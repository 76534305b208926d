/**
 * The query cache: least recently used results are dropped first, and a hit counts as a use
 * (a figure dragged back and forth keeps its rows). Results of queries without parameters are
 * pinned: they are never dropped, so a model that keys work on such a frame's identity keeps it.
 */
export class QueryCache<V> {
  private readonly recent = new Map<string, V>();
  private readonly pinned = new Map<string, V>();
  readonly capacity: number;
  constructor(capacity: number) {
    this.capacity = capacity;
  }

  get(key: string): V | undefined {
    const hit = this.pinned.get(key);
    if (hit !== undefined) return hit;
    const value = this.recent.get(key);
    if (value !== undefined) {
      this.recent.delete(key); // re-inserted as the newest
      this.recent.set(key, value);
    }
    return value;
  }

  /** Keep a value; `pin` keeps it for good (a parameterless query's result). */
  set(key: string, value: V, pin = false): void {
    if (pin) return void this.pinned.set(key, value);
    this.recent.delete(key);
    this.recent.set(key, value);
    while (this.recent.size > this.capacity) this.recent.delete(this.recent.keys().next().value!);
  }

  delete(key: string): void {
    this.recent.delete(key);
    this.pinned.delete(key);
  }

  get size(): number {
    return this.recent.size + this.pinned.size;
  }
}
