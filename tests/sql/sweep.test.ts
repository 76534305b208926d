import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseOntology } from '../../data/sim/ontology.ts';
import { DEFAULT_PARAMS } from '../../data/sim/params.ts';
import { simulateWorld } from '../../data/sim/world.ts';
import { loadWorld } from '../../data/load.ts';
import { nodeSeedBase } from '../../data/sweep/nodeBase.ts';
import { openNodeEngine } from '../../src/lib/db/node.ts';
import { runQuery } from '../../src/lib/db/run.ts';
import { SETUP_SQL } from '../../src/sql/catalog.ts';
import { DEFAULTS } from '../../src/lib/state/params.ts';
import { scoreboardModel } from '../../src/lib/figures/scoreboard.ts';
import { budgetModel } from '../../src/lib/figures/budget.ts';
import { assumptionByKey } from '../../src/lib/sweep/assumptions.ts';
import { evaluate, judge } from '../../src/lib/sweep/seed.ts';
import type { SweepResult } from '../../src/lib/sweep/summary.ts';

const root = process.cwd();
const ontology = parseOntology(
  readFileSync(`${root}/data/klout/klout_topic_ontology_20180601.csv`, 'utf8'),
  readFileSync(`${root}/data/klout/klout_topic_edge_20180601.csv`, 'utf8'),
);
const params = { ...DEFAULT_PARAMS, seed: 5, accounts: 900, placementsPerBrand: 150, reactionSampleCap: 3 };
const budget = 20_000;

describe('the break-even sweep on one world', () => {
  it('judges the base world exactly as the report does, and recomputing a stage at its own value changes nothing', async () => {
    const base = await nodeSeedBase(params, ontology, root);
    // The report's figures on the same world, computed independently from its tables.
    const db = await openNodeEngine(':memory:');
    try {
      await loadWorld(db.connection, simulateWorld(params, ontology) as unknown as Record<string, Record<string, ArrayLike<unknown>>>, root);
      for (const s of SETUP_SQL) await db.exec(s);
      const q = (name: 'placement_scores' | 'audience_topics' | 'topic_tree' | 'brand_offers', brand = 'silver-lotus') => runQuery(db, name, { ...DEFAULTS, brand }).then((r) => r.frame);
      const [placements, audience, tree] = await Promise.all([q('placement_scores'), q('audience_topics'), q('topic_tree')]);
      const board = scoreboardModel([placements, audience, tree], { intervals: false });
      const rho = (slug: string, kind: string) => board.rows.find((r) => r.slug === slug && r.score === kind)!.rho;
      const measured = judge(base, base.stages.model, base.counts, budget);
      for (const [b, s] of base.scores.entries()) {
        expect(measured[b].rhoFit, s.slug).toBe(rho(s.slug, 'fit'));
        expect(measured[b].rhoReach, s.slug).toBe(rho(s.slug, 'reach'));
        const bm = budgetModel([await q('brand_offers', s.slug), audience, tree], s.slug, budget);
        const reach = bm.results.find((r) => r.strategy === 'reach')!;
        const fit = bm.results.find((r) => r.strategy === 'fit')!;
        expect(measured[b].perDollarFit, s.slug).toBeCloseTo(fit.conversions / fit.spent, 12);
        expect(measured[b].perDollarReach, s.slug).toBeCloseTo(reach.conversions / reach.spent, 12);
      }
      // Each stage recomputed at the world's own value gives the world's own numbers.
      for (const key of ['relevance', 'relevancePurchase', 'saturation', 'amplification', 'shortlist', 'feeFixed']) {
        const a = assumptionByKey(key);
        const own = a.mode === 'scale' ? 1 : (params as unknown as Record<string, number>)[a.path];
        expect(evaluate(base, a, own, budget), key).toEqual(measured);
      }
      // And a different value does change them (the sweep is not a no-op).
      expect(evaluate(base, assumptionByKey('relevance'), 0, budget)).not.toEqual(measured);
      expect(evaluate(base, assumptionByKey('shortlist'), 1, budget).map((m) => m.rhoFit)).not.toEqual(measured.map((m) => m.rhoFit));
      // Fees re-price the same posts: the same ρ, other purchases per dollar.
      const pricier = evaluate(base, assumptionByKey('feePerFollower'), 0.04, budget);
      expect(pricier.map((m) => m.rhoFit)).toEqual(measured.map((m) => m.rhoFit));
      expect(pricier.map((m) => m.perDollarFit)).not.toEqual(measured.map((m) => m.perDollarFit));
    } finally {
      db.close();
    }
  });

  it('a stronger relevance effect widens fit’s lead over reach for the niche brand (the sweep honours the parameter)', async () => {
    const base = await nodeSeedBase(params, ontology, root);
    const off = evaluate(base, assumptionByKey('relevance'), 0, budget);
    const on = evaluate(base, assumptionByKey('relevance'), 6, budget);
    const niche = base.scores.findIndex((s) => s.slug === 'silver-lotus');
    expect(on[niche].rhoFit - on[niche].rhoReach).toBeGreaterThan(off[niche].rhoFit - off[niche].rhoReach);
  });
});

const shipped = `${root}/public/data/break_even.json`;

describe('the data step’s sweep (break_even.json, made by npm run data)', () => {
  const result = JSON.parse(readFileSync(shipped, 'utf8')) as SweepResult;

  it('covers every assumption and brand on at least ten seeds', () => {
    expect(result.seeds.length).toBeGreaterThanOrEqual(10);
    expect(result.curves.length).toBe(result.assumptions.length * result.brands.length);
  });

  it('reports each break-even between two swept points whose mean differences change sign, and misses none', () => {
    for (const c of result.curves) {
      for (const [measure, flips] of [['diff', c.flips], ['perThousandDiff', c.perDollarFlips]] as const) {
        const points = c.points.filter((p) => Number.isFinite(p[measure].mean) && p[measure].mean !== 0);
        let changes = 0;
        for (let k = 1; k < points.length; k++) if (Math.sign(points[k][measure].mean) !== Math.sign(points[k - 1][measure].mean)) changes++;
        expect(flips.length, `${c.key} ${c.brand} ${measure}`).toBe(changes);
        for (const f of flips) {
          const from = c.points.find((p) => p.x === f.from)!;
          const to = c.points.find((p) => p.x === f.to)!;
          expect(Math.sign(from[measure].mean) * Math.sign(to[measure].mean), `${c.key} ${c.brand}`).toBe(-1);
          expect(f.x).toBeGreaterThanOrEqual(f.from);
          expect(f.x).toBeLessThanOrEqual(f.to);
        }
      }
    }
  });
});
