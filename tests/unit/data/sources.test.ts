import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { DATA_ENTRIES, dataSourceHash, hashFiles, importClosure, sourcesOf, upToDate } from '../../../data/sources.ts';
import { SWEEP_ENTRIES, sweepKey } from '../../../data/sweep/run.ts';

const root = process.cwd();

describe('what the data and the sweep depend on', () => {
  const data = sourcesOf(root, DATA_ENTRIES);
  const sweep = sourcesOf(root, SWEEP_ENTRIES);

  it('follows the imports to the simulator, its random numbers and the scoring code, the SQL and the worker', () => {
    for (const f of ['data/sim/fit.ts', 'data/sim/world.ts', 'src/lib/random.ts', 'src/lib/ieee754.ts', 'src/lib/figures/signals.ts', 'src/lib/scoring/trust.ts', 'src/lib/stats/spearman.ts', 'src/sql/brand_offers.sql', 'src/sql/macros/reach_score.sql', 'data/sweep/worker.ts', 'data/sweep/nodeBase.ts', 'src/lib/sweep/seed.ts']) {
      expect(sweep, f).toContain(f);
    }
    expect(sweep).toContain('src/sql/build/account_features.sql');
    expect(sweep.some((f) => f.startsWith('data/klout/'))).toBe(true);
  });

  it('the data step depends on everything the sweep does (a sweep change makes the data stale), and the sweep not on how it is shown', () => {
    expect(sweep.filter((f) => !data.includes(f))).toEqual([]);
    expect(data).toContain('data/build.ts');
    expect(sweep).not.toContain('data/build.ts');
    expect(sweep).not.toContain('src/lib/sweep/view.ts');
  });

  it('hashes are stable and change with any file in the closure', () => {
    expect(dataSourceHash(root)).toBe(dataSourceHash(root));
    expect(sweepKey(root)).toMatch(/^[0-9a-f]{16}$/);
    const dir = mkdtempSync(join(tmpdir(), 'sources-'));
    try {
      mkdirSync(join(dir, 'lib'));
      writeFileSync(join(dir, 'main.ts'), "import { b } from './lib/b.ts';\nconst w = new URL('./lib/w.ts', import.meta.url);\nexport const a = b;\n");
      writeFileSync(join(dir, 'lib/b.ts'), "import text from '../q.sql?raw';\nexport const b = text;\n");
      writeFileSync(join(dir, 'lib/w.ts'), "const { c } = await import('./c.ts');\nexport { c };\n");
      writeFileSync(join(dir, 'lib/c.ts'), 'export const c = 1;\n');
      writeFileSync(join(dir, 'lib/unused.ts'), 'export const u = 1;\n');
      writeFileSync(join(dir, 'q.sql'), 'SELECT 1');
      expect(importClosure(dir, ['main.ts'])).toEqual(['lib/b.ts', 'lib/c.ts', 'lib/w.ts', 'main.ts', 'q.sql']);
      const before = hashFiles(dir, importClosure(dir, ['main.ts']));
      writeFileSync(join(dir, 'lib/unused.ts'), 'export const u = 2;\n');
      expect(hashFiles(dir, importClosure(dir, ['main.ts']))).toBe(before);
      for (const f of ['lib/c.ts', 'q.sql']) {
        writeFileSync(join(dir, f), '// changed\n');
        expect(hashFiles(dir, importClosure(dir, ['main.ts'])), f).not.toBe(before);
      }
      writeFileSync(join(dir, 'lib/c.ts'), "export { x } from './missing.ts';\n");
      expect(() => importClosure(dir, ['main.ts'])).toThrow(/missing/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('npm run build’s --if-stale check', () => {
  it('reuses the data only when the sources, the scale, the DuckDB file and the sweep’s file all match', () => {
    const dir = mkdtempSync(join(tmpdir(), 'stale-'));
    try {
      const sweep = '{"curves":[]}\n';
      const sha256 = createHash('sha256').update(sweep).digest('hex');
      const o = { manifestPath: join(dir, 'manifest.json'), dbPath: join(dir, 'world.duckdb'), source: 'abc', scale: 'default', sweepRequired: true };
      expect(upToDate(o)).toBe(false);
      writeFileSync(o.manifestPath, JSON.stringify({ source: 'abc', scale: 'default', sweep: { file: 'break_even.json', sha256 } }));
      expect(upToDate(o)).toBe(false);
      writeFileSync(o.dbPath, '');
      expect(upToDate(o)).toBe(false);
      writeFileSync(join(dir, 'break_even.json'), sweep);
      expect(upToDate(o)).toBe(true);
      expect(upToDate({ ...o, source: 'abd' })).toBe(false);
      expect(upToDate({ ...o, scale: 'large' })).toBe(false);
      writeFileSync(join(dir, 'break_even.json'), '{"curves":[1]}\n');
      expect(upToDate(o)).toBe(false);
      expect(upToDate({ ...o, sweepRequired: false })).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
