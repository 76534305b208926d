import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What the generated data depends on: the simulator, its inputs (Klout's topic data), the build
 * SQL, the table dictionary and Arrow writer, and the data step itself. A change to any of them
 * makes data built before it stale.
 */
export const DATA_SOURCES = ['data/sim', 'data/klout', 'data/build.ts', 'data/load.ts', 'data/sources.ts', 'src/sql/build', 'src/lib/data'];

/** The SHA-256 of every source file (names and contents, in a fixed order) under `root`. */
export function dataSourceHash(root: string): string {
  const hash = createHash('sha256');
  const add = (path: string) => {
    if (statSync(join(root, path)).isDirectory()) for (const name of readdirSync(join(root, path)).sort()) add(join(path, name));
    else hash.update(`${path}\0`).update(readFileSync(join(root, path))).update('\0');
  };
  for (const source of DATA_SOURCES) add(source);
  return hash.digest('hex');
}
