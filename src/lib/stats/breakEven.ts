/**
 * Where a verdict flips along a swept assumption: the values at which the mean paired difference
 * (e.g. ρ(fit) − ρ(reach)) changes sign, by linear interpolation between the two adjacent swept
 * points whose means have opposite signs.
 */

/** One swept point: the assumption's value, the mean difference there and its interval. */
export interface SweptPoint {
  x: number;
  mean: number;
  lo?: number;
  hi?: number;
}

export interface BreakEven {
  /** The interpolated value at which the mean difference is 0. */
  x: number;
  /** The swept values on either side whose mean differences have opposite signs. */
  from: number;
  to: number;
  /** 'up': the difference goes from negative to positive as the value rises; 'down': the reverse. */
  direction: 'up' | 'down';
  /** Both bracketing points' intervals exclude 0 (the flip is not within the noise). */
  clear: boolean;
}

const sign = (v: number) => (v > 0 ? 1 : v < 0 ? -1 : 0);
const excludesZero = (p: SweptPoint) => p.lo !== undefined && p.hi !== undefined && (p.lo > 0 || p.hi < 0);

/**
 * Every break-even value along the grid, in order (empty: no flip within the range). Points with a
 * NaN mean are skipped. A mean of exactly 0 on a grid point between a positive and a negative one is
 * the break-even itself (a run of zeros: its middle); touching 0 and turning back is no flip, nor is
 * a zero at either end of the range. Throws RangeError unless the grid values rise strictly.
 */
export function breakEvens(points: readonly SweptPoint[]): BreakEven[] {
  for (let k = 1; k < points.length; k++) {
    if (!(points[k].x > points[k - 1].x)) throw new RangeError(`the grid must rise strictly (${points[k - 1].x}, then ${points[k].x})`);
  }
  const finite = points.filter((p) => p.mean === p.mean);
  const out: BreakEven[] = [];
  let last = -1;
  for (let k = 0; k < finite.length; k++) {
    if (sign(finite[k].mean) === 0) continue;
    if (last >= 0 && sign(finite[k].mean) !== sign(finite[last].mean)) {
      const a = finite[last];
      const b = finite[k];
      const x = k === last + 1 ? a.x + ((0 - a.mean) * (b.x - a.x)) / (b.mean - a.mean) : (finite[last + 1].x + finite[k - 1].x) / 2;
      out.push({ x, from: a.x, to: b.x, direction: b.mean > 0 ? 'up' : 'down', clear: excludesZero(a) && excludesZero(b) });
    }
    last = k;
  }
  return out;
}
