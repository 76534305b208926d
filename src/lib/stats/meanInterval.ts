/** Upper 2.5% points of Student's t for 1–30 degrees of freedom (standard tables); beyond 30, the normal 1.96 is within 2%. */
const T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];

/**
 * The mean of the finite values and its 95% t interval (mean ± t₀.₉₇₅,ₙ₋₁ · s / √n): across seeds,
 * where each value is one independent world's paired difference. lo = hi = mean for one value;
 * all NaN with none.
 */
export function meanInterval(values: ArrayLike<number>): { mean: number; lo: number; hi: number; n: number } {
  const xs = Array.from(values).filter((v) => Number.isFinite(v));
  const n = xs.length;
  if (n === 0) return { mean: NaN, lo: NaN, hi: NaN, n };
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  if (n === 1) return { mean, lo: mean, hi: mean, n };
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  const t = n - 1 <= T975.length ? T975[n - 2] : 1.96;
  const half = (t * sd) / Math.sqrt(n);
  return { mean, lo: mean - half, hi: mean + half, n };
}
