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
import { evaluate, judge, observesOnly } from '../../src/lib/sweep/seed.ts';
import { contextAt, paramsAt } from '../../src/lib/sweep/point.ts';
import { audienceFactors, simulateAudiences } from '../../data/sim/audience.ts';
import { pairModel } from '../../data/sim/outcomes.ts';
import { reshareAudience } from '../../data/sim/reshares.ts';
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

describe('the sweep’s fast paths equal the slow path (a world simulated at the point, through DuckDB)', () => {
  it('an outcome point recomputed from the kept coverages is the world simulated at that value', async () => {
    const base = await nodeSeedBase(params, ontology, root);
    for (const [key, value] of [['relevance', 0.5], ['relevance', 4], ['relevancePurchase', 3], ['amplification', 0.005]] as const) {
      const a = assumptionByKey(key);
      const slow = await nodeSeedBase(paramsAt(a, params, value), ontology, root);
      expect(evaluate(base, a, value, budget), `${key} ${value}`).toEqual(judge(slow, slow.stages.model, slow.counts, budget));
    }
  });

  it('fit saturation: the factors from the kept coverages are the audiences simulated again, number for number', async () => {
    const base = await nodeSeedBase(params, ontology, root);
    const { ctx, acc, aud } = base.stages;
    const a = assumptionByKey('saturation');
    for (const value of [0.5, 2]) {
      const at = contextAt(a, ctx, value);
      const again = simulateAudiences(at, acc);
      const fast = audienceFactors(at, aud, acc.n);
      for (const k of Object.keys(again.hidden) as (keyof typeof again.hidden)[]) expect(fast.hidden[k], `${k} at ${value}`).toEqual(again.hidden[k]);
      expect(fast.hidden.click).not.toEqual(aud.hidden.click);
      expect(evaluate(base, a, value, budget)).toEqual(judge(base, pairModel(at, acc, again, reshareAudience(at)), base.counts, budget));
    }
  });

  it('the brief’s noise and the audit’s pass-through: the scores recomputed from one world are those of the world simulated at the value', async () => {
    const base = await nodeSeedBase(params, ontology, root);
    expect(SWEEP_OBSERVED.length).toBe(2);
    for (const a of SWEEP_OBSERVED) {
      for (const value of a.grid.filter((v) => v !== (params as unknown as Record<string, number>)[a.path])) {
        const slow = await nodeSeedBase(paramsAt(a, params, value), ontology, root);
        const fast = evaluate(base, a, value, budget);
        expect(fast, `${a.key} ${value}`).toEqual(judge(slow, slow.stages.model, slow.counts, budget));
        expect(fast, `${a.key} ${value}`).not.toEqual(judge(base, base.stages.model, base.counts, budget));
      }
    }
  });
});

const SWEEP_OBSERVED = ['briefNoise', 'auditPassThrough'].map(assumptionByKey).filter(observesOnly);

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
