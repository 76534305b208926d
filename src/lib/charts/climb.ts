import * as Plot from '@observablehq/plot';
import { HUE } from './palette.ts';
import { finishSvg } from './svg.ts';
import type { ChartOptions } from './scoreVsConversions.ts';
import type { GamingModel } from '../figures/gaming.ts';

/** One account's reach score before and after buying followers, over the distribution of all scores, with its unchanged expected purchases. */
export function climbChart(m: GamingModel, { width = 720, document }: ChartOptions = {}): Element {
  const moved = Math.abs(m.after.score - m.before.score) > 0.05;
  const plot = Plot.plot({
    document,
    width,
    // The histogram's options match the score distribution's (scoreBySize.ts) on purpose: the climb is drawn on the same crowd.
    height: 230,
    marginLeft: 48,
    marginTop: 52,
    style: { fontSize: '12px', background: 'transparent', color: 'currentColor' },
    x: { label: 'Reach score (1–100) →', domain: [0, 100] },
    y: { label: '↑ Accounts', grid: true },
    marks: [
      Plot.rectY(Array.from(m.scores, (score) => ({ score })), { ...Plot.binX({ y: 'count' }, { x: 'score', thresholds: 50 }), fill: HUE.random, fillOpacity: 0.45, inset: 0.5 }),
      Plot.ruleX([m.before.score], { stroke: HUE.relevance, strokeWidth: 2, strokeDasharray: moved ? '4 3' : undefined }),
      Plot.ruleX([m.after.score], { stroke: HUE.reach, strokeWidth: 2.5 }),
      Plot.text([`@${m.handle}: score ${Math.round(m.before.score)} → ${Math.round(m.after.score)}, rank ${Math.round(m.before.rank).toLocaleString('en-US')} → ${Math.round(m.after.rank).toLocaleString('en-US')}; expected purchases per post ${m.expected.toFixed(1)} → ${m.expected.toFixed(1)}`], {
        frameAnchor: 'top-left',
        dy: -44,
        fontWeight: 600,
        fill: 'currentColor',
        lineWidth: Math.floor(width / 7),
      }),
      Plot.ruleY([0]),
    ],
  });
  return finishSvg(
    plot,
    `Histogram of all reach scores with @${m.handle}'s score before (${Math.round(m.before.score)}) and after (${Math.round(m.after.score)}) buying ${m.bought.toLocaleString('en-US')} followers; her expected purchases stay ${m.expected.toFixed(1)}.`,
  );
}
