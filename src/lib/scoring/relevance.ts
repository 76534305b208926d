import { ancestorWeights, type TopicHierarchy } from './hierarchy.ts';

/**
 * The relevance score's hierarchy decay: how much interest in a topic counts for its parent (and
 * that again for the grandparent…). The score's own constant, not read from the simulator.
 */
export const RELEVANCE_DECAY = 0.5;

/** What the data page says about the one value the score shares with the simulator. */
export const RELEVANCE_DECAY_NOTE =
  "The relevance score's hierarchy decay (RELEVANCE_DECAY = 0.5, src/lib/scoring/relevance.ts) has the same value as the simulator's hierarchyDecay default, by choice, not by reading it: " +
  'half strength per level is the plainest assumption for both, and no source measures either. They are two constants: change hierarchyDecay in the lab and the score keeps 0.5, so the score never learns how the hidden match was computed.';

/** Each topic's weight plus, on each of its ancestors, that weight × decay^(shortest distance) (RELEVANCE_DECAY by default), summed over topics; null/NaN/±Infinity weights are ignored; the root "0" never receives weight; empty gives empty. */
export function expandTopics(vector: Map<string, number>, h: TopicHierarchy, decay = RELEVANCE_DECAY): Map<string, number> {
  const out = new Map<string, number>();
  for (const [topic, weight] of vector) {
    if (!Number.isFinite(weight)) continue;
    for (const [t, w] of ancestorWeights(h, topic, decay)) out.set(t, (out.get(t) ?? 0) + weight * w);
  }
  return out;
}

/** Cosine similarity of two sparse vectors keyed by topic; null/NaN/±Infinity entries are ignored; 0 when either is empty or all zero. */
export function cosine(a: Map<string, number>, b: Map<string, number>): number {
  const na = norm(a);
  const nb = norm(b);
  if (na === 0 || nb === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [k, v] of small) {
    const w = large.get(k);
    if (w !== undefined && Number.isFinite(v) && Number.isFinite(w)) dot += (v / na) * (w / nb);
  }
  return Math.max(-1, Math.min(1, dot));
}

/** Hierarchy-aware relevance of an audience to a brand: cosine of both topic vectors after expandTopics with the given decay (RELEVANCE_DECAY by default; decay 0 is the flat cosine); 0 when either is empty. */
export function relevance(
  audience: Map<string, number>,
  brand: Map<string, number>,
  h: TopicHierarchy,
  { decay = RELEVANCE_DECAY }: { decay?: number } = {},
): number {
  return cosine(expandTopics(audience, h, decay), expandTopics(brand, h, decay));
}

// Largest magnitude times the norm of the rescaled vector, so huge weights do not overflow.
function norm(v: Map<string, number>): number {
  let m = 0;
  for (const x of v.values()) if (Number.isFinite(x)) m = Math.max(m, Math.abs(x));
  if (m === 0) return 0;
  let s = 0;
  for (const x of v.values()) if (Number.isFinite(x)) s += (x / m) * (x / m);
  return m * Math.sqrt(s);
}
