import { ROOT_ID, type Ontology } from './ontology.ts';

/**
 * The topics a world uses: the slugs it names plus all their ancestors, in a fixed order (by
 * slug) so that the full ontology and the shipped subset give the same indices and the same rows.
 */
export interface TopicSpace {
  /** Per topic index, in slug order. */
  ids: string[];
  slugs: string[];
  names: string[];
  /** Shortest distance below the root (super-topics are 1); 0 when no path reaches the root. */
  depth: Int32Array;
  /** Slug of the nearest super-topic (ties broken by slug); the topic itself for a super-topic; '' when none. */
  superSlug: string[];
  /** Per topic, itself (distance 0) and every ancestor in the space with its shortest distance, root excluded. */
  ancestors: { index: number; distance: number }[][];
  /** Edges among these topics (parent may be the root "0"), sorted by parent id then child id. */
  edgeParents: string[];
  edgeChildren: string[];
  /** Index of a slug; throws naming the slug when the ontology lacks it. */
  indexOf(slug: string): number;
}

/** The closure of `slugs` under "parent of" in `ontology`; throws when a slug is not a topic. */
export function topicSpace(ontology: Ontology, slugs: Iterable<string>): TopicSpace {
  const bySlug = new Map<string, { id: string; slug: string; name: string }>();
  const byId = new Map<string, { id: string; slug: string; name: string }>();
  for (const t of ontology.topics) {
    byId.set(t.id, t);
    const prev = bySlug.get(t.slug);
    if (!prev || compareIds(t.id, prev.id) < 0) bySlug.set(t.slug, t);
  }
  const parents = new Map<string, Set<string>>();
  for (const { parent, child } of ontology.edges) {
    if (parent === child) continue;
    let set = parents.get(child);
    if (!set) parents.set(child, (set = new Set()));
    set.add(parent);
  }

  const closure = new Set<string>();
  const stack: string[] = [];
  for (const slug of slugs) {
    const t = bySlug.get(slug);
    if (!t) throw new Error(`topic "${slug}" is not in the ontology`);
    stack.push(t.id);
  }
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (closure.has(id) || id === ROOT_ID) continue;
    if (!byId.has(id)) throw new Error(`topic id ${id} is an ancestor but not in the ontology`);
    closure.add(id);
    for (const p of parents.get(id) ?? []) stack.push(p);
  }

  const members = [...closure].map((id) => byId.get(id) as { id: string; slug: string; name: string });
  members.sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : compareIds(a.id, b.id)));
  const index = new Map(members.map((t, i) => [t.id, i]));
  const slugIndex = new Map<string, number>();
  members.forEach((t, i) => {
    if (!slugIndex.has(t.slug)) slugIndex.set(t.slug, i);
  });

  const n = members.length;
  const depth = new Int32Array(n);
  const superSlug: string[] = new Array(n).fill('');
  const ancestors: { index: number; distance: number }[][] = [];
  for (let i = 0; i < n; i++) {
    // Breadth-first upwards: the first time a topic is reached is along a shortest path.
    const dist = new Map<string, number>([[members[i].id, 0]]);
    let frontier = [members[i].id];
    let rootDistance = 0;
    let bestSuper = '';
    let bestSuperDistance = Infinity;
    for (let d = 1; frontier.length > 0; d++) {
      const next: string[] = [];
      for (const id of frontier) {
        for (const p of parents.get(id) ?? []) {
          if (p === ROOT_ID) {
            if (rootDistance === 0) rootDistance = d;
            const s = byId.get(id)?.slug ?? '';
            if (d - 1 < bestSuperDistance || (d - 1 === bestSuperDistance && s < bestSuper)) {
              bestSuper = s;
              bestSuperDistance = d - 1;
            }
            continue;
          }
          if (dist.has(p)) continue;
          dist.set(p, d);
          next.push(p);
        }
      }
      frontier = next;
    }
    depth[i] = rootDistance;
    superSlug[i] = bestSuper;
    const list: { index: number; distance: number }[] = [];
    for (const [id, d] of dist) list.push({ index: index.get(id) as number, distance: d });
    list.sort((a, b) => a.distance - b.distance || a.index - b.index);
    ancestors.push(list);
  }

  const edges: [string, string][] = [];
  for (const t of members) for (const p of parents.get(t.id) ?? []) edges.push([p, t.id]);
  edges.sort((a, b) => compareIds(a[0], b[0]) || compareIds(a[1], b[1]));

  return {
    ids: members.map((t) => t.id),
    slugs: members.map((t) => t.slug),
    names: members.map((t) => t.name),
    depth,
    superSlug,
    ancestors,
    edgeParents: edges.map((e) => e[0]),
    edgeChildren: edges.map((e) => e[1]),
    indexOf(slug: string): number {
      const i = slugIndex.get(slug);
      if (i === undefined) throw new Error(`topic "${slug}" is not in this world's topics`);
      return i;
    },
  };
}

/** Numeric order of two unsigned decimal ids without converting them to numbers. */
export function compareIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}
