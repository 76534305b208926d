/**
 * Klout's topic ontology as plain data: topics (id, slug, name) and parent → child edges.
 * Topic ids are unsigned 64-bit integers and stay strings from the CSV text to the output.
 */

/** One Klout topic; `id` is the decimal text of an unsigned 64-bit integer. */
export interface OntologyTopic {
  id: string;
  slug: string;
  name: string;
}

/** One parent → child link; the parent may be the root `"0"`, which is not a topic. */
export interface OntologyEdge {
  parent: string;
  child: string;
}

/** The topic DAG the simulator reads: the full published ontology or the subset a world shipped. */
export interface Ontology {
  topics: OntologyTopic[];
  edges: OntologyEdge[];
}

/** The id of Klout's `_ROOT_` topic: the parent of the 16 super-topics, never itself a topic. */
export const ROOT_ID = '0';

/**
 * Parses Klout's topic and edge CSV files (RFC 4180 quoting; CRLF and a BOM are tolerated).
 * Self-loops (the file's `0 → 0`) and duplicate edges are dropped; a parent missing from the topic
 * file (the file's `economics`) becomes a topic named from its slug, so its children keep their
 * path to the root. Throws on a missing column, a duplicate topic id or a non-numeric id.
 */
export function parseOntology(topicsCsv: string, edgesCsv: string): Ontology {
  const topicRows = parseCsv(topicsCsv);
  const edgeRows = parseCsv(edgesCsv);
  const t = columns(topicRows[0] ?? [], ['topicId', 'topicSlug', 'topicDisplayName'], 'topic file');
  const e = columns(edgeRows[0] ?? [], ['parentTopicId', 'parrentTopicSlug', 'childTopicId', 'childTopicSlug'], 'edge file');
  const topics: OntologyTopic[] = [];
  const known = new Set<string>();
  for (let r = 1; r < topicRows.length; r++) {
    const row = topicRows[r];
    if (row.length === 1 && row[0] === '') continue;
    const id = checkId(row[t[0]], `topic file row ${r + 1}`);
    if (known.has(id)) throw new Error(`topic file row ${r + 1}: duplicate topic id ${id}`);
    known.add(id);
    topics.push({ id, slug: row[t[1]], name: row[t[2]] });
  }
  const edges: OntologyEdge[] = [];
  const seenEdges = new Set<string>();
  for (let r = 1; r < edgeRows.length; r++) {
    const row = edgeRows[r];
    if (row.length === 1 && row[0] === '') continue;
    const parent = checkId(row[e[0]], `edge file row ${r + 1}`);
    const child = checkId(row[e[2]], `edge file row ${r + 1}`);
    if (parent === child) continue;
    const key = `${parent}>${child}`;
    if (seenEdges.has(key)) continue;
    seenEdges.add(key);
    edges.push({ parent, child });
    for (const [id, slug] of [[parent, row[e[1]]], [child, row[e[3]]]]) {
      if (id === ROOT_ID || known.has(id)) continue;
      known.add(id);
      topics.push({ id, slug, name: nameFromSlug(slug) });
    }
  }
  return { topics, edges };
}

/** The ontology a world shipped, read back from its `topics` and `topic_edges` columns (what the browser's lab regenerates from). */
export function ontologyFromTables(
  topics: { topic_id: ArrayLike<string>; slug: ArrayLike<string>; name: ArrayLike<string> },
  edges: { parent_id: ArrayLike<string>; child_id: ArrayLike<string> },
): Ontology {
  const out: Ontology = { topics: [], edges: [] };
  for (let i = 0; i < topics.topic_id.length; i++) {
    out.topics.push({ id: topics.topic_id[i], slug: topics.slug[i], name: topics.name[i] });
  }
  for (let i = 0; i < edges.parent_id.length; i++) out.edges.push({ parent: edges.parent_id[i], child: edges.child_id[i] });
  return out;
}

/** RFC 4180 rows of fields: quotes may wrap commas, doubled quotes and line breaks; LF, CRLF and CR end rows; a leading BOM is skipped. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let quoted = false;
  const n = text.length;
  while (i < n) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      if (ch === '\r' && text[i + 1] === '\n') i++;
    } else field += ch;
    i++;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function columns(header: string[], names: string[], file: string): number[] {
  return names.map((name) => {
    const at = header.indexOf(name);
    if (at < 0) throw new Error(`${file}: missing column ${name}`);
    return at;
  });
}

function checkId(id: string | undefined, where: string): string {
  if (id === undefined || !/^\d{1,20}$/.test(id)) throw new Error(`${where}: topic id ${JSON.stringify(id)} is not an unsigned integer`);
  return id;
}

function nameFromSlug(slug: string): string {
  return slug
    .split('-')
    .map((w) => (w ? w[0].toUpperCase() + w.slice(1) : w))
    .join(' ');
}
