import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseOntology } from '../../data/sim/ontology.ts';
import { DEFAULT_PARAMS, type WorldParams } from '../../data/sim/params.ts';
import { simulateWorldWithTruth } from '../../data/sim/world.ts';
import { loadWorld } from '../../data/load.ts';
import { openNodeEngine } from '../../src/lib/db/node.ts';
import { openWorld } from '../../src/lib/db/world.ts';
import { runQuery } from '../../src/lib/db/run.ts';
import { SETUP_SQL } from '../../src/sql/catalog.ts';
import { DEFAULTS } from '../../src/lib/state/params.ts';
import { scoreboardModel } from '../../src/lib/figures/scoreboard.ts';
import { quantileSorted } from '../../src/lib/stats/quantile.ts';
import { rSquared } from '../../src/lib/stats/rSquared.ts';
import { numbers } from '../../src/lib/data/frame.ts';
import { spearman } from '../../src/lib/stats/spearman.ts';
import { chanceWithinTiers } from '../../src/lib/stats/chanceWithinTiers.ts';
import { tierOf } from '../../data/sim/followers.ts';
import { PERSONAS } from '../../data/sim/catalog.ts';

const ontology = parseOntology(
  readFileSync('data/klout/klout_topic_ontology_20180601.csv', 'utf8'),
  readFileSync('data/klout/klout_topic_edge_20180601.csv', 'utf8'),
);

/** Every score the report judges, and how a placement's row gives it. */
const SCORES = ['Reach score (Klout-like)', 'Kred-like', 'PeerIndex-like', 'Relevance', 'Trust', 'Fit (relevance × trust × reach)'] as const;
type Score = (typeof SCORES)[number];

/** Every account's fakes at zero: no bought or inactive followers drawn, and the hand-made accounts (personas) set to none too. */
const NO_FAKES: Partial<WorldParams> = {
  fraudRateByTier: { nano: 0, micro: 0, mid: 0, macro: 0, mega: 0 },
  inactiveShareMean: 0,
  boughtFollowers: PERSONAS.map((p) => ({ account: p.key, share: 0 })),
};
const SEEDS = [1, 2, 3, 4, 5];

interface Judged {
  slugs: string[];
  rho: (slug: string, kind: Score) => number;
  /** Per placement: brand, size tier, every score and the realized outcome of the brand's goal (purchases, or recall for the awareness brand). */
  rows: { brand: string[]; tier: string[]; conversions: Float64Array; followers: Float64Array; scores: Record<Score, Float64Array> };
  fakeShares: Float64Array;
}

/** A world through the whole pipeline (simulator → build SQL → shipped queries → figure model): Spearman per brand and score, and the placements. */
async function judge(params: WorldParams): Promise<Judged> {
  const { world, truth } = simulateWorldWithTruth(params, ontology);
  const db = await openNodeEngine(':memory:', { threads: '2' });
  try {
    await loadWorld(db.connection, world as never);
    for (const s of SETUP_SQL) await db.exec(s);
    const frames = await Promise.all((['placement_scores', 'audience_topics', 'topic_tree'] as const).map(async (q) => (await runQuery(db, q, DEFAULTS)).frame));
    const board = scoreboardModel(frames, { intervals: false });
    const t = board.table;
    const followers = numbers(t, 'followers');
    const scores: Record<Score, Float64Array> = {
      'Reach score (Klout-like)': numbers(t, 'score'),
      'Kred-like': numbers(t, 'kred'),
      'PeerIndex-like': numbers(t, 'peerindex'),
      Relevance: numbers(t, 'relevance'),
      Trust: numbers(t, 'trust'),
      'Fit (relevance × trust × reach)': numbers(t, 'fit'),
    };
    const rows = { brand: Array.from(t.columns.brand as ArrayLike<string>), tier: Array.from(followers, tierOf), conversions: numbers(t, 'outcome'), followers, scores };
    const rho = (slug: string, kind: Score) => {
      const idx = rows.brand.flatMap((b, i) => (b === slug ? [i] : []));
      return spearman(Float64Array.from(idx, (i) => scores[kind][i]), Float64Array.from(idx, (i) => rows.conversions[i]));
    };
    return { slugs: [...new Set(rows.brand)], rho, rows, fakeShares: Float64Array.from(truth.hidden.hidden_accounts.fake_follower_share) };
  } finally {
    db.close();
  }
}

