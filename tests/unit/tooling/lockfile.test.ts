import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';

interface Lock {
  packages: Record<string, { version?: string; resolved?: string; optional?: boolean; optionalDependencies?: Record<string, string>; dependencies?: Record<string, string> }>;
}
const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Lock;

describe.each(['package-lock.json', 'tests/bench/package-lock.json'])('%s', (path) => {
  const lock = read(path);
  it('downloads nothing from outside the npm registry', () => {
    const elsewhere = Object.entries(lock.packages).filter(([, p]) => p.resolved && !p.resolved.startsWith('https://registry.npmjs.org/'));
    expect(elsewhere).toEqual([]);
  });
  it('has an entry for every optional dependency (npm ci refuses a lock file without one)', () => {
    // npm install leaves out an optional package it cannot find, e.g. a platform build of
    // @duckdb/node-bindings that the registry lacks, and then npm ci fails on the same lock file.
    const missing = Object.values(lock.packages).flatMap((p) => Object.keys(p.optionalDependencies ?? {}).filter((name) => !lock.packages[`node_modules/${name}`]));
    expect(missing).toEqual([]);
  });
});

describe('the root install', () => {
  const lock = read('package-lock.json');
  it('runs DuckDB on Node at the browser engine\'s release (DuckDB 1.4.3)', () => {
    expect(lock.packages['node_modules/@duckdb/node-api'].version).toBe('1.4.3-r.3');
    expect(lock.packages['node_modules/@duckdb/node-bindings'].version).toBe('1.4.3-r.3');
  });
  it('leaves the benchmark\'s Lighthouse to tests/bench', () => {
    expect(lock.packages['node_modules/lighthouse']).toBeUndefined();
    expect(read('tests/bench/package-lock.json').packages['node_modules/lighthouse'].version).toMatch(/^13\./);
  });
});
