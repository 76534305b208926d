import { describe, expect, it } from 'vitest';
import type { Frame } from '../../../src/lib/data/frame.ts';
import { rng } from '../../../src/lib/random.ts';
import { MAX_DOTS, TOP_SHARE, scoreSellModel } from '../../../src/lib/figures/scoreSell.ts';
import { spearman } from '../../../src/lib/stats/spearman.ts';
import { captureRatio } from '../../../src/lib/stats/gainCurve.ts';

/** Placements of two brands over `accounts` accounts, and the accounts' scores in a shuffled order. */
function world(placementsPerBrand: number, accounts = 50) {
  const u = rng(3, placementsPerBrand);
  const ids = Array.from({ length: accounts }, (_, i) => 1000 + i * 7);
  const scoreOf = new Map(ids.map((id) => [id, Math.round(u() * 9800 + 100) / 100]));
  const rows: Record<string, unknown>[] = [];
  let placement = 1;
  for (const [brandId, slug, name] of [
    [1, 'taskwise', 'Taskwise'],
    [2, 'voltra', 'Voltra'],
  ] as const) {
    for (let k = 0; k < placementsPerBrand; k++) {
      const id = ids[Math.floor(u() * accounts)];
      rows.push({ brand_id: brandId, brand: slug, placement_id: placement++, influencer_id: id, outcome: Math.floor(u() * scoreOf.get(id)! / 10), recalled: -1 });
    }
  }
  // As placement_outcomes.sql gives them: numbers only, the brands' names in brand_goals.sql's rows.
  const placements: Frame = {
    names: ['brand_id', 'influencer_id', 'conversions', 'recalled'],
    columns: { brand_id: rows.map((r) => r.brand_id), influencer_id: rows.map((r) => r.influencer_id), conversions: rows.map((r) => r.outcome), recalled: rows.map((r) => r.recalled) },
    length: rows.length,
  };
  const shuffled = [...ids].sort(() => u() - 0.5);
  const scores: Frame = { names: ['influencer_id', 'score'], columns: { influencer_id: shuffled, score: Float64Array.from(shuffled, (id) => scoreOf.get(id)!) }, length: accounts };
  return { placements, scores, rows, scoreOf };
}

/** brand_goals.sql's rows for the two brands, in another order than their ids (the model matches by id). */
const BRANDS: Frame = {
  names: ['brand_id', 'brand', 'brand_name', 'goal'],
  columns: { brand_id: [2, 1], brand: ['voltra', 'taskwise'], brand_name: ['Voltra', 'Taskwise'], goal: ['sales', 'sales'] },
  length: 2,
};

describe('scoreSellModel(placements, scores)', () => {
  it.each([
    ['1,000 accounts (scores bucketed by hundredths)', 1000],
    ['50 accounts (too few for buckets: the general functions)', 50],
  ])('matches scores to placements by account, whatever order the scores come in, and judges each brand on all its placements: %s', (_name, accounts) => {
    const { placements, scores, rows, scoreOf } = world(300, accounts);
    const model = scoreSellModel(placements, BRANDS, scores, { intervals: false });
    expect(model.brands.map((b) => [b.brand, b.name, b.n])).toEqual([
      ['taskwise', 'Taskwise', 300],
      ['voltra', 'Voltra', 300],
    ]);
    for (const b of model.brands) {
      const mine = rows.filter((r) => r.brand === b.brand);
      const reference = spearman(
        mine.map((r) => scoreOf.get(r.influencer_id as number)!),
        mine.map((r) => r.outcome as number),
      );
      expect(b.rho).toBeCloseTo(reference, 12);
      expect(b.capture).toBeCloseTo(captureRatio(mine.map((r) => scoreOf.get(r.influencer_id as number)!), mine.map((r) => r.outcome as number), TOP_SHARE), 12);
      expect(b.points).toHaveLength(300);
    }
  });

  it('re-matches when the scored accounts change (a different frame of ids)', () => {
    const { placements, scores } = world(100);
    const first = scoreSellModel(placements, BRANDS, scores, { intervals: false });
    const reversed: Frame = { ...scores, columns: { influencer_id: [...(scores.columns.influencer_id as number[])].reverse(), score: Float64Array.from(scores.columns.score as Float64Array).reverse() } };
    expect(scoreSellModel(placements, BRANDS, reversed, { intervals: false }).brands.map((b) => b.rho)).toEqual(first.brands.map((b) => b.rho));
  });

  it('draws an even sample of at most MAX_DOTS dots per brand and says how many placements there are', () => {
    const { placements, scores } = world(MAX_DOTS * 2 + 1);
    const model = scoreSellModel(placements, BRANDS, scores, { intervals: false });
    for (const b of model.brands) {
      expect(b.n).toBe(MAX_DOTS * 2 + 1);
      expect(b.points.length).toBeLessThanOrEqual(MAX_DOTS);
      expect(b.points.length).toBeGreaterThan(MAX_DOTS / 2);
    }
  });

  it('a placement whose account has no score has a NaN score and is left out of ρ', () => {
    const { placements, scores, rows, scoreOf } = world(60);
    const missing = rows[0].influencer_id as number;
    const without: Frame = { ...scores, length: scores.length - 1, columns: Object.fromEntries(Object.entries(scores.columns).map(([k, v]) => [k, Array.from(v).filter((_, i) => (scores.columns.influencer_id as number[])[i] !== missing)])) };
    const model = scoreSellModel(placements, BRANDS, without, { intervals: false });
    const mine = rows.filter((r) => r.brand === 'taskwise');
    const reference = spearman(mine.map((r) => (r.influencer_id === missing ? NaN : scoreOf.get(r.influencer_id as number)!)), mine.map((r) => r.outcome as number));
    expect(model.brands[0].rho).toBeCloseTo(reference, 12);
  });

  it.each([
    ['ids 0 to n − 1 (looked up in a typed array)', (id: number) => (id - 1000) / 7],
    ['ids spread out (looked up in a Map)', (id: number) => id],
  ])('a placement whose account id is no account (a fraction, or past the last) has no score: %s', (_name, renumber) => {
    const { placements, scores, rows, scoreOf } = world(60, 200);
    const odd = [renumber(rows[0].influencer_id as number) + 0.5, 10 ** 6];
    const ids = (placements.columns.influencer_id as number[]).map((id, i) => (i < odd.length ? odd[i] : renumber(id)));
    const renumbered: Frame = { ...scores, columns: { ...scores.columns, influencer_id: (scores.columns.influencer_id as number[]).map(renumber) } };
    const model = scoreSellModel({ ...placements, columns: { ...placements.columns, influencer_id: ids } }, BRANDS, renumbered, { intervals: false });
    const score = rows.map((r, i) => (i < odd.length ? NaN : scoreOf.get(r.influencer_id as number)!));
    const mine = rows.map((r, i) => ({ brand: r.brand, outcome: r.outcome as number, score: score[i] })).filter((r) => r.brand === 'taskwise');
    expect(model.brands[0].rho).toBeCloseTo(spearman(mine.map((r) => r.score), mine.map((r) => r.outcome)), 12);
    expect(model.brands[0].points.slice(0, 2).map((p) => p.score)).toEqual([NaN, NaN]);
  });
});
