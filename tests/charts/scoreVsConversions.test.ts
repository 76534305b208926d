import { describe, expect, it } from 'vitest';
import { scoreVsConversionsChart, type BrandPanel } from '../../src/lib/charts/scoreVsConversions.ts';
import { rng } from '../../src/lib/random.ts';
import { chartDocument, matchSnapshot } from './snapshot.ts';

function panels(): BrandPanel[] {
  const u = rng(7);
  return ['Yoga workshop', 'Energy drink', 'PM software'].map((name, b) => ({
    brand: `b${b}`,
    name,
    rho: [0.12, 0.61, -0.05][b],
    judgedOn: b === 1 ? 'people who recall the post' : 'purchases',
    n: 40,
    points: Array.from({ length: 40 }, () => {
      const score = 1 + u() * 98;
      return { score, conversions: Math.floor(u() * score * (b + 1)) };
    }),
  }));
}

describe('scoreVsConversionsChart', () => {
  it('matches its snapshot (two columns)', () => {
    const svg = scoreVsConversionsChart(panels(), { width: 720, document: chartDocument() }).outerHTML;
    expect(matchSnapshot('score-vs-conversions', svg).matches).toBe(true);
  });

  it("names each panel's own outcome on its y axis and in the label, and prints six-digit ticks in full (SI)", () => {
    const big = panels().map((p, b) => (b === 1 ? { ...p, points: p.points.map((d) => ({ ...d, conversions: d.conversions * 1000 })) } : p));
    const svg = scoreVsConversionsChart(big, { width: 720, document: chartDocument() });
    const texts = Array.from(svg.querySelectorAll('text'), (t) => t.textContent ?? '');
    expect(texts.filter((t) => t.startsWith('↑'))).toEqual(['↑ Purchases (per post, symlog)', '↑ People who recall the post (per post, symlog)', '↑ Purchases (per post, symlog)']);
    expect(svg.getAttribute('aria-label')).toContain('judged on (purchases; for Energy drink, people who recall the post).');
    expect(texts.some((t) => /^\d+k$/.test(t))).toBe(true);
    expect(texts.some((t) => /^\d{1,3}(,\d{3})+$/.test(t))).toBe(false);
  });

  it('ticks the symlog y axis at 0 and the powers of ten up to the largest outcome (every other past four), not crowded at its top', () => {
    const ticksOf = (max: number) => {
      const p = { ...panels()[0], points: [0, max / 3, max].map((conversions, i) => ({ score: 10 + 40 * i, conversions })) };
      const svg = scoreVsConversionsChart([p], { width: 720, document: chartDocument() });
      // The y axis's tick labels: the texts of the group Plot anchors at their end, left of the frame.
      const axis = Array.from(svg.querySelectorAll('g[text-anchor="end"][font-variant="tabular-nums"]'));
      return axis.flatMap((g) => Array.from(g.querySelectorAll('text'), (t) => t.textContent));
    };
    expect(ticksOf(15_000)).toEqual(['0', '10', '100', '1k', '10k']);
    expect(ticksOf(120_000)).toEqual(['0', '10', '1k', '100k']);
    expect(ticksOf(300)).toEqual(['0', '10', '100']);
    expect(ticksOf(4)).toEqual(['0', '4']);
  });

  it('stacks panels in one column on narrow screens', () => {
    const svg = scoreVsConversionsChart(panels(), { width: 360, document: chartDocument() }).outerHTML;
    expect(matchSnapshot('score-vs-conversions-narrow', svg).matches).toBe(true);
  });

  it('names itself for screen readers and leaves no aria-label on plain groups', () => {
    const el = scoreVsConversionsChart(panels(), { width: 720, document: chartDocument() });
    expect(el.getAttribute('role')).toBe('img');
    expect(el.getAttribute('aria-label')).toContain('Yoga workshop: Spearman 0.12');
    expect(el.querySelectorAll('g[aria-label]').length).toBe(0);
    // Dots are drawn as a few paths per panel (see pathDots), every one of them.
    const dots = Array.from(el.querySelectorAll('g.dots'));
    expect(dots.length).toBe(3);
    expect(dots.reduce((sum, g) => sum + Number(g.getAttribute('data-dots')), 0)).toBe(120);
    expect(el.querySelectorAll('g.dots path').length).toBe(24);
    expect(el.querySelectorAll('circle').length).toBe(0);
  });

  it('redrawn with new scores (a reused panel frame) is the same SVG as drawn from scratch', () => {
    const doc = chartDocument();
    scoreVsConversionsChart(panels(), { width: 720, document: doc });
    const moved = panels().map((p) => ({ ...p, rho: p.rho / 2, points: p.points.map((d) => ({ ...d, score: 100 - d.score })) }));
    const reused = scoreVsConversionsChart(moved, { width: 720, document: doc }).outerHTML;
    expect(reused).toBe(scoreVsConversionsChart(moved, { width: 720, document: chartDocument() }).outerHTML);
    expect(reused).toContain('Energy drink   ρ = 0.30');
  });

  it('redraws the chart on screen in place when only the scores moved, to the same SVG as a fresh drawing', () => {
    const doc = chartDocument();
    const first = scoreVsConversionsChart(panels(), { width: 720, document: doc });
    const moved = panels().map((p) => ({ ...p, rho: -p.rho, points: p.points.map((d) => ({ ...d, score: (d.score * 7) % 100 })) }));
    const again = scoreVsConversionsChart(moved, { width: 720, document: doc, previous: first });
    expect(again).toBe(first);
    expect(again.outerHTML).toBe(scoreVsConversionsChart(moved, { width: 720, document: chartDocument() }).outerHTML);
    // Another width (or a pre-rendered chart) is not drawn from the same frames: a new chart.
    expect(scoreVsConversionsChart(moved, { width: 360, document: doc, previous: first })).not.toBe(first);
  });

  it('skips a dot with no score rather than drawing it at the edge', () => {
    const p = panels();
    p[0].points[0].score = NaN;
    const el = scoreVsConversionsChart(p, { width: 720, document: chartDocument() });
    expect(el.querySelector('g.dots')!.getAttribute('data-dots')).toBe('39');
  });

  it('says when only a sample of the placements is drawn', () => {
    const p = panels();
    p[1].n = 4000;
    const el = scoreVsConversionsChart(p, { width: 720, document: chartDocument() });
    expect(el.getAttribute('aria-label')).toContain('Energy drink: Spearman 0.61, 40 of 4,000 placements drawn');
    expect(el.getAttribute('aria-label')).not.toContain('Yoga workshop: Spearman 0.12,');
    expect(el.textContent).toContain('40 of 4,000 placements drawn');
  });

  it('says "not defined" for a missing correlation instead of NaN', () => {
    const p = panels();
    p[0].rho = NaN;
    const el = scoreVsConversionsChart(p, { width: 720, document: chartDocument() });
    expect(el.getAttribute('aria-label')).toContain('Yoga workshop: Spearman not defined');
    expect(el.outerHTML).not.toContain('NaN');
  });
});

