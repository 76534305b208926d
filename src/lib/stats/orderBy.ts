/** Indices of values sorted descending (or ascending), ties kept in index order, null/NaN last in index order; empty gives empty. */
export function orderBy(
  values: ArrayLike<number | null>,
  direction: 'descending' | 'ascending' = 'descending',
): Uint32Array {
  const n = values.length;
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
