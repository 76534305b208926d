/** The row indices of each key (e.g. a frame's brand column), keys in order of first appearance. */
export function groupRows<K>(keys: ArrayLike<K>): Map<K, number[]> {
  const groups = new Map<K, number[]>();
  for (let i = 0; i < keys.length; i++) {
    const g = groups.get(keys[i]);
    if (g) g.push(i);
    else groups.set(keys[i], [i]);
  }
  return groups;
}

/**
 * The same, as typed arrays, for large frames: two passes over the keys, and a lookup only where
 * the key changes from the row before (a million rows sorted by brand: five lookups, not a million).
 */
export function groupIndices<K>(keys: ArrayLike<K>): Map<K, Uint32Array> {
  const order: K[] = [];
  const index = new Map<K, number>();
  const group = new Int32Array(keys.length);
  const sizes: number[] = [];
  let previous: K | undefined;
  let g = -1;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (i === 0 || key !== previous) {
      g = index.get(key) ?? -1;
      if (g < 0) {
        g = order.push(key) - 1;
        index.set(key, g);
        sizes.push(0);
      }
      previous = key;
    }
    group[i] = g;
    sizes[g]++;
  }
  const rows = sizes.map((n) => new Uint32Array(n));
  const filled = new Array<number>(sizes.length).fill(0);
  for (let i = 0; i < keys.length; i++) rows[group[i]][filled[group[i]]++] = i;
  return new Map(order.map((key, k) => [key, rows[k]]));
}
