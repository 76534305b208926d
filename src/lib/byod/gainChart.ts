import * as Plot from '@observablehq/plot';
import { HUE } from '../charts/palette.ts';
import { finishSvg } from '../charts/svg.ts';
import type { Analysis } from './analyse.ts';

const LABEL = { reach: 'Ranked by reach', oracle: 'Best possible (oracle)', random: 'Random order', relevance: 'Ranked by relevance' } as const;

/** What the chart draws: the curves (thinned), the share of accounts the capture figures are taken at, and those figures. */
export type GainInput = Pick<Analysis, 'curves' | 'share' | 'capture'>;

/** The gain curves of a user's campaign: share of conversions captured against share of accounts, reach vs oracle vs random (and relevance), labelled directly. */
export function gainChart(a: GainInput, { width = 640, document }: { width?: number; document?: Document } = {}): Element {
  const data = a.curves.flatMap((c) => c.points.filter((p) => Number.isFinite(p.gain)).map((p) => ({ ...p, curve: c.name })));
  const ends = a.curves.map((c) => {
    const at = { oracle: 0.12, reach: 0.6, relevance: 0.4, random: 0.5 }[c.name];
    const mid = c.points[Math.floor((c.points.length - 1) * at)] ?? c.points[0];
    const point = c.name === 'random' ? { share: 0.6, gain: 0.6 } : mid;
    return { ...point, curve: c.name, label: LABEL[c.name] };
  });
  const labels = ends.filter((e) => Number.isFinite(e.gain));
  const plot = Plot.plot({
    document,
    width,
    height: Math.round(Math.min(420, Math.max(260, width * 0.62))),
    marginLeft: 48,
    marginRight: 16,
    style: { fontSize: '12px', background: 'transparent', color: 'currentColor' },
    x: { label: 'Share of your accounts, best-ranked first (%) →', domain: [0, 1], tickFormat: (d: number) => `${Math.round(d * 100)}`, grid: true },
    y: { label: '↑ Share of conversions captured (%)', domain: [0, 1], tickFormat: (d: number) => `${Math.round(d * 100)}`, grid: true },
    color: { domain: ['reach', 'oracle', 'random', 'relevance'], range: [HUE.reach, HUE.oracle, HUE.random, HUE.relevance] },
    marks: [
      Plot.line(data.filter((d) => d.curve === 'random'), { x: 'share', y: 'gain', stroke: 'curve', strokeWidth: 2, strokeDasharray: '4 4' }),
      Plot.line(data.filter((d) => d.curve !== 'random'), { x: 'share', y: 'gain', stroke: 'curve', z: 'curve', strokeWidth: 2.2 }),
      Plot.text(labels.filter((e) => e.curve === 'random'), { x: 'share', y: 'gain', text: 'label', fill: 'curve', dx: 8, dy: 10, textAnchor: 'start', fontWeight: 600 }),
      Plot.text(labels.filter((e) => e.curve === 'oracle'), { x: 'share', y: 'gain', text: 'label', fill: 'curve', dx: -6, dy: -10, textAnchor: 'start', fontWeight: 600 }),
      Plot.text(labels.filter((e) => e.curve === 'reach' || e.curve === 'relevance'), { x: 'share', y: 'gain', text: 'label', fill: 'curve', dx: 8, dy: 12, textAnchor: 'start', fontWeight: 600 }),
    ],
  });
  const pct = (v: number) => (Number.isFinite(v) ? `${Math.round(v * 100)}%` : 'not defined');
  return finishSvg(plot, `Gain curves: the top ${Math.round(a.share * 100)}% of your accounts by reach capture ${pct(a.capture.reach)} of conversions; the best possible order captures ${pct(a.capture.oracle)}; a random order ${Math.round(a.share * 100)}%${a.capture.relevance !== undefined ? `; by relevance ${pct(a.capture.relevance)}` : ''}.`);
}
