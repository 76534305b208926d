/**
 * The fast path of ranking and ordering: when every value is a finite whole number, or a whole
 * number of hundredths (a score rounded to two decimals, a count), the values map one-to-one and
 * in order onto small integer keys, and a counting sort replaces the comparison sort: O(n + span)
 * instead of O(n log n), which is what lets a slider re-rank a million placements per move.
 */
export interface IntegerKeys {
  /** key[i] = value[i] · scale − min, so equal values share a key and keys keep the values' order. */
  keys: Int32Array;
  /** The largest key + 1. */
  span: number;
}

const SCALES = [1, 100];

/** The keys of `values` if a counting sort is both exact and cheap for them (span at most 8n + 4096), else null (e.g. a NaN, an Infinity, three decimals, a wide range). */
export function integerKeys(values: ArrayLike<number | null>): IntegerKeys | null {
  const n = values.length;
  if (n === 0) return null;
  scales: for (const scale of SCALES) {
    const keys = new Int32Array(n);
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (v == null || !Number.isFinite(v)) return null;
      const k = Math.round(v * scale);
      // Exact: the value is the very double of k / scale, so distinct values get distinct keys.
      if (k / scale !== v || Math.abs(k) > 2 ** 30) continue scales;
      keys[i] = k;
      if (k < min) min = k;
      if (k > max) max = k;
    }
    const span = max - min + 1;
    if (span > 8 * n + 4096) return null;
    for (let i = 0; i < n; i++) keys[i] -= min;
    return { keys, span };
  }
  return null;
}

/** How many values have each key. */
export function keyCounts({ keys, span }: IntegerKeys): Uint32Array {
  const counts = new Uint32Array(span);
  for (let i = 0; i < keys.length; i++) counts[keys[i]]++;
  return counts;
}
