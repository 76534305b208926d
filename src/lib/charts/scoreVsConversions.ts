import * as Plot from '@observablehq/plot';
import { HUE } from './palette.ts';
import { finishSvg, gridOfPlots } from './svg.ts';
import { dotPaths } from './pathDots.ts';
import { formatNumber } from '../format.ts';

export interface BrandPanel {
  brand: string;
  name: string;
  rho: number;
  /** What the brand is judged on, in words ("purchases", "people who recall the post"): the panel's y axis. */
  judgedOn: string;
  /** Placements in the brand; `points` may be an even sample of them. */
  n: number;
  /** Each placement's score and the outcome its brand is judged on (`conversions` for short). */
  points: { score: number; conversions: number }[];
}

export interface ChartOptions {
  width?: number;
  document?: Document;
  /** The chart on screen now: a chart drawn from the same panel frames is redrawn in place (and returned) instead of anew. */
  previous?: Element | null;
}

const CELL_HEIGHT = 240;

/** Says so when only a sample of a brand's placements is drawn (Spearman uses all of them). */
const sampleNote = (p: BrandPanel, separator: string) =>
  p.points.length < p.n ? `${separator}${p.points.length.toLocaleString('en-US')} of ${p.n.toLocaleString('en-US')} placements drawn` : '';

const DOTS = { r: 2, fill: HUE.reach, fillOpacity: 0.4 };
/**
 * The y ticks: 0 and the powers of ten up to the largest outcome (0, 10, 100, 1k…), evenly spaced on
 * the symlog scale (a linear choice of ticks, 5k, 10k, 15k, crowds them all at its top); past four
 * of them, every other one down from the highest (0, 10, 1k, 100k).
 */
function decades(hi: number): number[] {
  const powers: number[] = [];
  for (let t = 10; t <= hi; t *= 10) powers.push(t);
  if (powers.length === 0 && hi > 0) powers.push(hi >= 1 ? Math.floor(hi) : hi);
  return [0, ...(powers.length > 4 ? powers.filter((_, i) => (powers.length - 1 - i) % 2 === 0) : powers)];
}
/** The y axis: the brand's own outcome, per post ("↑ Purchases (per post, symlog)"). */
const yLabel = (p: BrandPanel) => `↑ ${p.judgedOn.charAt(0).toUpperCase()}${p.judgedOn.slice(1)} (per post, symlog)`;
const title = (p: BrandPanel) => `${p.name}   ρ = ${Number.isFinite(p.rho) ? p.rho.toFixed(2).replace('-', '−') : '–'}`;

/**
 * A panel drawn by Plot: axes, grid, title, note and the dots (a dot mark that renders as paths),
 * with the scales Plot chose. Those depend on the brand, the panel's size and the range of the
 * conversions only, so when a weight slider moves (which changes scores, not conversions) a copy
 * is reused, its dots placed again by the same scales and its title's ρ rewritten: Plot's fixed
 * cost per panel is paid once, not on every move.
 */
interface PanelFrame {
  svg: Element;
  x: (v: number) => number;
  y: (v: number) => number;
}

const frames = new WeakMap<object, Map<string, PanelFrame>>();

function panelFrame(p: BrandPanel, cellWidth: number, document: Document | undefined): PanelFrame {
  // The extent of the conversions drawn: what the y scale Plot infers from the dots depends on.
  let lo = Infinity;
  let hi = -Infinity;
  for (const d of p.points) {
    if (!Number.isFinite(d.conversions)) continue;
    lo = Math.min(lo, d.conversions);
    hi = Math.max(hi, d.conversions);
  }
  const key = [cellWidth, p.brand, p.name, p.judgedOn, lo, hi, sampleNote(p, '')].join('\u0000');
  const cache = frames.get(document ?? globalThis) ?? frames.set(document ?? globalThis, new Map()).get(document ?? globalThis)!;
  const cached = cache.get(key);
  if (cached) return cached;
  const plot = Plot.plot({
    document,
    width: cellWidth,
    height: CELL_HEIGHT,
    marginTop: 60,
    marginLeft: 48,
    marginRight: 14,
    style: { fontSize: '11px', background: 'transparent', color: 'currentColor' },
    x: { label: 'Reach score →', domain: [0, 100], grid: true, ticks: 5 },
    // (SI ticks, "100k": a recall axis reaches six digits, which the left margin would clip.)
    // (The y axis's label is a text of its own, just above the frame and under the title: Plot puts
    // an axis label at the very top, where it reads as the caption of the panel above.)
    y: { label: null, type: 'symlog', grid: true, ticks: decades(hi), nice: true, tickFormat: (v: number) => formatNumber(v, '~s') },
    marks: [
      Plot.dot(p.points, { x: 'score', y: 'conversions', render: (index, _scales, values, _dimensions, context) => dotPaths(context.document, index, values.x!, values.y!, DOTS) }),
      Plot.text([title(p)], { className: 'panel-title', frameAnchor: 'top-left', dx: -40, dy: -46, fontWeight: 700, fontSize: 13, textAnchor: 'start', fill: 'currentColor' }),
      Plot.text([sampleNote(p, '')], { frameAnchor: 'top-left', dx: -40, dy: -28, fontSize: 11, textAnchor: 'start', fill: 'currentColor', fillOpacity: 0.8 }),
      Plot.text([yLabel(p)], { frameAnchor: 'top-left', dx: -40, dy: -13, textAnchor: 'start', fill: 'currentColor' }),
    ],
  });
  const frame = { svg: plot, x: plot.scale('x')!.apply, y: plot.scale('y')!.apply };
  if (cache.size >= 64) cache.clear();
  cache.set(key, frame);
  return frame;
}

