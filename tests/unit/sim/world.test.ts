import { beforeAll, describe, expect, it } from 'vitest';
import { TABLES } from '../../../src/lib/data/dictionary.ts';
import { BRANDS, PERSONAS } from '../../../data/sim/catalog.ts';
import { ontologyFromTables, type Ontology } from '../../../data/sim/ontology.ts';
import { DEFAULT_PARAMS, type WorldParams } from '../../../data/sim/params.ts';
import { simulateWorld, simulateWorldWithTruth, type Truth, type World } from '../../../data/sim/world.ts';
import { fullOntology, topicsCsv, worldHash } from './helpers.ts';

const SIMULATED = TABLES.filter((t) => !t.hidden && /^(simulated|real)\b/.test(t.origin));
const HIDDEN = TABLES.filter((t) => t.hidden);
const small: WorldParams = { ...DEFAULT_PARAMS, accounts: 1200, placementsPerBrand: 150 };

let world: World;
let truth: Truth;
let hash: string;
beforeAll(() => {
  ({ world, truth } = simulateWorldWithTruth(DEFAULT_PARAMS, fullOntology()));
  hash = worldHash(world);
});

describe('simulateWorld: determinism', () => {
  it('gives byte-identical tables for the same parameters', () => {
    expect(worldHash(simulateWorld(DEFAULT_PARAMS, fullOntology()))).toBe(hash);
  });

  it.each([
    ['another seed', { seed: DEFAULT_PARAMS.seed + 1 }],
    ['another relevance effect', { relevanceEffect: 2 }],
  ])('gives a different world for %s', (_name, change) => {
    expect(worldHash(simulateWorld({ ...DEFAULT_PARAMS, ...change }, fullOntology()))).not.toBe(hash);
  });

  it('gives the same world from only the topics and edges it shipped (what the browser lab has)', () => {
    const shipped = ontologyFromTables(world.topics, world.topic_edges);
    expect(shipped.topics.length).toBeLessThan(300);
    expect(worldHash(simulateWorld(DEFAULT_PARAMS, shipped))).toBe(hash);
  });

  it('does not depend on the order of the ontology\'s rows', () => {
    const o = fullOntology();
    const reordered: Ontology = { topics: [...o.topics].reverse(), edges: [...o.edges].reverse() };
    const a = simulateWorld(small, o);
    expect(worldHash(simulateWorld(small, reordered))).toBe(worldHash(a));
  });

  it('reports progress from 0 to 1, never going back', () => {
    const seen: number[] = [];
    simulateWorld(small, fullOntology(), (share) => seen.push(share));
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(1);
    for (let k = 1; k < seen.length; k++) expect(seen[k]).toBeGreaterThanOrEqual(seen[k - 1]);
  });

  it('rejects out-of-range parameters before simulating', () => {
    expect(() => simulateWorld({ ...small, accounts: -5 }, fullOntology())).toThrow(RangeError);
  });
});

