/**
 * Dots drawn as a few <path> elements (each dot a zero-length line with a round cap) instead of one
 * <circle> per datum. Thousands of circles cost the browser ~25 ms of style, layout and paint per
 * redraw on this kind of machine; a handful of paths, a few. Dots are dealt round-robin into
 * `layers` paths so that overlapping dots still darken as they would as circles (overlaps within
 * one path do not add up; across paths they do).
 */

const SVG = 'http://www.w3.org/2000/svg';
const fix = (v: number) => Math.round(v * 10) / 10;

export interface DotStyle {
  r: number;
  fill: string;
  fillOpacity: number;
  layers?: number;
}

/** A <g class="dots"> of the dots at pixel positions (x[i], y[i]) for i in `index`; non-finite positions are skipped. */
export function dotPaths(doc: Document, index: Iterable<number>, x: ArrayLike<number>, y: ArrayLike<number>, { r, fill, fillOpacity, layers = 8 }: DotStyle): SVGGElement {
  const g = doc.createElementNS(SVG, 'g') as SVGGElement;
  g.setAttribute('class', 'dots');
  // Each dot is a zero-length line with a round cap as wide as the dot: the browser lays out points, not arcs.
  g.setAttribute('fill', 'none');
  g.setAttribute('stroke', fill);
  g.setAttribute('stroke-opacity', String(fillOpacity));
  g.setAttribute('stroke-width', String(2 * r));
  g.setAttribute('stroke-linecap', 'round');
  const parts: string[][] = Array.from({ length: layers }, () => []);
  let drawn = 0;
  for (const i of index) {
    if (!Number.isFinite(x[i]) || !Number.isFinite(y[i])) continue;
    parts[drawn++ % layers].push(`M${fix(x[i])},${fix(y[i])}h0`);
  }
  g.setAttribute('data-dots', String(drawn));
  for (const p of parts) {
    if (p.length === 0) continue;
    const path = doc.createElementNS(SVG, 'path');
    path.setAttribute('d', p.join(''));
    g.append(path);
  }
  return g;
}
