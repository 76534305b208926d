import { ancestorWeights, type TopicHierarchy } from './hierarchy.ts';

/** Each topic's weight plus, on each of its ancestors, that weight × decay^(shortest distance), summed over topics; null/NaN/±Infinity weights are ignored; the root "0" never receives weight; empty gives empty. */
export function expandTopics(vector: Map<string, number>, h: TopicHierarchy, decay = 0.5): Map<string, number> {
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

/** Hierarchy-aware relevance of an audience to a brand: cosine of both topic vectors after expandTopics with the given decay (0.5 by default; decay 0 is the flat cosine); 0 when either is empty. */
export function relevance(
  audience: Map<string, number>,
  brand: Map<string, number>,
  h: TopicHierarchy,
  { decay = 0.5 }: { decay?: number } = {},
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