describe('simulateWorld: schema matches the data dictionary', () => {
  it('has exactly the simulated and real tables (the derived ones come from build SQL, the hidden ones stay in the truth)', () => {
    expect(Object.keys(world).sort()).toEqual(SIMULATED.map((t) => t.name).sort());
    expect(Object.keys(truth.hidden).sort()).toEqual(HIDDEN.map((t) => t.name).sort());
  });

  it.each(HIDDEN.map((t) => [t.name, t] as const))('the truth holds the hidden table %s with the dictionary\'s columns, none of them shipped', (name, table) => {
    const cols = truth.hidden[name as keyof Truth['hidden']] as Record<string, ArrayLike<unknown>>;
    expect(Object.keys(cols)).toEqual(table.columns.map((c) => c.name));
    expect(new Set(Object.values(cols).map((c) => c.length)).size).toBe(1);
    expect(table.shipped).toBe(false);
  });

  describe.each(SIMULATED.map((t) => [t.name, t] as const))('%s', (name, table) => {
    it('has the dictionary\'s columns in order, of one length', () => {
      const cols = world[name as keyof World] as Record<string, ArrayLike<unknown>>;
      expect(Object.keys(cols)).toEqual(table.columns.map((c) => c.name));
      const lengths = new Set(Object.values(cols).map((c) => c.length));
      expect(lengths.size).toBe(1);
      expect([...lengths][0]).toBeGreaterThan(0);
    });

    it.each(table.columns.map((c) => [c.name, c.type] as const))('%s holds %s values', (column, type) => {
      const col = (world[name as keyof World] as Record<string, ArrayLike<unknown>>)[column];
      const values = Array.from(col as ArrayLike<unknown>);
      switch (type) {
        case 'VARCHAR':
          expect(Array.isArray(col)).toBe(true);
          expect(values.every((v) => typeof v === 'string')).toBe(true);
          break;
        case 'INTEGER':
          expect(col).toBeInstanceOf(Int32Array);
          break;
        case 'BIGINT':
          expect(col).toBeInstanceOf(Float64Array);
          expect(values.every((v) => Number.isSafeInteger(v))).toBe(true);
          break;
        case 'DOUBLE':
          expect(col).toBeInstanceOf(Float64Array);
          expect(values.every((v) => Number.isFinite(v))).toBe(true);
          break;
        case 'BOOLEAN':
          expect(col).toBeInstanceOf(Uint8Array);
          expect(values.every((v) => v === 0 || v === 1)).toBe(true);
          break;
        default:
          throw new Error(`untested type ${type}`);
      }
    });
  });
});

