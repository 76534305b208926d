import { BRANDS, COMMUNITIES, ONE_OFF_TOPICS, PERSONAS, catalogSlugs, type BrandSpec } from './catalog.ts';
import { cumulative } from './columns.ts';
import type { Ontology } from './ontology.ts';
import type { WorldParams } from './params.ts';
import { topicSpace, type TopicSpace } from './topicSpace.ts';
import { STREAM, type StreamTags } from './streams.ts';

/** A weighted set of topics (indices into the topic space) ready for draws. */
export interface TopicDraw {
  topics: Int32Array;
  cum: Float64Array;
}

export interface ResolvedCommunity {
  key: string;
  share: number;
  massAppeal: number;
  niche: TopicDraw;
  interests: TopicDraw;
}

export interface ResolvedBrand {
  spec: BrandSpec;
  topics: Int32Array;
  weights: Float64Array;
}

/** The catalog resolved against one world's topics, plus the lookup tables the simulation reads. */
export interface SimContext {
  params: WorldParams;
  /** The random stream tags (STREAM, unless a test re-seeds one). */
  tag: StreamTags;
  space: TopicSpace;
  brands: ResolvedBrand[];
  communities: ResolvedCommunity[];
  communityIndex: Map<string, number>;
  /** Interests of the general population: every community's interests weighted by its share × mass appeal. */
  general: TopicDraw;
  oneOffs: Int32Array;
  /** Follower interests of personas whose audience differs from their community's, by persona key. */
  personaAudience: Map<string, TopicDraw>;
  /**
   * Hidden: contribution[topic × brands + b], how much an interest in `topic` covers brand b's
   * customer profile (the generator's, not the brief a score sees): the summed weights of the profile's topics that are the topic or its ancestors,
   * each × hierarchyDecay^distance.
   */
  contribution: Float64Array;
}

/** Resolves the catalog's slugs in `ontology` (the full one or a world's shipped subset: both give the same context). */
export function simContext(params: WorldParams, ontology: Ontology, tag: StreamTags = STREAM): SimContext {
  const space = topicSpace(ontology, catalogSlugs());
  const draw = (weights: Record<string, number>): TopicDraw => {
    const entries = Object.entries(weights).filter(([, w]) => w > 0);
    return {
      topics: Int32Array.from(entries.map(([slug]) => space.indexOf(slug))),
      cum: cumulative(entries.map(([, w]) => w)),
    };
  };
  const communities = COMMUNITIES.map((c) => ({
    key: c.key,
    share: c.share,
    massAppeal: c.massAppeal,
    niche: draw(Object.fromEntries(c.niche.map((s) => [s, c.topics[s] ?? 1]))),
    interests: draw(c.topics),
  }));
  const generalWeights: Record<string, number> = {};
  const slugsInOrder: string[] = [];
  for (const c of COMMUNITIES) {
    const total = Object.values(c.topics).reduce((a, b) => a + b, 0);
    for (const [slug, w] of Object.entries(c.topics)) {
      if (!(slug in generalWeights)) {
        generalWeights[slug] = 0;
        slugsInOrder.push(slug);
      }
      generalWeights[slug] += (c.share * c.massAppeal * w) / total;
    }
  }
  const brands = BRANDS.map((spec) => {
    const entries = Object.entries(spec.topics);
    return {
      spec,
      topics: Int32Array.from(entries.map(([slug]) => space.indexOf(slug))),
      weights: Float64Array.from(entries.map(([, w]) => w)),
    };
  });
  const nb = brands.length;
  const contribution = new Float64Array(space.ids.length * nb);
  for (let t = 0; t < space.ids.length; t++) {
    for (const { index, distance } of space.ancestors[t]) {
      const factor = params.hierarchyDecay ** distance;
      for (let b = 0; b < nb; b++) {
        const at = brands[b].topics.indexOf(index);
        if (at >= 0) contribution[t * nb + b] += brands[b].weights[at] * factor;
      }
    }
  }
  for (const p of PERSONAS) {
    if (!COMMUNITIES.some((c) => c.key === p.community)) throw new Error(`persona ${p.key}: unknown community ${p.community}`);
  }
  return {
    params,
    tag,
    space,
    brands,
    communities,
    communityIndex: new Map(COMMUNITIES.map((c, i) => [c.key, i])),
    general: draw(Object.fromEntries(slugsInOrder.map((s) => [s, generalWeights[s]]))),
    oneOffs: Int32Array.from(ONE_OFF_TOPICS.map((s) => space.indexOf(s))),
    personaAudience: new Map(PERSONAS.filter((x) => x.audience).map((x) => [x.key, draw(x.audience as Record<string, number>)])),
    contribution,
  };
}
