/**
 * Finishing touches shared by every chart: one accessible name on the <svg> (role img) instead
 * of Plot's aria-labels on plain groups, which axe reports as a violation.
 */
export function finishSvg<T extends Element>(plot: T, label: string): T {
  const svg = plot.tagName.toLowerCase() === 'svg' ? plot : plot.querySelector('svg');
  if (svg) {
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', label);
  }
  for (const g of Array.from(plot.querySelectorAll('g[aria-label], g[aria-description]'))) {
    g.removeAttribute('aria-label');
    g.removeAttribute('aria-description');
  }
  return plot;
}