describe('simulateWorld: contents', () => {
  it('keeps topic ids as their exact text, e.g. electricity = 10000000000000019794', () => {
    const t = world.topics;
    expect(t.topic_id[t.slug.indexOf('electricity')]).toBe('10000000000000019794');
    const raw = new Map(
      topicsCsv()
        .split('\n')
        .slice(1)
        .filter(Boolean)
        .map((line) => [line.split(',')[1].replaceAll('"', ''), line.split(',')[0]]),
    );
    expect(t.slug.filter((slug, i) => raw.has(slug) && t.topic_id[i] !== raw.get(slug))).toEqual([]);
    expect(t.slug.filter((slug) => !raw.has(slug))).toEqual(['economics'].filter((s) => t.slug.includes(s)));
    expect(t.topic_id.some((id) => BigInt(id) >= 2n ** 63n)).toBe(true);
  });

  it('refers only to shipped topics, and ships every ancestor with its edges', () => {
    const ids = new Set(world.topics.topic_id);
    const refs = [world.brand_topics.topic_id, truth.hidden.hidden_accounts.generator_niche_topic_id, world.audience_topics.topic_id, world.posts.topic_id];
    for (const col of refs) for (const id of new Set(col)) expect(ids.has(id)).toBe(true);
    world.topic_edges.child_id.forEach((child, k) => {
      expect(ids.has(child)).toBe(true);
      const parent = world.topic_edges.parent_id[k];
      expect(parent === '0' || ids.has(parent)).toBe(true);
    });
    // Every shipped topic reaches the root through shipped edges.
    expect(Math.min(...world.topics.depth)).toBeGreaterThanOrEqual(1);
    const supers = new Set(world.topics.slug.filter((s) => s.endsWith('-super')));
    for (const s of world.topics.super_topic) expect(supers.has(s)).toBe(true);
  });

  it('has the brands of SCIENCE.md with profiles summing to 1', () => {
    expect(world.brands.slug).toEqual(BRANDS.map((b) => b.slug));
    expect(world.brands.goal).toContain('awareness');
    for (const b of world.brands.brand_id) {
      let sum = 0;
      world.brand_topics.brand_id.forEach((x, k) => {
        if (x === b) sum += world.brand_topics.weight[k];
      });
      expect(sum).toBeCloseTo(1, 12);
    }
  });

  it('matches the creator size mix (HypeAuditor) among accounts with at least 1,000 followers', () => {
    const f = Array.from(world.influencers.followers).filter((x) => x >= 1000);
    const share = (lo: number, hi: number) => f.filter((x) => x >= lo && x < hi).length / f.length;
    expect(share(1e3, 1e4)).toBeCloseTo(0.815, 1);
    expect(Math.abs(share(1e3, 1e4) - 0.815)).toBeLessThan(0.01);
    expect(Math.abs(share(1e4, 1e5) - 0.144)).toBeLessThan(0.01);
    expect(share(1e6, Infinity)).toBeGreaterThan(0.0005);
    expect(share(1e6, Infinity)).toBeLessThan(0.003);
    expect(Math.min(...world.influencers.followers)).toBeGreaterThanOrEqual(DEFAULT_PARAMS.minFollowers);
    expect(Math.max(...world.influencers.followers)).toBeGreaterThanOrEqual(1e7);
  });

  it('labels each account\'s tier by its followers and keeps handles unique', () => {
    const inf = world.influencers;
    const tierOf = (f: number) => (f < 1e4 ? 'nano' : f < 1e5 ? 'micro' : f < 5e5 ? 'mid' : f < 1e6 ? 'macro' : 'mega');
    expect(inf.tier.filter((t, i) => t !== tierOf(inf.followers[i]))).toEqual([]);
    expect(new Set(inf.handle).size).toBe(inf.handle.length);
    expect(truth.hidden.hidden_accounts.fake_follower_share.every((s) => s >= 0 && s < 1)).toBe(true);
    expect(inf.audit_fake_share.every((s) => s >= 0 && s < 1)).toBe(true);
  });

  it.each([
    ['pop-star', 30_000_000, 'pop-music'],
    ['yoga-teacher', 5_000, 'yoga'],
    ['pm-blogger', 12_000, 'project-management'],
  ])('has the persona %s with %d followers posting about %s', (persona, followers, niche) => {
    const inf = world.influencers;
    const i = inf.persona.indexOf(persona);
    expect(i).toBeGreaterThanOrEqual(0);
    expect(inf.followers[i]).toBe(followers);
    expect(world.topics.slug[world.topics.topic_id.indexOf(truth.hidden.hidden_accounts.generator_niche_topic_id[i])]).toBe(niche);
    expect(inf.persona.filter((p) => p !== '')).toEqual(PERSONAS.map((p) => p.key));
  });

  it('posts 10–60 times per account in 90 days, mostly on the niche, with some one-off mentions', () => {
    const p = world.posts;
    const n = world.influencers.influencer_id.length;
    const perAccount = new Int32Array(n);
    let onNiche = 0;
    let homework = 0;
    const hw = world.topics.topic_id[world.topics.slug.indexOf('homework')];
    let outside = 0;
    for (let k = 0; k < p.post_id.length; k++) {
      const i = p.influencer_id[k] - 1;
      perAccount[i]++;
      if (p.topic_id[k] === truth.hidden.hidden_accounts.generator_niche_topic_id[i]) onNiche++;
      if (p.topic_id[k] === hw) homework++;
      if (!(p.day[k] >= 0 && p.day[k] < 90)) outside++;
    }
    expect(outside).toBe(0);
    expect(Math.min(...perAccount)).toBeGreaterThanOrEqual(10);
    expect(Math.max(...perAccount)).toBeLessThanOrEqual(60);
    expect(onNiche / p.post_id.length).toBeGreaterThan(0.5);
    expect(homework).toBeGreaterThan(0);
    expect(homework / p.post_id.length).toBeLessThan(0.02);
    expect(p.post_id.every((id, k) => id === k + 1)).toBe(true);
  });

  it('samples at most reactionSampleCap reactions per post, weighted back to each post\'s totals', () => {
    const p = world.posts;
    const r = world.reactions;
    const sums = new Float64Array(p.post_id.length * 3);
    const events = new Int32Array(p.post_id.length);
    const kinds = { like: 0, share: 1, reply: 2 } as Record<string, number>;
    const bad: string[] = [];
    for (let e = 0; e < r.post_id.length; e++) {
      const k = r.post_id[e] - 1;
      sums[k * 3 + kinds[r.kind[e]]] += r.sample_weight[e];
      events[k]++;
      if (!(r.day[e] >= p.day[k] && r.day[e] < 90)) bad.push(`event ${e}: day ${r.day[e]}`);
    }
    const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, b);
    for (let k = 0; k < p.post_id.length; k++) {
      if (events[k] > Math.max(3, DEFAULT_PARAMS.reactionSampleCap)) bad.push(`post ${k + 1}: ${events[k]} events`);
      if (!close(sums[k * 3], p.likes[k]) || !close(sums[k * 3 + 1], p.shares[k]) || !close(sums[k * 3 + 2], p.replies[k])) {
        bad.push(`post ${k + 1}: weighted sums ${sums.subarray(k * 3, k * 3 + 3).join('/')}`);
      }
      if (p.unique_reactors[k] > p.likes[k] + p.shares[k] + p.replies[k]) bad.push(`post ${k + 1}: unique reactors`);
    }
    expect(bad.slice(0, 5)).toEqual([]);
  });

  it('has indiscriminate reactors who react to many posts a day, and ordinary ones who do not', () => {
    const r = world.reactions;
    const perDay = new Map<string, number>();
    for (let e = 0; e < r.post_id.length; e++) {
      const key = `${r.reactor_id[e]}:${r.day[e]}`;
      perDay.set(key, (perDay.get(key) ?? 0) + 1);
    }
    const counts = [...perDay.values()].sort((a, b) => a - b);
    expect(counts[Math.floor(counts.length / 2)]).toBe(1);
    expect(counts.at(-1)).toBeGreaterThanOrEqual(20);
  });

  it('runs placementsPerBrand placements per brand across every tier, revenue = conversions × price', () => {
    const pl = world.placements;
    const inf = world.influencers;
    for (const b of world.brands.brand_id) {
      const rows = [...pl.brand_id.keys()].filter((k) => pl.brand_id[k] === b);
      expect(rows).toHaveLength(DEFAULT_PARAMS.placementsPerBrand);
      expect(new Set(rows.map((k) => inf.tier[pl.influencer_id[k] - 1]))).toEqual(new Set(['nano', 'micro', 'mid', 'macro', 'mega']));
      const price = world.brands.price[b - 1];
      expect(rows.filter((k) => pl.revenue[k] !== pl.conversions[k] * price || pl.clicks[k] < pl.conversions[k] || !(pl.cost[k] > 0))).toEqual([]);
    }
  });

  it('has one pair outcome per brand × account, with a realized draw around the expectation', () => {
    const po = world.pair_outcomes;
    const n = world.influencers.influencer_id.length;
    expect(po.brand_id.length).toBe(n * world.brands.brand_id.length);
    let expected = 0;
    let realized = 0;
    let bad = 0;
    for (let k = 0; k < po.brand_id.length; k++) {
      if (po.influencer_id[k] !== (k % n) + 1 || po.brand_id[k] !== Math.floor(k / n) + 1) bad++;
      if (po.revenue[k] !== po.conversions[k] * world.brands.price[po.brand_id[k] - 1]) bad++;
      expected += po.expected_conversions[k];
      realized += po.conversions[k];
    }
    expect(bad).toBe(0);
    expect(realized / expected).toBeGreaterThan(0.95);
    expect(realized / expected).toBeLessThan(1.05);
  });

  it('observes audiences with a separate, smaller, noisy sample (shares in steps of 1/audienceSample)', () => {
    const a = world.audience_topics;
    let bad = 0;
    for (let r = 0; r < a.share.length; r++) {
      const count = a.share[r] * DEFAULT_PARAMS.audienceSample;
      if (Math.abs(count - Math.round(count)) > 1e-9 || Math.round(count) < DEFAULT_PARAMS.audienceMinCount || a.share[r] > 1) bad++;
    }
    expect(bad).toBe(0);
  });
});