describe('the honest-instrument check over every score, five seeds, every account\'s fakes at zero (SCIENCE.md §7)', () => {
  const small = { ...DEFAULT_PARAMS, accounts: 3000, reactionSampleCap: 3 };
  // Only reach drives purchases: no relevance or trust effect and no fake followers anywhere.
  const reachOnly: Partial<WorldParams> = { relevanceEffect: 0, relevancePurchaseEffect: 0, trustEffect: 0, ...NO_FAKES };
  let worlds: Judged[];
  beforeAll(async () => {
    worlds = [];
    for (const seed of SEEDS) worlds.push(await judge({ ...small, ...reachOnly, seed }));
  }, 300_000);

  it('sets every account\'s fakes to zero, the hand-made accounts included', () => {
    for (const w of worlds) {
      expect(Math.max(...w.fakeShares)).toBe(0);
      expect(w.slugs.length).toBe(5);
    }
  });

  it('no score ranks purchases better than the reach score, for any brand on any seed', () => {
    for (const [k, w] of worlds.entries()) {
      for (const s of w.slugs) {
        const reach = w.rho(s, 'Reach score (Klout-like)');
        for (const kind of SCORES) expect(w.rho(s, kind), `seed ${SEEDS[k]} ${s} ${kind} vs reach ${reach}`).toBeLessThanOrEqual(reach);
      }
    }
  });

  /** Per brand, a score's placements pooled over the seeds: tier, score, realized conversions, followers. */
  const pooled = (slug: string, kind: Score) => {
    const out = { tier: [] as string[], score: [] as number[], outcome: [] as number[], size: [] as number[] };
    for (const w of worlds) {
      w.rows.brand.forEach((b, i) => {
        if (b !== slug) return;
        out.tier.push(w.rows.tier[i]);
        out.score.push(w.rows.scores[kind][i]);
        out.outcome.push(w.rows.conversions[i]);
        out.size.push(w.rows.followers[i]);
      });
    }
    return out;
  };

  it.each(['Relevance', 'Trust'] as const)(
    '%s alone ranks purchases no better (and no worse) than chance within each size tier, seeds pooled: |ρ| < 2.5/√(n − 1), size held fixed inside the tier',
    (kind) => {
      for (const slug of worlds[0].slugs) {
        const p = pooled(slug, kind);
        const tiers = chanceWithinTiers(p.tier, p.score, p.outcome, { size: p.size });
        expect(tiers.map((t) => t.tier).sort()).toEqual(['macro', 'mega', 'micro', 'mid', 'nano']);
        for (const t of tiers) {
          expect(t.chance, `${slug} ${t.tier}: partial ρ = ${t.rho.toFixed(3)} (plain ${t.raw.toFixed(3)}) on ${t.n} placements, threshold ${t.threshold.toFixed(3)}`).toBe(true);
        }
      }
    },
  );
});

describe('the published defaults, through the whole pipeline', () => {
  const small = { ...DEFAULT_PARAMS, accounts: 3000, reactionSampleCap: 3 };

  it('with relevance switched off, relevance alone ranks purchases no better than chance', async () => {
    const { slugs, rho } = await judge({ ...small, relevanceEffect: 0, relevancePurchaseEffect: 0 });
    // Chance on 600 placements is ρ ≈ 0 ± 0.04 (1/√599). "No better" is one-sided: relevance may do worse,
    // and it does for brands whose shortlisted, relevant accounts are smaller than the rest of their tier.
    for (const s of slugs) expect(rho(s, 'Relevance'), s).toBeLessThan(0.12);
  }, 120_000);

  it('with the published (calibrated) defaults, the reach score ranks every brand\'s outcome better than fit and than relevance alone', async () => {
    // The verdict of the calibrated world (SCIENCE.md §7): it flipped for the niche brands when the
    // relevance effects were calibrated against the sources' group comparisons (data/sim/calibration.ts).
    const { slugs, rho } = await judge(small);
    for (const s of slugs) {
      expect(rho(s, 'Reach score (Klout-like)'), s).toBeGreaterThan(rho(s, 'Fit (relevance × trust × reach)'));
      expect(rho(s, 'Reach score (Klout-like)'), s).toBeGreaterThan(rho(s, 'Relevance'));
    }
  }, 120_000);
});
