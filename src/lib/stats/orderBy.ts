import { integerKeys, keyCounts, type IntegerKeys } from './integerKeys.ts';

/** Indices of values sorted descending (or ascending), ties kept in index order, null/NaN last in index order; empty gives empty. */
export function orderBy(
  values: ArrayLike<number | null>,
  direction: 'descending' | 'ascending' = 'descending',
): Uint32Array {
  const n = values.length;
  const integer = integerKeys(values);
  if (integer) return orderByKeys(integer, direction);
  const valid: number[] = [];
  const missing: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = values[i];
    (v != null && v === v ? valid : missing).push(i);
  }
  const sign = direction === 'ascending' ? 1 : -1;
  valid.sort((a, b) => {
    const va = values[a] as number;
    const vb = values[b] as number;
    return va < vb ? -sign : va > vb ? sign : a - b;
  });
  const out = new Uint32Array(n);
  out.set(valid);
  out.set(missing, valid.length);
  return out;
}

/** The counting-sort path: a stable placement by key, so ties keep their index order. */
function orderByKeys(integer: IntegerKeys, direction: 'descending' | 'ascending'): Uint32Array {
  const { keys, span } = integer;
  const counts = keyCounts(integer);
  const start = new Uint32Array(span);
  let at = 0;
  for (let j = 0; j < span; j++) {
    const k = direction === 'ascending' ? j : span - 1 - j;
    start[k] = at;
    at += counts[k];
  }
  const out = new Uint32Array(keys.length);
  for (let i = 0; i < keys.length; i++) out[start[keys[i]]++] = i;
  return out;
}
