import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { worldDbPath } from '../../../lib/db/world.ts';
import { ontologyPath } from '../../../../data/ontologyAsset.ts';

/**
 * The part of the dataset the "Your data" page's engine loads, written beside the page at build
 * time: the simulated world's account features (the reach score's 1-100 anchors for a small file,
 * and the SQL cell's comparison) and Klout's topics with their links (topic matching and
 * relevance), with a manifest of them. The manifest also names Klout's whole ontology (the data
 * step writes it in a folder beside its DuckDB file, data/ontologyAsset.ts), which the page fetches only once a
 * file with topics is loaded. The page fetches nothing else.
 */
export const WORLD_TABLES = ['account_features', 'topics', 'topic_edges'] as const;

interface Manifest {
  version: string;
  tables: { name: string; file: string; rows: number; bytes: number }[];
  ontology: { file: string; rows: number; bytes: number; sha256: string };
}
const dataDir = join(process.cwd(), 'public', 'data');
const manifest = (): Manifest => JSON.parse(readFileSync(join(dataDir, 'manifest.json'), 'utf8')) as Manifest;
const tables = () => manifest().tables.filter((t) => (WORLD_TABLES as readonly string[]).includes(t.name));

export function getStaticPaths() {
  return ['manifest.json', ...tables().map((t) => t.file), manifest().ontology.file].map((file) => ({ params: { file } }));
}

export function GET({ params }: { params: { file: string } }) {
  const arrow = { 'content-type': 'application/vnd.apache.arrow.stream' };
  if (params.file === 'manifest.json') {
    const { version, ontology } = manifest();
    return new Response(JSON.stringify({ version, tables: tables(), ontology }), { headers: { 'content-type': 'application/json' } });
  }
  if (params.file === manifest().ontology.file) return new Response(readFileSync(ontologyPath(worldDbPath())), { headers: arrow });
  const table = tables().find((t) => t.file === params.file)!;
  return new Response(readFileSync(join(dataDir, table.file)), { headers: arrow });
}