describe('scoreVsConversionsChart: Plot owns the scales', () => {
  it('places each dot where Plot places it: the panel is a Plot dot mark, redrawn by its scales', () => {
    const doc = chartDocument();
    const first = scoreVsConversionsChart(panels(), { width: 720, document: doc });
    // A dot with score 100 at the top of the conversions sits at the right edge of the frame, at the top of the y range.
    const p = panels();
    const top = Math.max(...p[0].points.map((d) => d.conversions));
    p[0].points[0] = { score: 100, conversions: top };
    const again = scoreVsConversionsChart(p, { width: 720, document: doc, previous: first });
    expect(again).toBe(first);
    const d = again.querySelector('g.dots path')!.getAttribute('d')!;
    // cell 360 wide, marginRight 14 → x = 346; Plot's y range starts at marginTop 60 (a nice symlog domain may sit above the top value).
    const [x, y] = d.slice(1).split('h')[0].split(',').map(Number);
    expect(x).toBe(346);
    expect(y).toBeGreaterThanOrEqual(60);
    expect(y).toBeLessThan(90);
  });

  it('a brand without a dot still draws its frame, and later dots find their place', () => {
    const p = panels();
    const empty = { ...p[0], points: [] };
    const el = scoreVsConversionsChart([empty, p[1], p[2]], { width: 720, document: chartDocument() });
    expect(el.querySelectorAll('g.dots').length).toBe(3);
    expect(el.querySelector('g.dots')!.getAttribute('data-dots')).toBe('0');
  });
});
