/** At most `max` points of a curve, evenly spaced by item, the last one always kept: for drawing, as a chart cannot show more. */
export function thinCurve(c: { share: ArrayLike<number>; gain: ArrayLike<number> }, max: number): { share: number; gain: number }[] {
  const n = c.share.length;
  const step = Math.max(1, Math.ceil(n / max));
  const out: { share: number; gain: number }[] = [];
  for (let i = 0; i < n; i += step) out.push({ share: c.share[i], gain: c.gain[i] });
  if (n > 0 && (n - 1) % step !== 0) out.push({ share: c.share[n - 1], gain: c.gain[n - 1] });
  return out;
}
