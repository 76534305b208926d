import { finitePairs } from './finitePairs.ts';
import { pearsonDense } from './pearson.ts';
import { rank } from './rank.ts';

/** Spearman's rho as the Pearson correlation of average ranks, over pairs where both values are finite (null/NaN/±Infinity pairs dropped); NaN with fewer than 3 such pairs or when either side is all ties; throws RangeError when lengths differ. */
export function spearman(x: ArrayLike<number | null>, y: ArrayLike<number | null>): number {
  const p = finitePairs(x, y);
  return pearsonDense(rank(p.x), rank(p.y));
}
