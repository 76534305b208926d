/** The pairs (x[i], y[i]) where both are finite numbers, as two dense arrays; null, NaN and ±Infinity pairs are dropped; throws RangeError when the lengths differ. */
export function finitePairs(
  x: ArrayLike<number | null>,
  y: ArrayLike<number | null>,
): { x: Float64Array; y: Float64Array } {
  if (x.length !== y.length) throw new RangeError(`x and y differ in length (${x.length} vs ${y.length})`);
  const xs = new Float64Array(x.length);
  const ys = new Float64Array(x.length);
  let m = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i];
    const b = y[i];
    if (a != null && b != null && Number.isFinite(a) && Number.isFinite(b)) {
      xs[m] = a;
      ys[m++] = b;
    }
  }
  return { x: xs.subarray(0, m), y: ys.subarray(0, m) };
}
