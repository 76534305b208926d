import * as Plot from '@observablehq/plot';
import { HUE } from '../charts/palette.ts';
import { finishSvg } from '../charts/svg.ts';
import type { Analysis } from './analyse.ts';

const LABEL = { reach: 'Ranked by reach', oracle: 'Best possible (oracle)', random: 'Random order', relevance: 'Ranked by relevance' } as const;

/** What the chart draws: the curves (thinned), the share of accounts the capture figures are taken at, and those figures. */
export type GainInput = Pick<Analysis, 'curves' | 'share' | 'capture'>;

/** The chart's margins: the label placement below computes the plot's scales from them. */
const MARGIN = { left: 48, right: 16, top: 24, bottom: 36 };
/** A generous width per character of a 12 px semibold label, and room kept around each label. */
const CHAR_PX = 7.2;
const PAD = 3;
const HALF_HEIGHT = 8;

interface Placed {
  curve: GainInput['curves'][number]['name'];
  label: string;
  /** The label's position in the chart's data space, and its anchor. */
  share: number;
  gain: number;
  anchor: 'start' | 'end';
}

/**
 * Each curve's label, placed next to its curve where it overlaps no label placed before and covers
 * as few points of any curve as can be, inside the plot: tried along the curve (nearest its
 * preferred share first), below-right or above-left of it. At 360 px the fixed places overlapped.
 */
export function placeLabels(a: GainInput, width: number, height: number): Placed[] {
  const w = width - MARGIN.left - MARGIN.right;
  const h = height - MARGIN.top - MARGIN.bottom;
  const px = (share: number) => MARGIN.left + share * w;
  const py = (gain: number) => MARGIN.top + (1 - gain) * h;
  const curves = a.curves.map((c) => ({ name: c.name, points: (c.name === 'random' ? Array.from({ length: 41 }, (_, i) => ({ share: i / 40, gain: i / 40 })) : c.points).filter((p) => Number.isFinite(p.gain)) }));
  // Every curve as points at most 3 px apart, to count how much of the curves a label would cover.
  const dots = curves.flatMap((c) =>
    c.points.flatMap((p, i) => {
      const q = c.points[i + 1];
      if (!q) return [[px(p.share), py(p.gain)] as const];
      const steps = Math.max(1, Math.ceil(Math.hypot(px(q.share) - px(p.share), py(q.gain) - py(p.gain)) / 3));
      return Array.from({ length: steps }, (_, k) => [px(p.share + ((q.share - p.share) * k) / steps), py(p.gain + ((q.gain - p.gain) * k) / steps)] as const);
    }),
  );
  // The y axis's label, top left: no curve label goes over it (labels may use the rest of the top margin).
  const placed: { box: [number, number, number, number] }[] = [{ box: [0, 0, MARGIN.left + 36 * 6.6, 16] }];
  const out: Placed[] = [];
  const preferred = { oracle: 0.12, reach: 0.6, relevance: 0.4, random: 0.6 } as const;
  const order = ['oracle', 'reach', 'relevance', 'random'] as const;
  for (const name of order) {
    const c = curves.find((k) => k.name === name);
    if (!c || c.points.length === 0) continue;
    // On a narrow chart the oracle's label is said shorter (its meaning is in the page's text and the chart's description).
    const label = name === 'oracle' && width < 480 ? 'Best possible' : LABEL[name];
    const textW = label.length * CHAR_PX;
    let best: { score: number; placed: Placed; box: [number, number, number, number] } | null = null;
    for (let t = 0.05; t <= 0.951; t += 0.025) {
      const point = c.points[Math.round((c.points.length - 1) * t)];
      const x = px(point.share);
      const y = py(point.gain);
      for (const [dx, dy, anchor] of [[8, 12, 'start'], [-8, -10, 'end'], [8, -12, 'start'], [-8, 12, 'end']] as const) {
        const lx = x + dx;
        const ly = y + dy;
        const box: [number, number, number, number] = anchor === 'start' ? [lx - PAD, ly - HALF_HEIGHT - PAD, lx + textW + PAD, ly + HALF_HEIGHT + PAD] : [lx - textW - PAD, ly - HALF_HEIGHT - PAD, lx + PAD, ly + HALF_HEIGHT + PAD];
        if (box[0] < MARGIN.left || box[2] > width - MARGIN.right + 4 || box[1] < 0 || box[3] > height - MARGIN.bottom) continue;
        if (placed.some((q) => box[0] < q.box[2] && q.box[0] < box[2] && box[1] < q.box[3] && q.box[1] < box[3])) continue;
        const covered = dots.filter(([dx2, dy2]) => dx2 >= box[0] && dx2 <= box[2] && dy2 >= box[1] && dy2 <= box[3]).length;
        const score = covered * 10 + Math.abs(t - preferred[name]) * 20 + (dx > 0 && dy > 0 ? 0 : 1);
        if (!best || score < best.score) best = { score, box, placed: { curve: name, label, share: (lx - MARGIN.left) / w, gain: 1 - (ly - MARGIN.top) / h, anchor } };
      }
    }
    if (!best) continue; // no room at all: the curve goes unlabelled rather than covered (its colour is in the description)
    placed.push({ box: best.box });
    out.push(best.placed);
  }
  return out;
}

