import * as Plot from '@observablehq/plot';
import { HUE } from './palette.ts';
import { finishSvg } from './svg.ts';
import type { ChartOptions } from './scoreVsConversions.ts';
import type { TopicBar } from '../figures/wrongTopics.ts';

const COLORS = { 'Naive (any mention)': HUE.reach, 'Persistent (recurring, rare)': HUE.relevance };

/** One account's inferred topics, naive against persistent; topics it mentioned only once are flagged. */
export function topicProfileChart(bars: TopicBar[], handle: string, { width = 720, document }: ChartOptions = {}): Element {
  const topics = [...new Set(bars.map((b) => b.topic))];
  const label = (t: string) => (bars.find((b) => b.topic === t)?.oneOff ? `${t} (mentioned once)` : t);
  const data = bars.map((b) => ({ ...b, label: label(b.topic) }));
  const narrow = width < 560;
  const plot = Plot.plot({
    document,
    width,
    height: topics.length * 44 + 70,
    marginLeft: narrow ? 10 : 210,
    marginRight: 40,
    style: { fontSize: '12px', background: 'transparent', color: 'currentColor' },
    x: { label: `Weight in @${handle}'s inferred interests →`, tickFormat: '%', grid: true, domain: [0, 1] },
    y: { domain: topics.map(label), label: null, axis: narrow ? null : 'left', padding: narrow ? 0.45 : 0.2 },
    color: { domain: Object.keys(COLORS), range: Object.values(COLORS), legend: true },
    marks: [
      // One mark per method with a constant offset: naive above, persistent below, within each topic's band.
      ...Object.keys(COLORS).flatMap((method, k) => {
        const mine = data.filter((d) => d.method === method);
        const dy = k === 0 ? -6 : 6;
        return [
          Plot.barX(mine, { y: 'label', x: 'weight', fill: 'method', dy, insetTop: 8, insetBottom: 8 }),
          Plot.text(mine, { y: 'label', x: 'weight', text: (d: TopicBar) => `${Math.round(d.weight * 100)}%`, dx: 4, dy, textAnchor: 'start', fill: 'currentColor', fontSize: 10 }),
        ];
      }),
      ...(narrow ? [Plot.text(topics.map(label), { y: (d: string) => d, x: 0, text: (d: string) => d, dy: -17, textAnchor: 'start', fontWeight: 600, fill: 'currentColor' })] : []),
      Plot.ruleX([0]),
    ],
  });
  return finishSvg(
    plot,
    `Bar chart of @${handle}'s inferred topics: ${topics
      .map((t) => {
        const [n, p] = ['Naive', 'Persistent'].map((m) => bars.find((b) => b.topic === t && b.method.startsWith(m))?.weight ?? 0);
        return `${label(t)} naive ${Math.round(n * 100)}%, persistent ${Math.round(p * 100)}%`;
      })
      .join('; ')}.`,
  );
}
