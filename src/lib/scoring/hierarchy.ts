/** The id of Klout's `_ROOT_` topic, which is never reported as an ancestor. */
export const ROOT_TOPIC = '0';

/** Parent links of a topic ontology; ids are strings (unsigned 64-bit, never converted to numbers). */
export interface TopicHierarchy {
  /** Direct parents of a topic, without duplicates; empty for unknown topics. */
  parentsOf(id: string): readonly string[];
}

/** A hierarchy from parallel edge lists (parentIds[i] is a parent of childIds[i]); self loops, duplicate edges and edges with an empty/null id are ignored, parents missing from the ontology are kept, cycles are allowed; throws RangeError when lengths differ. */
export function topicHierarchy(
  parentIds: ArrayLike<string | null>,
  childIds: ArrayLike<string | null>,
): TopicHierarchy {
  if (parentIds.length !== childIds.length) {
    throw new RangeError(`parentIds and childIds differ in length (${parentIds.length} vs ${childIds.length})`);
  }
  const parents = new Map<string, string[]>();
  for (let i = 0; i < childIds.length; i++) {
    const parent = parentIds[i];
    const child = childIds[i];
    if (!parent || !child || parent === child) continue;
    const list = parents.get(child);
    if (!list) parents.set(child, [parent]);
    else if (!list.includes(parent)) list.push(parent);
  }
  const none: readonly string[] = [];
  return { parentsOf: (id) => parents.get(id) ?? none };
}

/** The topic itself with weight 1 and each ancestor with decay^(shortest distance), the root "0" excluded as an ancestor; terminates on cycles; decay 0 gives the topic alone; throws RangeError unless decay is in [0, 1]. */
export function ancestorWeights(h: TopicHierarchy, id: string, decay: number): Map<string, number> {
  if (!(decay >= 0 && decay <= 1)) throw new RangeError(`decay must be in [0, 1], got ${decay}`);
  const weights = new Map<string, number>([[id, 1]]);
  if (decay === 0) return weights;
  // Breadth-first, so the first time a topic is reached is along a shortest path.
  let frontier = [id];
  for (let w = decay; frontier.length > 0; w *= decay) {
    const next: string[] = [];
    for (const topic of frontier) {
      for (const parent of h.parentsOf(topic)) {
        if (parent === ROOT_TOPIC || weights.has(parent)) continue;
        weights.set(parent, w);
        next.push(parent);
      }
    }
    frontier = next;
  }
  return weights;
}