/** Which frame each panel on screen was copied from (panels pre-rendered at build time are in no frame). */
const drawnWith = new WeakMap<Element, PanelFrame>();

/** Put a brand's dots and ρ on a copy of its frame (or on the panel drawn from it before), placed by the frame's scales. */
function fill(svg: Element, p: BrandPanel, frame: PanelFrame): void {
  svg.querySelector('.panel-title text')!.textContent = title(p);
  const x = p.points.map((d) => (Number.isFinite(d.score) ? frame.x(d.score) : NaN));
  const y = p.points.map((d) => (Number.isFinite(d.conversions) ? frame.y(d.conversions) : NaN));
  const dots = dotPaths(svg.ownerDocument, x.keys(), x, y, DOTS);
  const drawn = svg.querySelector(':scope > g.dots');
  // Where Plot put the dot mark (listed first, under the title); a panel without dots has none yet.
  if (drawn) drawn.replaceWith(dots);
  else svg.insertBefore(dots, svg.querySelector('.panel-title'));
}

/** The brands' outcomes in words: the first panel's, then each other outcome with its brands ("purchases; for Tuneloop, people who recall the post"). */
function outcomes(panels: BrandPanel[]): string {
  const first = panels[0]?.judgedOn ?? 'purchases';
  const others = new Map<string, string[]>();
  for (const p of panels) if (p.judgedOn !== first) others.set(p.judgedOn, [...(others.get(p.judgedOn) ?? []), p.name]);
  return [first, ...Array.from(others, ([what, names]) => `for ${names.join(', ')}, ${what}`)].join('; ');
}

const label = (panels: BrandPanel[]) =>
  `Scatter plots, one per brand, of each placement's reach score against the outcome its brand is judged on (${outcomes(panels)}). ${panels
    .map((p) => `${p.name}: Spearman ${Number.isFinite(p.rho) ? p.rho.toFixed(2) : 'not defined'}${sampleNote(p, ', ')}`)
    .join('; ')}.`;

/**
 * Small multiples, one per brand, each with its own y scale: each placement's reach score against
 * the outcome its brand is judged on (symlog y). When `previous` was drawn from the same frames (a weight slider
 * moved), only its dots, titles and label change: the browser re-lays nothing else.
 */
export function scoreVsConversionsChart(panels: BrandPanel[], { width = 720, document, previous }: ChartOptions = {}): Element {
  const columns = width < 560 ? 1 : 2;
  const cellWidth = Math.floor(width / columns);
  const frames = panels.map((p) => panelFrame(p, cellWidth, document));
  const shown = previous ? Array.from(previous.children).filter((c) => drawnWith.has(c)) : [];
  const same =
    previous?.getAttribute('width') === String(width) &&
    shown.length === panels.length &&
    previous.children.length === panels.length &&
    shown.every((el, i) => drawnWith.get(el) === frames[i]);
  if (previous && same) {
    panels.forEach((p, i) => fill(shown[i], p, frames[i]));
    previous.setAttribute('aria-label', label(panels));
    return previous;
  }
  const drawn = panels.map((p, i) => {
    const svg = frames[i].svg.cloneNode(true) as Element;
    fill(svg, p, frames[i]);
    drawnWith.set(svg, frames[i]);
    return svg;
  });
  return finishSvg(gridOfPlots(drawn, { columns, width, cellHeight: CELL_HEIGHT }), label(panels));
}
