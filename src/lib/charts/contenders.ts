import * as Plot from '@observablehq/plot';
import { HUE } from './palette.ts';
import { finishSvg } from './svg.ts';
import type { ChartOptions } from './scoreVsConversions.ts';
import { contenderLabel, type Contender } from '../figures/celebrity.ts';

const one = (v: number) => (v >= 10 ? Math.round(v).toLocaleString('en-US') : v.toFixed(1));

/**
 * Expected purchases per $1,000 spent for a few named accounts, each labelled with its fee and
 * purchases per post; a typical drawn account (medians over accounts of the same size) in grey.
 */
export function contendersChart(contenders: Contender[], { width = 720, document }: ChartOptions = {}): Element {
  const data = contenders.map((c) => ({ ...c, label: contenderLabel(c) }));
  const narrow = width < 560;
  const plot = Plot.plot({
    document,
    width,
    height: contenders.length * (narrow ? 70 : 56) + 50,
    marginLeft: narrow ? 10 : 190,
    marginRight: 10,
    style: { fontSize: '12px', background: 'transparent', color: 'currentColor' },
    x: { label: 'Expected purchases per $1,000 spent →', grid: true, nice: true, insetRight: narrow ? 0 : 230 },
    y: { domain: data.map((d) => d.label), label: null, axis: narrow ? null : 'left', padding: narrow ? 0.45 : 0.25 },
    marks: [
      Plot.barX(data, { y: 'label', x: 'perThousand', fill: (d: Contender) => (d.typical ? HUE.random : d.persona === 'pop-star' ? HUE.reach : HUE.relevance) }),
      Plot.ruleX([0]),
      Plot.text(data, {
        y: 'label',
        x: narrow ? 0 : 'perThousand',
        text: (d: Contender) => `${one(d.perThousand)} per $1,000 · ${one(d.expected)} per post · fee $${Math.round(d.cost).toLocaleString('en-US')}`,
        dx: narrow ? 0 : 6,
        dy: narrow ? 18 : 0,
        textAnchor: 'start',
        fill: 'currentColor',
      }),
      ...(narrow ? [Plot.text(data, { y: 'label', x: 0, text: 'label', dy: -18, textAnchor: 'start', fontWeight: 600, fill: 'currentColor' })] : []),
    ],
  });
  return finishSvg(
    plot,
    `Bar chart of expected purchases per $1,000 spent: ${contenders
      .map((c) => `${contenderLabel(c)}${c.typical ? `, median of ${c.typical.n} accounts` : ''} ${one(c.perThousand)} (${one(c.expected)} per post, fee $${Math.round(c.cost)})`)
      .join('; ')}.`,
  );
}
