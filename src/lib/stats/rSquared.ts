import { finitePairs } from './finitePairs.ts';

/** R² = 1 − SS_res/SS_tot of the least-squares line y ≈ a + b·x, over pairs where both values are finite (null/NaN/±Infinity dropped); NaN with fewer than 3 pairs or when x or y is constant; throws RangeError when lengths differ. */
export function rSquared(x: ArrayLike<number | null>, y: ArrayLike<number | null>): number {
  const p = finitePairs(x, y);
  const n = p.x.length;
  if (n < 3 || isConstant(p.x) || isConstant(p.y)) return NaN;
  // R² does not change when x or y is rescaled; dividing by the largest magnitude keeps squares finite.
  const sx = maxAbs(p.x);
  const sy = maxAbs(p.y);
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += p.x[i] / sx;
    my += p.y[i] / sy;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = p.x[i] / sx - mx;
    const dy = p.y[i] / sy - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  const b = sxy / sxx;
  const a = my - b * mx;
  let ssRes = 0;
  for (let i = 0; i < n; i++) {
    const e = p.y[i] / sy - (a + b * (p.x[i] / sx));
    ssRes += e * e;
  }
  const r2 = 1 - ssRes / syy;
  return r2 < 0 ? 0 : r2 > 1 ? 1 : r2;
}

function maxAbs(v: Float64Array): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i]));
  return m;
}

function isConstant(v: Float64Array): boolean {
  for (let i = 1; i < v.length; i++) if (v[i] !== v[0]) return false;
  return true;
}
