import { describe, expect, it } from 'vitest';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { tableFromIPC } from 'apache-arrow';
import { arrowWithProvenance, csvDownload, EXPLORE_COLUMNS, jsonDownload, parquetDownload, provenance } from '../../../src/lib/explore/downloads.ts';
import type { Frame } from '../../../src/lib/data/frame.ts';
import { toArrowTable } from '../../../src/lib/data/arrow.ts';

const frame: Frame = {
  names: EXPLORE_COLUMNS.columns.map((c) => c.name),
  columns: {
    brand: ['yoga', 'energy', 'yoga'],
    influencer_id: Int32Array.from([1, 2, 3]),
    handle: ['=cmd|calc', '-neg', 'plain, "quoted"'],
    tier: ['nano', 'micro', 'mega'],
    topic: ['yoga', null, 'fitness'],
    followers: [1200, 9_007_199_254_740, 3],
    reactions_per_post: Float64Array.from([1.5, 0, 2.25]),
    score: Float64Array.from([20, 99, 1]),
    cost: [100.5, null, 3],
    conversions: Int32Array.from([0, 7, 2]),
    revenue: Float64Array.from([-5, 14, 0]),
  },
  length: 3,
};
const prov = provenance({ query: 'explore_accounts', text: 'SELECT * FROM x WHERE a = $brand AND b = $brand', params: { brand: 'yoga' }, version: 'v1', rows: 3, generatedAt: '2000-01-01T00:00:00Z' });

describe('provenance', () => {
  it('carries the file SQL, the bound SQL with values in order, the parameters and the dataset version', () => {
    expect(prov.sql).toBe('SELECT * FROM x WHERE a = $brand AND b = $brand');
    expect(prov.bound_sql).toBe('SELECT * FROM x WHERE a = ? AND b = ?');
    expect(prov.bound_values).toEqual(['yoga', 'yoga']);
    expect(prov.dataset_version).toBe('v1');
    expect(prov.columns.map((c) => c.name)).toEqual(frame.names);
    expect(prov.columns.find((c) => c.name === 'followers')!.type).toBe('BIGINT');
  });
});

describe('downloads hold exactly the rows', () => {
  it('CSV escapes formula text but keeps negative numbers as numbers', () => {
    const csv = csvDownload(frame);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(frame.names.join(','));
    expect(lines[1]).toBe("yoga,1,'=cmd|calc,nano,yoga,1200,1.5,20,100.5,0,-5");
    expect(lines[2]).toContain("'-neg");
    expect(lines[3]).toContain('"plain, ""quoted"""');
    expect(lines).toHaveLength(5);
  });

  it('JSON has the rows as objects (null for missing) and the provenance', () => {
    const parsed = JSON.parse(jsonDownload(frame, prov));
    expect(parsed.provenance).toEqual(prov);
    expect(parsed.rows).toHaveLength(3);
    expect(parsed.rows[1]).toEqual({ brand: 'energy', influencer_id: 2, handle: '-neg', tier: 'micro', topic: null, followers: 9_007_199_254_740, reactions_per_post: 0, score: 99, cost: null, conversions: 7, revenue: 14 });
  });

  it('Parquet reads back (hyparquet) with the same values, types and provenance metadata', async () => {
    const buffer = parquetDownload(frame, prov);
    const meta = parquetMetadata(buffer);
    expect(JSON.parse(meta.key_value_metadata!.find((k) => k.key === 'provenance')!.value!)).toEqual(prov);
    const rows = await parquetReadObjects({ file: buffer });
    expect(rows).toHaveLength(3);
    expect(rows[0].handle).toBe('=cmd|calc');
    expect(rows[1].followers).toBe(9_007_199_254_740n);
    expect(rows[1].topic).toBeNull();
    expect(rows[1].cost).toBeNull();
    expect(rows[2].revenue).toBe(0);
    expect(rows.map((r) => r.influencer_id)).toEqual([1, 2, 3]);
  });

  it('Arrow IPC reads back (apache-arrow) with typed columns and provenance in the schema metadata', () => {
    const table = tableFromIPC(arrowWithProvenance(toArrowTable(frame, EXPLORE_COLUMNS), prov));
    expect(JSON.parse(table.schema.metadata.get('provenance')!)).toEqual(prov);
    expect(table.numRows).toBe(3);
    expect(table.schema.fields.map((f) => f.name)).toEqual(frame.names);
    expect(table.getChild('followers')!.get(1)).toBe(9_007_199_254_740n);
    expect(table.getChild('cost')!.get(1)).toBeNull();
    expect(table.getChild('handle')!.get(0)).toBe('=cmd|calc');
  });

  it('an empty view gives header-only files that still read back', async () => {
    const empty: Frame = { names: frame.names, columns: Object.fromEntries(frame.names.map((n) => [n, []])), length: 0 };
    expect(csvDownload(empty)).toBe(frame.names.join(',') + '\r\n');
    expect(tableFromIPC(arrowWithProvenance(toArrowTable(empty, EXPLORE_COLUMNS), prov)).numRows).toBe(0);
    expect(await parquetReadObjects({ file: parquetDownload(empty, prov) })).toEqual([]);
  });
});
