/**
 * The data step: simulate the world, load it into DuckDB on Node, derive the per-account
 * features with the build SQL, and write what the browser loads (Arrow IPC streams, no DuckDB
 * extension needed) plus a manifest. Also keeps a DuckDB file for pre-rendering the pages.
 *
 *   node data/build.ts                         default world into public/data/
 *   node data/build.ts --scale large          benchmark world into .bench/large/ (never under public/)
 *   node data/build.ts --out DIR               the default world elsewhere
 *   node data/build.ts --if-stale              only when the data is missing or its sources changed
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadWorld } from './load.ts';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseOntology } from './sim/ontology.ts';
import { DEFAULT_PARAMS, scaleParams } from './sim/params.ts';
import { simulateWorldWithTruth } from './sim/world.ts';
import { calibrate } from './sim/calibration.ts';
import { TABLES } from '../src/lib/data/dictionary.ts';
import { toArrowIpc } from '../src/lib/data/arrow.ts';
import { openNodeEngine } from '../src/lib/db/node.ts';
import { dataSourceHash, upToDate } from './sources.ts';
import { sweepStep } from './sweep/run.ts';
import { ONTOLOGY_FILE, ontologyAsset, ontologyPath } from './ontologyAsset.ts';

const root = new URL('..', import.meta.url).pathname;
const { values: args } = parseArgs({
  options: { scale: { type: 'string', default: 'default' }, out: { type: 'string' }, db: { type: 'string' }, 'if-stale': { type: 'boolean', default: false } },
});
// A scaled world is for the benchmark and never ships: it goes to .bench/SCALE unless told otherwise.
const outDir = args.out ?? join(root, args.scale === 'default' ? 'public/data' : `.bench/${args.scale}`);
const dbPath = args.db ?? (args.out || args.scale !== 'default' ? join(outDir, 'world.duckdb') : join(root, 'data/out/world.duckdb'));

// The manifest records the hash of the sources the data was built from (`npm run build` skips the step when it matches).
const source = dataSourceHash(root);
const manifestPath = join(outDir, 'manifest.json');
if (args['if-stale'] && upToDate({ manifestPath, dbPath, source, scale: args.scale, sweepRequired: args.scale === 'default' }) && existsSync(ontologyPath(dbPath))) {
  console.log(`data: up to date in ${outDir} (sources unchanged)`);
  process.exit(0);
}
// Written last: a run that stops half-way leaves no manifest, so the next one builds again.
rmSync(manifestPath, { force: true });

const started = performance.now();
const lap = (what: string) => console.log(`data: ${what} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
// Where the verdict flips (SCIENCE.md §7): the default world's assumptions swept over ten seeds, not for a scaled world. Its
// worker threads start now and run while this thread simulates and writes the published world; it is awaited at the end.
mkdirSync(outDir, { recursive: true });
const sweeping = args.scale === 'default' ? sweepStep(root, outDir) : null;
sweeping?.catch(() => {});
const params = args.scale === 'default' ? DEFAULT_PARAMS : scaleParams(args.scale as 'large');
const ontology = parseOntology(
  readFileSync(join(root, 'data/klout/klout_topic_ontology_20180601.csv'), 'utf8'),
  readFileSync(join(root, 'data/klout/klout_topic_edge_20180601.csv'), 'utf8'),
);
const simulated = simulateWorldWithTruth(params, ontology);
const world = simulated.world as unknown as Record<string, Record<string, ArrayLike<unknown>>>;
lap('simulated');

rmSync(dbPath, { force: true });
mkdirSync(join(dbPath, '..'), { recursive: true });
// The sources' comparisons measured in this world (SCIENCE.md §7), for the data page and the lab: build time only, beside the DuckDB file.
writeFileSync(join(dbPath, '..', 'calibration.json'), JSON.stringify(calibrate(simulated.world, simulated.truth), null, 2) + '\n');
// Klout's whole ontology for the "Your data" page's topic matching (its world folder serves it; fetched only for a file with topics).
const ontologyBytes = ontologyAsset(ontology);
mkdirSync(dirname(ontologyPath(dbPath)), { recursive: true });
writeFileSync(ontologyPath(dbPath), ontologyBytes);
const ontologyEntry = { file: ONTOLOGY_FILE, rows: ontology.topics.length, bytes: ontologyBytes.length, sha256: createHash('sha256').update(ontologyBytes).digest('hex') };
lap(`wrote the ontology for Your data (${ontologyEntry.rows} topics, ${ontologyEntry.bytes} bytes)`);
const db = await openNodeEngine(dbPath);
await loadWorld(db.connection, world, root);
lap('loaded into DuckDB, features derived');

mkdirSync(outDir, { recursive: true });
const files: { name: string; file: string; rows: number; bytes: number; sha256: string }[] = [];
for (const spec of TABLES.filter((t) => t.shipped)) {
  const frame = await db.query(`SELECT ${spec.columns.map((c) => c.name).join(', ')} FROM ${spec.name}`);
  const bytes = toArrowIpc(frame, spec);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const file = `${spec.name}.arrow`;
  writeFileSync(join(outDir, file), bytes);
  files.push({ name: spec.name, file, rows: frame.length, bytes: bytes.length, sha256 });
}
const version = createHash('sha256').update(files.map((f) => f.sha256).join('')).digest('hex').slice(0, 12);
await db.exec('CHECKPOINT');
db.close();
lap(`wrote ${files.length} tables, dataset version ${version}`);

const sweep = sweeping && (await sweeping);
if (sweep) lap(`break-even sweep ${sweep.cached ? 'from the cache' : 'run'} in ${(sweep.ms / 1000).toFixed(1)} s (key ${sweep.key})`);
const manifestSweep = sweep && { file: sweep.file, key: sweep.key, bytes: sweep.bytes, sha256: sweep.sha256 };
writeFileSync(manifestPath, JSON.stringify({ version, source, scale: args.scale, params, tables: files, ontology: ontologyEntry, sweep: manifestSweep }, null, 2) + '\n');
