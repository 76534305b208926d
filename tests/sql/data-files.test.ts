import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { TABLES } from '../../src/lib/data/dictionary.ts';
import { openNodeEngine } from '../../src/lib/db/node.ts';
import { worldDbPath } from '../../src/lib/db/world.ts';
import { openWasmWorld } from './wasmEngine.ts';

const shipped = `${process.cwd()}/public/data`;
const arrowType: Record<string, RegExp> = { VARCHAR: /^Utf8$/, INTEGER: /^Int32$/, BIGINT: /^Int64$/, DOUBLE: /^Float64$/, BOOLEAN: /^Bool$/ };

describe('the data step', () => {
  it('is deterministic: building twice gives byte-identical browser files, equal to the shipped ones', () => {
    const dirs = [mkdtempSync(join(tmpdir(), 'world-a-')), mkdtempSync(join(tmpdir(), 'world-b-'))];
    try {
      for (const out of dirs) execFileSync(process.execPath, ['data/build.ts', '--out', out], { stdio: 'pipe' });
      const files = readdirSync(dirs[0]).filter((f) => f.endsWith('.arrow') || f === 'manifest.json').sort();
      expect(files.length).toBe(TABLES.filter((t) => t.shipped).length + 1);
      expect(readdirSync(dirs[1]).filter((f) => files.includes(f)).sort()).toEqual(files);
      for (const f of files) {
        const a = readFileSync(join(dirs[0], f));
        expect(a.equals(readFileSync(join(dirs[1], f))), f).toBe(true);
        expect(a.equals(readFileSync(join(shipped, f))), `${f} differs from public/data`).toBe(true);
      }
    } finally {
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    }
  }, 120_000);

  it('ships exactly the dictionary\'s browser tables, with its column names and types', () => {
    const manifest = JSON.parse(readFileSync(`${shipped}/manifest.json`, 'utf8')) as { version: string; tables: { name: string; file: string; rows: number }[] };
    expect(manifest.tables.map((t) => t.name)).toEqual(TABLES.filter((t) => t.shipped).map((t) => t.name));
    for (const entry of manifest.tables) {
      const spec = TABLES.find((t) => t.name === entry.name)!;
      const table = tableFromIPC(readFileSync(`${shipped}/${entry.file}`));
      expect(table.numRows, entry.name).toBe(entry.rows);
      expect(table.schema.fields.map((f) => f.name), entry.name).toEqual(spec.columns.map((c) => c.name));
      table.schema.fields.forEach((f, i) => expect(String(f.type), `${entry.name}.${f.name}`).toMatch(arrowType[spec.columns[i].type]));
    }
  });

  it('keeps every table of the dictionary, build-only ones included, with its columns and types, in the build database; never a hidden one', async () => {
    const db = await openNodeEngine(worldDbPath(), { access_mode: 'READ_ONLY' });
    try {
      const tables = await db.query(`SELECT table_name FROM information_schema.tables`);
      const hidden = TABLES.filter((t) => t.hidden).map((t) => t.name);
      expect(hidden.length).toBeGreaterThan(0);
      expect(Array.from(tables.columns.table_name as string[]).filter((t) => hidden.includes(t))).toEqual([]);
      for (const spec of TABLES.filter((t) => !t.hidden)) {
        const d = await db.query(`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '${spec.name}' ORDER BY ordinal_position`);
        expect(Array.from(d.columns.column_name as string[]), spec.name).toEqual(spec.columns.map((c) => c.name));
        expect(Array.from(d.columns.data_type as string[]), spec.name).toEqual(spec.columns.map((c) => c.type));
      }
    } finally {
      db.close();
    }
  });

  it('keeps 64-bit topic ids exact from the ontology file to DuckDB-WASM', async () => {
    // 10000000000000019794 (Electricity) is above 2^63: a signed BIGINT would overflow and a JS number loses digits.
    expect(readFileSync('data/klout/klout_topic_ontology_20180601.csv', 'utf8')).toContain('10000000000000019794,"electricity"');
    const wasm = await openWasmWorld();
    const f = await wasm.query(`SELECT topic_id, slug FROM topics WHERE topic_id = ?`, ['10000000000000019794']);
    expect(f.columns.topic_id[0]).toBe('10000000000000019794');
    expect(f.columns.slug[0]).toBe('electricity');
    const mentions = await wasm.query(`SELECT count(*)::DOUBLE AS n FROM account_topic_weeks WHERE topic_id = '10000000000000019794'`);
    expect(mentions.columns.n[0]).toBeGreaterThan(0);
  });
});
