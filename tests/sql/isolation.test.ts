import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseOntology, type Ontology } from '../../data/sim/ontology.ts';
import { DEFAULT_PARAMS, type WorldParams } from '../../data/sim/params.ts';
import type { StreamName } from '../../data/sim/streams.ts';
import { simulateWorld, type World } from '../../data/sim/world.ts';
import { loadWorld } from '../../data/load.ts';
import { openNodeEngine } from '../../src/lib/db/node.ts';
import { runQuery } from '../../src/lib/db/run.ts';
import { numbers } from '../../src/lib/data/frame.ts';
import { SETUP_SQL } from '../../src/sql/catalog.ts';
import { DEFAULTS } from '../../src/lib/state/params.ts';
import { fitOf, relevanceOf, topicVectors, trustOf } from '../../src/lib/figures/signals.ts';

/**
 * Isolation (SCIENCE.md §7): every score sees only observables. Changing only hidden draws (the
 * interests of the followers outcomes come from, and how the generator scores them) with the
 * observed samples held fixed leaves every score of every account unchanged; changing an observed
 * sample (the audience tool's, the audit's, the posts, the brief) changes the scores that read it.
 * Scores are computed as the site computes them: the shipped SQL on DuckDB, then the figures' code.
 */
const SMALL: Partial<WorldParams> = { accounts: 1500, placementsPerBrand: 150 };

let ontology: Ontology;
const world = (change: Partial<WorldParams> = {}, reseed: Partial<Record<StreamName, number>> = {}) =>
  simulateWorld({ ...DEFAULT_PARAMS, ...SMALL, ...change }, ontology, undefined, undefined, { reseed });

type Scores = Record<string, Float64Array>;

/** Every score of every account (id order): reach, Kred-like, PeerIndex-like, and per brand relevance, trust and fit. */
async function scoresOf(w: World): Promise<Scores> {
  const db = await openNodeEngine(':memory:', { threads: '1' });
  try {
    await loadWorld(db.connection, w as unknown as Record<string, Record<string, ArrayLike<unknown>>>);
    for (const s of SETUP_SQL) await db.exec(s);
    const column = async (sql: string, name: string) => Float64Array.from(numbers(await db.query(sql), name));
    const weights = `${DEFAULTS.w_followers}, ${DEFAULTS.w_reactions}, ${DEFAULTS.w_reactors}`;
    const out: Scores = {
      reach: await column(`SELECT score FROM reach_score(${weights}) ORDER BY influencer_id`, 'score'),
      kred: await column('SELECT influence FROM kred_scores ORDER BY influencer_id', 'influence'),
      peerindex: await column('SELECT score FROM peerindex_scores ORDER BY influencer_id', 'score'),
    };
    const [audience, tree] = await Promise.all([runQuery(db, 'audience_topics', DEFAULTS), runQuery(db, 'topic_tree', DEFAULTS)]);
    const vectors = topicVectors(audience.frame, tree.frame);
    for (const slug of w.brands.slug) {
      const offers = (await runQuery(db, 'brand_offers', { ...DEFAULTS, brand: slug })).frame;
      const ids = numbers(offers, 'influencer_id');
      expect(Array.from(ids)).toEqual(Array.from(w.influencers.influencer_id));
      const relevance = relevanceOf(ids, slug, vectors);
      const trust = trustOf(offers);
      out[`relevance.${slug}`] = relevance;
      out[`trust.${slug}`] = trust;
      out[`fit.${slug}`] = fitOf(relevance, trust, numbers(offers, 'score'));
    }
    return out;
  } finally {
    db.close();
  }
}

/** Accounts whose value differs (NaN equals NaN). */
const changed = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let n = 0;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) n++;
  return n;
};

let base: World;
let baseScores: Scores;
beforeAll(async () => {
  ontology = parseOntology(
    readFileSync('data/klout/klout_topic_ontology_20180601.csv', 'utf8'),
    readFileSync('data/klout/klout_topic_edge_20180601.csv', 'utf8'),
  );
  base = world();
  baseScores = await scoresOf(base);
}, 60_000);

describe('changing only hidden draws, the observed samples held fixed', () => {
  let hidden: World;
  let scores: Scores;
  beforeAll(async () => {
    // Other interests for every hidden follower, and another decay in the generator's match.
    hidden = world({ hierarchyDecay: 0.8 }, { audience: 1 });
    scores = await scoresOf(hidden);
  }, 60_000);

  it('changes the hidden truth: expected conversions differ for most accounts', () => {
    const e = (w: World) => w.pair_outcomes.expected_conversions;
    expect(changed(e(hidden), e(base))).toBeGreaterThan(0.9 * e(base).length);
  });

  it('leaves every observed table the scores read as it was, and the same placements ran', () => {
    for (const table of ['influencers', 'audience_topics', 'brand_topics', 'posts', 'reactions'] as const) {
      for (const [name, col] of Object.entries(base[table])) {
        expect(Array.from(hidden[table][name as never] as ArrayLike<unknown>), `${table}.${name}`).toEqual(Array.from(col as ArrayLike<unknown>));
      }
    }
    expect(Array.from(hidden.placements.influencer_id)).toEqual(Array.from(base.placements.influencer_id));
  });

  it('leaves every score of every account unchanged: reach, Kred-like, PeerIndex-like, and per brand relevance, trust and fit', () => {
    expect(Object.keys(scores).length).toBe(3 + 3 * base.brands.slug.length);
    for (const [name, values] of Object.entries(baseScores)) expect(changed(scores[name], values), name).toBe(0);
  });
});

describe('changing an observed sample changes the scores that read it', () => {
  const cases: [string, Partial<Record<StreamName, number>>, string[], string[]][] = [
    ["the audience tool's sample of followers", { observe: 1 }, ['relevance', 'fit'], ['reach', 'kred', 'peerindex', 'trust']],
    ["the audit's sample of followers", { audit: 1 }, ['trust', 'fit'], ['reach', 'kred', 'peerindex', 'relevance']],
    ['the posts and their reactions', { posts: 1 }, ['reach', 'kred', 'peerindex', 'trust', 'fit'], ['relevance']],
    ["the marketer's brief", { brief: 1 }, ['relevance', 'fit'], ['reach', 'kred', 'peerindex', 'trust']],
  ];

  it.each(cases)('%s', async (_what, reseed, moves, stays) => {
    const scores = await scoresOf(world({}, reseed));
    const n = base.influencers.influencer_id.length;
    for (const name of Object.keys(baseScores)) {
      const kind = name.split('.')[0];
      const c = changed(scores[name], baseScores[name]);
      if (moves.includes(kind)) {
        // The brief is one per brand: a re-drawn brief may equal the old one for a brand with few topics; every other sample moves most accounts.
        if (reseed.brief === undefined) expect(c, name).toBeGreaterThan(0.1 * n);
      } else if (stays.includes(kind)) expect(c, name).toBe(0);
    }
    if (reseed.brief !== undefined) {
      const moved = base.brands.slug.filter((slug) => changed(scores[`relevance.${slug}`], baseScores[`relevance.${slug}`]) > 0.1 * n);
      expect(moved.length).toBeGreaterThanOrEqual(3);
    }
  }, 60_000);
});
