/**
 * Finishing touches shared by every chart: one accessible name on the chart's <svg> (role img)
 * instead of Plot's aria-labels on plain groups, which axe reports as a violation. A chart with a
 * legend is a <figure> whose own <svg> child is the chart (the swatches are small SVGs of their own).
 */
export function finishSvg<T extends Element>(plot: T, label: string): T {
  const svg = plot.tagName.toLowerCase() === 'svg' ? plot : Array.from(plot.children).find((c) => c.tagName.toLowerCase() === 'svg');
  if (svg) {
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', label);
  }
  for (const g of Array.from(plot.querySelectorAll('[aria-label]:not([role]), [aria-description]'))) {
    g.removeAttribute('aria-label');
    g.removeAttribute('aria-description');
  }
  for (const inner of Array.from(plot.querySelectorAll('svg:not([role])'))) inner.setAttribute('aria-hidden', 'true');
  return plot;
}

/**
 * Panels drawn as separate plots (each with its own y scale) laid out in a grid inside one outer
 * <svg>, so the figure stays a single image to label and download.
 */
export function gridOfPlots(panels: Element[], { columns, width, cellHeight }: { columns: number; width: number; cellHeight: number }): Element {
  const doc = panels[0].ownerDocument;
  const ns = 'http://www.w3.org/2000/svg';
  const rows = Math.ceil(panels.length / columns);
  const outer = doc.createElementNS(ns, 'svg');
  const height = rows * cellHeight;
  outer.setAttribute('width', String(width));
  outer.setAttribute('height', String(height));
  outer.setAttribute('viewBox', `0 0 ${width} ${height}`);
  outer.setAttribute('fill', 'currentColor');
  outer.setAttribute('font-family', 'system-ui, sans-serif');
  const cellWidth = width / columns;
  panels.forEach((panel, i) => {
    panel.setAttribute('x', String((i % columns) * cellWidth));
    panel.setAttribute('y', String(Math.floor(i / columns) * cellHeight));
    panel.setAttribute('aria-hidden', 'true');
    outer.append(panel);
  });
  return outer;
}

const GEOMETRY = /\b(cx|cy|x|y|x1|x2|y1|y2|width|height|d|transform|points|r)="([^"]*)"/g;

/** Round coordinates in an SVG's geometry attributes to 0.1 px (text is untouched): a third of the bytes of a big scatter plot, no visible change. */
export function roundGeometry(svg: string): string {
  return svg.replace(GEOMETRY, (_, name: string, value: string) => `${name}="${value.replace(/-?\d+\.\d{2,}(e-?\d+)?/g, (n) => String(Math.round(Number(n) * 10) / 10))}"`);
}
