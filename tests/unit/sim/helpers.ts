import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseOntology, type Ontology } from '../../../data/sim/ontology.ts';
import type { World } from '../../../data/sim/world.ts';

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
 * A relevance proxy a marketer could compute: per account, the observed audience share on each
 * of the brand's topics, counting an observed child topic for its ancestors at half weight per
 * level, weighted by the brand's profile. (Independent of the simulator's hidden fit.)
 */
export function observedRelevance(world: World, brandId: number): Float64Array {
  const n = world.influencers.influencer_id.length;
  const parents = new Map<string, string[]>();
  world.topic_edges.child_id.forEach((c, k) => {
    const list = parents.get(c) ?? [];
    list.push(world.topic_edges.parent_id[k]);
    parents.set(c, list);
  });
  const profile = new Map<string, number>();
  world.brand_topics.brand_id.forEach((b, k) => {
    if (b === brandId) profile.set(world.brand_topics.topic_id[k], world.brand_topics.weight[k]);
  });
  const cover = new Map<string, number>();
  const coverOf = (topic: string): number => {
    const known = cover.get(topic);
    if (known !== undefined) return known;
    let sum = 0;
    const seen = new Set([topic]);
    let frontier = [topic];
    for (let w = 1; frontier.length > 0; w /= 2) {
      const next: string[] = [];
      for (const t of frontier) {
        sum += (profile.get(t) ?? 0) * w;
        for (const p of parents.get(t) ?? []) {
          if (seen.has(p)) continue;
          seen.add(p);
          next.push(p);
        }
      }
      frontier = next;
    }
    cover.set(topic, sum);
    return sum;
  };
  const out = new Float64Array(n);
  const a = world.audience_topics;
  for (let r = 0; r < a.influencer_id.length; r++) out[a.influencer_id[r] - 1] += a.share[r] * coverOf(a.topic_id[r]);
  return out;
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
