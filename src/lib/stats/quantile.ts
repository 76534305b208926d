/** The p-quantile of values already sorted ascending, by linear interpolation between order statistics (R type 7, as d3.quantileSorted); NaN when empty or p is NaN; p is clamped to [0, 1]. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0 || p !== p) return NaN;
  if (p <= 0 || n === 1) return sorted[0];
  if (p >= 1) return sorted[n - 1];
  const h = (n - 1) * p;
  const i = Math.floor(h);
  return sorted[i] + (sorted[i + 1] - sorted[i]) * (h - i);
}
