import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The part of the dataset the "Your data" page's engine loads, written beside the page at build
 * time: the simulated world's account features (the reach score's 1-100 anchors for a small file,
 * and the SQL cell's comparison) and Klout's topics with their links (topic matching and
 * relevance), with a manifest of them. The page fetches nothing else.
 */
export const WORLD_TABLES = ['account_features', 'topics', 'topic_edges'] as const;

interface Manifest {
  version: string;
  tables: { name: string; file: string; rows: number; bytes: number }[];
}
const dataDir = join(process.cwd(), 'public', 'data');
const manifest = (): Manifest => JSON.parse(readFileSync(join(dataDir, 'manifest.json'), 'utf8')) as Manifest;
const tables = () => manifest().tables.filter((t) => (WORLD_TABLES as readonly string[]).includes(t.name));

export function getStaticPaths() {
  return ['manifest.json', ...tables().map((t) => t.file)].map((file) => ({ params: { file } }));
}

export function GET({ params }: { params: { file: string } }) {
  if (params.file === 'manifest.json') {
    const { version } = manifest();
    return new Response(JSON.stringify({ version, tables: tables() }), { headers: { 'content-type': 'application/json' } });
  }
  const table = tables().find((t) => t.file === params.file)!;
  return new Response(readFileSync(join(dataDir, table.file)), { headers: { 'content-type': 'application/vnd.apache.arrow.stream' } });
}