/** The gain curves of a user's campaign: share of conversions captured against share of accounts, reach vs oracle vs random (and relevance), labelled directly. */
export function gainChart(a: GainInput, { width = 640, document }: { width?: number; document?: Document } = {}): Element {
  const data = a.curves.flatMap((c) => c.points.filter((p) => Number.isFinite(p.gain)).map((p) => ({ ...p, curve: c.name })));
  const height = Math.round(Math.min(420, Math.max(260, width * 0.62)));
  const labels = placeLabels(a, width, height);
  const text = (anchor: 'start' | 'end') => Plot.text(labels.filter((l) => l.anchor === anchor), { x: 'share', y: 'gain', text: 'label', fill: 'curve', textAnchor: anchor, fontWeight: 600, clip: false });
  const plot = Plot.plot({
    document,
    width,
    height,
    marginLeft: MARGIN.left,
    marginRight: MARGIN.right,
    marginTop: MARGIN.top,
    marginBottom: MARGIN.bottom,
    style: { fontSize: '12px', background: 'transparent', color: 'currentColor' },
    x: { label: 'Share of your accounts, best-ranked first (%) →', domain: [0, 1], tickFormat: (d: number) => `${Math.round(d * 100)}`, grid: true },
    y: { label: '↑ Share of conversions captured (%)', domain: [0, 1], tickFormat: (d: number) => `${Math.round(d * 100)}`, grid: true },
    color: { domain: ['reach', 'oracle', 'random', 'relevance'], range: [HUE.reach, HUE.oracle, HUE.random, HUE.relevance] },
    marks: [
      Plot.line(data.filter((d) => d.curve === 'random'), { x: 'share', y: 'gain', stroke: 'curve', strokeWidth: 2, strokeDasharray: '4 4' }),
      Plot.line(data.filter((d) => d.curve !== 'random'), { x: 'share', y: 'gain', stroke: 'curve', z: 'curve', strokeWidth: 2.2 }),
      text('start'),
      text('end'),
    ],
  });
  const pct = (v: number) => (Number.isFinite(v) ? `${Math.round(v * 100)}%` : 'not defined');
  return finishSvg(plot, `Gain curves: the top ${Math.round(a.share * 100)}% of your accounts by reach capture ${pct(a.capture.reach)} of conversions; the best possible order captures ${pct(a.capture.oracle)}; a random order ${Math.round(a.share * 100)}%${a.capture.relevance !== undefined ? `; by relevance ${pct(a.capture.relevance)}` : ''}.`);
}
