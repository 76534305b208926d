/**
 * The explore downloads, built in the browser from the frame of every filtered row: CSV (pure
 * data, formula-escaped), a provenance JSON beside it, Parquet (provenance in key-value metadata),
 * JSON (rows and a `provenance` object) and Arrow IPC (provenance in the schema metadata).
 * Pure functions of (frame, provenance): no DOM, usable and tested in Node.
 */
import { Schema, Table, tableToIPC } from 'apache-arrow';
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { ColumnType, Table as TableSpec } from '../data/dictionary.ts';
import { tableByName } from '../data/dictionary.ts';
import type { Frame } from '../data/frame.ts';
import { toCsv } from '../data/csv.ts';
import { bindSql, type Params } from '../../sql/bind.ts';

type Spec = Pick<TableSpec, 'columns'>;

const from = (table: string, column: string, rename = column) => ({ ...tableByName(table).columns.find((c) => c.name === column)!, name: rename });

/** The columns of the explore query, typed and described by the data dictionary. */
export const EXPLORE_COLUMNS: Spec = {
  columns: [
    { ...from('brands', 'slug', 'brand'), description: 'brand (short name)' },
    from('influencers', 'influencer_id'),
    from('influencers', 'handle'),
    from('influencers', 'tier'),
    { ...from('topics', 'slug', 'topic'), description: "the account's visible niche: the topic it posted about most (Klout topic slug)" },
    from('influencers', 'followers'),
    from('account_features', 'reactions_per_post'),
    { name: 'score', type: 'DOUBLE', unit: 'points', description: 'reach score, 1–100, under the weights of the view', kind: 'observable' },
    from('pair_outcomes', 'cost'),
    from('pair_outcomes', 'conversions'),
    from('pair_outcomes', 'revenue'),
  ],
};

export interface Provenance {
  dataset: string;
  dataset_version: string;
  query: string;
  /** The query file's text, with $name placeholders. */
  sql: string;
  /** The text the engine ran, with positional placeholders filled from bound_values in order. */
  bound_sql: string;
  bound_values: Params[string][];
  parameters: Params;
  rows: number;
  columns: { name: string; type: ColumnType; unit: string; description: string }[];
  /** When the file was made; the only field that varies between two downloads of one view. */
  generated_at: string;
}

/** The provenance of a download: what produced its rows, from which dataset version. */
export function provenance(args: { query: string; text: string; params: Params; version: string; rows: number; generatedAt: string; spec?: Spec }): Provenance {
  const { sql, values } = bindSql(args.text, args.params);
  return {
    dataset: 'Influence This (simulated campaigns on the Klout topic ontology)',
    dataset_version: args.version,
    query: args.query,
    sql: args.text.trim(),
    bound_sql: sql.trim(),
    bound_values: values,
    parameters: args.params,
    rows: args.rows,
    columns: (args.spec ?? EXPLORE_COLUMNS).columns.map(({ name, type, unit, description }) => ({ name, type, unit, description })),
    generated_at: args.generatedAt,
  };
}

/** CSV of the rows (formula-escaped text cells; provenance goes in the JSON beside it). */
export const csvDownload = (frame: Frame): string => toCsv(frame);

/** The rows as JSON objects, with the provenance object. */
export function jsonDownload(frame: Frame, prov: Provenance): string {
  const rows = new Array(frame.length);
  const cols = frame.names.map((n) => frame.columns[n]);
  for (let i = 0; i < frame.length; i++) {
    const r: Record<string, unknown> = {};
    for (let j = 0; j < cols.length; j++) {
      const v = cols[j][i];
      r[frame.names[j]] = typeof v === 'number' && !Number.isFinite(v) ? null : v;
    }
    rows[i] = r;
  }
  return JSON.stringify({ provenance: prov, rows });
}

const PARQUET_TYPES = { VARCHAR: 'STRING', INTEGER: 'INT32', BIGINT: 'INT64', DOUBLE: 'DOUBLE', BOOLEAN: 'BOOLEAN' } as const;

/** Parquet bytes of the rows (Snappy), typed by the spec, with the provenance (explore's, or any other record of what made the rows) as JSON under the key `provenance`. */
export function parquetDownload(frame: Frame, prov: Provenance | object, spec: Spec = EXPLORE_COLUMNS): ArrayBuffer {
  const columnData = spec.columns.map((c) => {
    const values = frame.columns[c.name];
    if (!values) throw new Error(`column ${c.name} missing`);
    const data = Array.from(values as ArrayLike<unknown>, (v) => {
      if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) return null;
      if (c.type === 'BIGINT') return BigInt(v as number);
      if (c.type === 'VARCHAR') return String(v);
      return v;
    });
    return { name: c.name, data, type: PARQUET_TYPES[c.type], nullable: true };
  });
  return parquetWriteBuffer({
    columnData,
    kvMetadata: [{ key: 'provenance', value: JSON.stringify(prov) }],
    createdBy: 'Influence This (hyparquet-writer)',
  });
}

/** An Arrow table (e.g. straight from DuckDB, as the browser does) as IPC stream bytes with the provenance in the schema metadata. */
export function arrowWithProvenance(table: Table, prov: Provenance): Uint8Array {
  const schema = new Schema(table.schema.fields, new Map([...table.schema.metadata, ['provenance', JSON.stringify(prov)]]));
  return tableToIPC(new Table(schema, table.batches), 'stream');
}
