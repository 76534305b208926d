import { orderBy } from './orderBy.ts';
import { spearman } from './spearman.ts';
import { bootstrapStart, percentileInterval, type BootstrapOptions, type Interval } from './bootstrap.ts';

/** Each value's place among the distinct values of its array (0 for the smallest), and how many there are. */
function distinctCodes(values: Float64Array): { codes: Uint32Array; count: number } {
  const order = orderBy(values, 'ascending');
  const codes = new Uint32Array(values.length);
  let count = 0;
  for (let i = 0; i < order.length; i++) {
    if (i > 0 && values[order[i]] !== values[order[i - 1]]) count++;
    codes[order[i]] = count;
  }
  return { codes, count: values.length ? count + 1 : 0 };
}

/**
 * bootstrapInterval(x, y, spearman, options), to the last bit, without sorting each resample: the
 * same seeded resamples (each pair drawn a number of times) and the same statistic, the Pearson
 * correlation (pearsonDense) of the same average ranks in the same order, but y is coded once by
 * its place among its distinct values and x is walked in runs of equal values, so a resample's
 * ranks come from counts: O(n) per resample with no sort and no allocation, which keeps the
 * intervals at the end of a drag to milliseconds.
 */
export function spearmanBootstrap(x: ArrayLike<number | null>, y: ArrayLike<number | null>, options: BootstrapOptions = {}): Interval {
  // Pairs in ascending order of x (the order bootstrapInterval hands them over in): runs of equal x
  // are then adjacent, and a resample's ranks of x are one walk over them.
  const { p, n, estimate, samples, level, u, byX } = bootstrapStart(x, y, spearman, options);
  if (!u || !byX) return { estimate, lo: NaN, hi: NaN };
  const cy = distinctCodes(p.y);
  const yCode = Uint32Array.from(byX, (j) => cy.codes[j]);
  const runEnd = new Uint32Array(n); // for the first pair of each run of equal x, where the run ends
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && p.x[byX[j]] === p.x[byX[i]]) j++;
    runEnd[i] = j;
    i = j;
  }
  const counts = new Uint32Array(n);
  const weight = new Uint32Array(n); // how many times each pair (in x order) is drawn
  const rankX = new Float64Array(n); // its rank of x in the resample
  const perY = new Uint32Array(cy.count);
  const rankY = new Float64Array(cy.count);
  const stats = new Float64Array(samples);
  let m = 0;
  for (let s = 0; s < samples; s++) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[Math.floor(u() * n)]++;
    perY.fill(0);
    // Ranks of x: each run of equal x drawn `inRun` times shares the mean of its ranks.
    let below = 0;
    let topX = 0;
    let runsX = 0;
    for (let i = 0; i < n; ) {
      const end = runEnd[i];
      let inRun = 0;
      for (let j = i; j < end; j++) {
        const c = counts[byX[j]];
        weight[j] = c;
        inRun += c;
        perY[yCode[j]] += c;
      }
      if (inRun > 0) {
        topX = below + (inRun + 1) / 2;
        for (let j = i; j < end; j++) rankX[j] = topX;
        below += inRun;
        runsX++;
      }
      i = end;
    }
    // Ranks of y, by code.
    below = 0;
    let topY = 0;
    let codesY = 0;
    for (let k = 0; k < perY.length; k++) {
      const c = perY[k];
      if (c === 0) continue;
      topY = rankY[k] = below + (c + 1) / 2;
      below += c;
      codesY++;
    }
    // pearsonDense(ranks of x, ranks of y) written out over the pairs as drawn, in the same order of
    // additions (so the result is the same double): it stays a copy of pearson.ts's sums because
    // expanding the resample into rank arrays for pearsonDense made the interval twice as slow.
    // NaN (left out) when either side is all ties; values scaled by their largest magnitude (the top rank) first.
    if (runsX < 2 || codesY < 2) continue;
    let mx = 0;
    let my = 0;
    for (let i = 0; i < n; i++) {
      const c = weight[i];
      if (c === 0) continue;
      const rx = rankX[i] / topX;
      const ry = rankY[yCode[i]] / topY;
      for (let k = 0; k < c; k++) {
        mx += rx;
        my += ry;
      }
    }
    mx /= n;
    my /= n;
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    for (let i = 0; i < n; i++) {
      const c = weight[i];
      if (c === 0) continue;
      const dx = rankX[i] / topX - mx;
      const dy = rankY[yCode[i]] / topY - my;
      for (let k = 0; k < c; k++) {
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
      }
    }
    const r = sxy / Math.sqrt(sxx * syy);
    const v = r > 1 ? 1 : r < -1 ? -1 : r;
    if (v === v) stats[m++] = v;
  }
  return percentileInterval(estimate, stats, m, level);
}
