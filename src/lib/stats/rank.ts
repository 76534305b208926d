import { integerKeys, keyCounts, type IntegerKeys } from './integerKeys.ts';

/** Average (fractional) 1-based ranks: tied values share the mean of their ranks; null/NaN get NaN and are not counted; ±Infinity are ranked; empty gives empty. */
export function rank(values: ArrayLike<number | null>): Float64Array {
  const n = values.length;
  const integer = integerKeys(values);
  if (integer) return rankByKeys(integer);
  const keys = new Float64Array(n);
  const index = new Uint32Array(n);
  const out = new Float64Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v != null && v === v) {
      keys[m] = v;
      index[m++] = i;
    } else out[i] = NaN;
  }
  if (!isSorted(keys, m)) sortTogether(keys, index, 0, m - 1);
  for (let start = 0; start < m; ) {
    let end = start + 1;
    while (end < m && keys[end] === keys[start]) end++;
    const r = (start + 1 + end) / 2;
    for (let j = start; j < end; j++) out[index[j]] = r;
    start = end;
  }
  return out;
}

/** The counting-sort path: each key's average rank from the counts of the keys below it. */
function rankByKeys(integer: IntegerKeys): Float64Array {
  const counts = keyCounts(integer);
  const middle = new Float64Array(integer.span);
  let below = 0;
  for (let k = 0; k < integer.span; k++) {
    middle[k] = below + (counts[k] + 1) / 2;
    below += counts[k];
  }
  const { keys } = integer;
  const out = new Float64Array(keys.length);
  for (let i = 0; i < keys.length; i++) out[i] = middle[keys[i]];
  return out;
}

// Quicksort of keys[lo..hi] ascending, permuting index alongside: about 5× faster than
// sorting indices with a comparator, which matters inside the bootstrap.
function sortTogether(keys: Float64Array, index: Uint32Array, lo: number, hi: number): void {
  while (hi - lo > 16) {
    const pivot = median3(keys[lo], keys[(lo + hi) >>> 1], keys[hi]);
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (keys[i] < pivot) i++;
      while (keys[j] > pivot) j--;
      if (i <= j) {
        swap(keys, index, i++, j--);
      }
    }
    // Recurse into the smaller side so the stack stays O(log n).
    if (j - lo < hi - i) {
      sortTogether(keys, index, lo, j);
      lo = i;
    } else {
      sortTogether(keys, index, i, hi);
      hi = j;
    }
  }
  for (let i = lo + 1; i <= hi; i++) {
    for (let j = i; j > lo && keys[j - 1] > keys[j]; j--) swap(keys, index, j, j - 1);
  }
}

function isSorted(keys: Float64Array, m: number): boolean {
  for (let i = 1; i < m; i++) if (keys[i - 1] > keys[i]) return false;
  return true;
}

function median3(a: number, b: number, c: number): number {
  return a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
}

function swap(keys: Float64Array, index: Uint32Array, i: number, j: number): void {
  const k = keys[i];
  keys[i] = keys[j];
  keys[j] = k;
  const t = index[i];
  index[i] = index[j];
  index[j] = t;
}
