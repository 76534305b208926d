import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseOntology, type Ontology } from '../../../data/sim/ontology.ts';
import type { World } from '../../../data/sim/world.ts';
import { topicHierarchy } from '../../../src/lib/scoring/hierarchy.ts';
import { cosine, expandTopics } from '../../../src/lib/scoring/relevance.ts';

const klout = new URL('../../../data/klout/', import.meta.url);
export const topicsCsv = () => readFileSync(new URL('klout_topic_ontology_20180601.csv', klout), 'utf8');
export const edgesCsv = () => readFileSync(new URL('klout_topic_edge_20180601.csv', klout), 'utf8');

let full: Ontology | undefined;
/** Klout's full published ontology, parsed once per test file. */
export function fullOntology(): Ontology {
  return (full ??= parseOntology(topicsCsv(), edgesCsv()));
}

/** A SHA-256 over every table and column of a world: names, array kinds and the exact bytes or strings. */
export function worldHash(world: World): string {
  const h = createHash('sha256');
  for (const [table, cols] of Object.entries(world)) {
    h.update(`table ${table}\n`);
    for (const [name, col] of Object.entries(cols as Record<string, ArrayLike<unknown>>)) {
      h.update(`column ${name} ${col.constructor.name} ${col.length}\n`);
      if (ArrayBuffer.isView(col)) h.update(new Uint8Array(col.buffer, col.byteOffset, col.byteLength));
      else h.update((col as string[]).join('\u0001'));
    }
  }
  return h.digest('hex');
}

/** The rows of a brand in pair_outcomes (every account, in id order). */
export function pairRows(world: World, brandId: number): { expected: Float64Array; cost: Float64Array } {
  const n = world.influencers.influencer_id.length;
  const from = (brandId - 1) * n;
  if (world.pair_outcomes.brand_id[from] !== brandId) throw new Error('pair_outcomes is not in brand, account order');
  return {
    expected: world.pair_outcomes.expected_conversions.subarray(from, from + n),
    cost: world.pair_outcomes.cost.subarray(from, from + n),
  };
}

/**
 * The relevance score as a marketer computes it, from shipped tables only: each account's observed
 * audience (audience_topics) against the brand's brief (brand_topics), over the shipped topic edges,
 * with the score's own code and decay (src/lib/scoring/relevance.ts). Nothing of the generator (its
 * customer profile, its decay, any follower's interests) goes in.
 */
export function observedRelevance(world: World, brandId: number): Float64Array {
  const seen = observed.get(world) ?? observed.set(world, expandedAudiences(world)).get(world)!;
  const known = seen.byBrand.get(brandId);
  if (known) return known;
  const brief = new Map<string, number>();
  world.brand_topics.brand_id.forEach((b, k) => {
    if (b === brandId) brief.set(world.brand_topics.topic_id[k], world.brand_topics.weight[k]);
  });
  // relevance() is cosine(expandTopics(audience), expandTopics(brief)): the audiences are expanded once per world.
  const target = expandTopics(brief, seen.h);
  const out = Float64Array.from(seen.audiences, (audience) => cosine(audience, target));
  seen.byBrand.set(brandId, out);
  return out;
}

const observed = new WeakMap<World, ReturnType<typeof expandedAudiences>>();

function expandedAudiences(world: World) {
  const n = world.influencers.influencer_id.length;
  const h = topicHierarchy(world.topic_edges.parent_id, world.topic_edges.child_id);
  const raw = Array.from({ length: n }, () => new Map<string, number>());
  const a = world.audience_topics;
  for (let r = 0; r < a.influencer_id.length; r++) raw[a.influencer_id[r] - 1].set(a.topic_id[r], a.share[r]);
  return { h, audiences: raw.map((v) => expandTopics(v, h)), byBrand: new Map<number, Float64Array>() };
}

/** Values of `perAccount` at each placement of a brand, and that brand's placement rows. */
export function atPlacements(world: World, brandId: number, perAccount: ArrayLike<number>): number[] {
  const p = world.placements;
  const out: number[] = [];
  for (let k = 0; k < p.brand_id.length; k++) if (p.brand_id[k] === brandId) out.push(perAccount[p.influencer_id[k] - 1]);
  return out;
}

export function brandId(world: World, slug: string): number {
  const at = world.brands.slug.indexOf(slug);
  if (at < 0) throw new Error(`no brand ${slug}`);
  return world.brands.brand_id[at];
}
