/**
 * Klout's full topic ontology as one Arrow IPC stream for the "Your data" page, which matches a
 * reader's free-text topics to it (src/sql/byod/topic_match.sql) and walks its links for relevance
 * (relevance.sql). It ships only what those need: per topic its id (text: an unsigned 64-bit
 * integer), slug, display name, shortest depth below the root and its parents' ids (the root '0'
 * included, as in the edge file). The page fetches it only once a file with topics is loaded.
 */
import { dirname, join } from 'node:path';
import { Int32, List, Field, Table, Utf8, tableToIPC, vectorFromArray } from 'apache-arrow';
import { ROOT_ID, type Ontology } from './sim/ontology.ts';

/** The file's name: the page's world folder serves it as your-data/world/klout_ontology.arrow. */
export const ONTOLOGY_FILE = 'klout_ontology.arrow';

/** Where the data step writes it: a folder beside its DuckDB file (build output, not under public/, so the data page does not ship it too). */
export const ontologyPath = (dbPath: string): string => join(dirname(dbPath), 'your-data', ONTOLOGY_FILE);

/** Per topic of `ontology`, in its order: the parents' ids (in edge-file order) and the shortest distance below the root (0 when no path reaches it). */
export function ontologyColumns(ontology: Ontology): { parents: string[][]; depth: Int32Array } {
  const index = new Map(ontology.topics.map((t, i) => [t.id, i]));
  const parents: string[][] = ontology.topics.map(() => []);
  const children = new Map<string, number[]>();
  for (const { parent, child } of ontology.edges) {
    const c = index.get(child);
    if (c === undefined) continue;
    parents[c].push(parent);
    let list = children.get(parent);
    if (!list) children.set(parent, (list = []));
    list.push(c);
  }
  // Breadth-first down from the root: the first time a topic is reached is along a shortest path.
  const depth = new Int32Array(ontology.topics.length);
  let frontier = children.get(ROOT_ID) ?? [];
  for (let d = 1; frontier.length > 0; d++) {
    const next: number[] = [];
    for (const i of frontier) {
      if (depth[i] !== 0) continue;
      depth[i] = d;
      for (const c of children.get(ontology.topics[i].id) ?? []) if (depth[c] === 0) next.push(c);
    }
    frontier = next;
  }
  return { parents, depth };
}

/** The ontology as Arrow IPC stream bytes (deterministic): topic_id, slug, name, depth, parent_ids. */
export function ontologyAsset(ontology: Ontology): Uint8Array {
  const { parents, depth } = ontologyColumns(ontology);
  const table = new Table({
    topic_id: vectorFromArray(ontology.topics.map((t) => t.id), new Utf8()),
    slug: vectorFromArray(ontology.topics.map((t) => t.slug), new Utf8()),
    name: vectorFromArray(ontology.topics.map((t) => t.name), new Utf8()),
    depth: vectorFromArray(Array.from(depth), new Int32()),
    parent_ids: vectorFromArray(parents, new List(new Field('item', new Utf8(), false))),
  });
  return tableToIPC(table, 'stream');
}
