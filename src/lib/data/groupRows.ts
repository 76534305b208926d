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
