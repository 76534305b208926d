import { pearson } from './pearson.ts';

/** R² of the least-squares line y ≈ a + b·x: the square of Pearson's r over pairs where both values are finite (null/NaN/±Infinity dropped); NaN with fewer than 3 pairs or when x or y is constant; throws RangeError when lengths differ. */
export function rSquared(x: ArrayLike<number | null>, y: ArrayLike<number | null>): number {
  const r = pearson(x, y);
  return r * r;
}
