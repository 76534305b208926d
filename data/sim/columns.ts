/** Append-only typed columns for tables whose length is known only at the end. */
export class GrowingColumn<T extends Int32Array | Float64Array | Uint8Array> {
  private data: T;
  length = 0;
  private readonly make: (n: number) => T;

  constructor(make: (n: number) => T, initial = 1024) {
    this.make = make;
    this.data = make(Math.max(16, initial));
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const next = this.make(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }

  /** The values pushed: a view when the capacity was about right, else an exactly sized copy. */
  done(): T {
    const n = this.length;
    return (n >= 0.95 * this.data.length ? this.data.subarray(0, n) : this.data.slice(0, n)) as T;
  }
}

export const int32s = (initial?: number) => new GrowingColumn((n) => new Int32Array(n), initial);
export const float64s = (initial?: number) => new GrowingColumn((n) => new Float64Array(n), initial);

/** Index of the first cumulative weight above u × total (a weighted draw); `cum` is non-decreasing and ends with the total. */
export function drawIndex(cum: Float64Array, u: number): number {
  const target = u * cum[cum.length - 1];
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cum[mid] > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Running sums of weights. */
export function cumulative(weights: ArrayLike<number>): Float64Array {
  const out = new Float64Array(weights.length);
  let s = 0;
  for (let i = 0; i < weights.length; i++) out[i] = s += weights[i];
  return out;
}
