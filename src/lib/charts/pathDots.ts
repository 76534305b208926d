/**
 * A render function for Plot's dot mark that draws the dots as a few <path> elements (each dot a
 * closed pair of arcs) instead of one <circle> per datum. Thousands of circles cost the browser
 * ~25 ms of style, layout and paint per redraw on this kind of machine; a handful of paths, a few.
 * Dots are dealt round-robin into `layers` paths so that overlapping dots still darken as they
 * would as circles (overlaps within one path do not add up; across paths they do).
 */
import type { RenderFunction } from '@observablehq/plot';

const SVG = 'http://www.w3.org/2000/svg';
const fix = (v: number) => Math.round(v * 10) / 10;

export function pathDots({ r, fill, fillOpacity, layers = 8 }: { r: number; fill: string; fillOpacity: number; layers?: number }): RenderFunction {
  return (index, _scales, values, _dimensions, context) => {
    const X = values.x as ArrayLike<number> | undefined;
    const Y = values.y as ArrayLike<number> | undefined;
    const doc = context.document;
    const g = doc.createElementNS(SVG, 'g');
    g.setAttribute('class', 'dots');
    g.setAttribute('fill', fill);
    g.setAttribute('fill-opacity', String(fillOpacity));
    const parts: string[][] = Array.from({ length: layers }, () => []);
    const arc = `a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`;
    let drawn = 0;
    for (const i of index) {
      const x = X ? X[i] : 0;
      const y = Y ? Y[i] : 0;
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      parts[drawn++ % layers].push(`M${fix(x - r)},${fix(y)}${arc}`);
    }
    g.setAttribute('data-dots', String(drawn));
    for (const p of parts) {
      if (p.length === 0) continue;
      const path = doc.createElementNS(SVG, 'path');
      path.setAttribute('d', p.join(''));
      g.append(path);
    }
    return g;
  };
}
