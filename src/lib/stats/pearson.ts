import { finitePairs } from './finitePairs.ts';

/** Pearson correlation over the pairs where both values are finite (null/NaN/±Infinity pairs dropped); NaN with fewer than 3 such pairs or when either side is constant; throws RangeError when lengths differ. */
export function pearson(x: ArrayLike<number | null>, y: ArrayLike<number | null>): number {
  const p = finitePairs(x, y);
  return pearsonDense(p.x, p.y);
}

/** Pearson correlation of two dense finite arrays of equal length; NaN with fewer than 3 values or a constant side. */
export function pearsonDense(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  if (n < 3) return NaN;
  // Divide by the largest magnitude first so that squares of huge values cannot overflow.
  const sx = maxAbs(x);
  const sy = maxAbs(y);
  if (isConstant(x) || isConstant(y)) return NaN;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i] / sx;
    my += y[i] / sy;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] / sx - mx;
    const dy = y[i] / sy - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  const r = sxy / Math.sqrt(sxx * syy);
  return r > 1 ? 1 : r < -1 ? -1 : r;
}

function maxAbs(v: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i]));
  return m;
}

function isConstant(v: ArrayLike<number>): boolean {
  for (let i = 1; i < v.length; i++) if (v[i] !== v[0]) return false;
  return true;
}
