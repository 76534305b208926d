/**
 * A bench-only page (never shipped): the site's own DuckDB-WASM module and download code, exposed
 * to the benchmark so it can time the scoring SQL in the browser and a 1M-row Parquet download.
 */
import { engine } from '../../../src/lib/db/browser.ts';
import { bindSql, parameterNames, type Param } from '../../../src/sql/bind.ts';
import type { Frame } from '../../../src/lib/data/frame.ts';
import { QUERIES, type QueryName } from '../../../src/sql/catalog.ts';
import { DEFAULTS } from '../../../src/lib/state/params.ts';
import { parquetDownload, provenance } from '../../../src/lib/explore/downloads.ts';
import { tableByName } from '../../../src/lib/data/dictionary.ts';

const bound = (name: QueryName) => {
  const text = QUERIES[name];
  const params = Object.fromEntries(parameterNames(text).map((p) => [p, (DEFAULTS as Record<string, unknown>)[p]]));
  return { text, params, ...bindSql(text, params as never) };
};

const harness = {
  /** Milliseconds to start the engine (wasm + data + macros + the lock), so that no setup step runs among the timed queries. */
  async ready(): Promise<number> {
    const t = performance.now();
    await (await engine()).ready;
    return performance.now() - t;
  },
  /** Milliseconds of each of `runs` runs of a catalog query with the default parameters (rows turned into columns included). */
  async sql(name: QueryName, runs: number): Promise<{ ms: number[]; rows: number }> {
    const db = await engine();
    const { sql, values } = bound(name);
    const ms: number[] = [];
    let rows = 0;
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      rows = (await db.query(sql, values)).length;
      ms.push(performance.now() - t);
    }
    return { ms, rows };
  },
  /**
   * Milliseconds of each of `runs` runs of any statement (for trying a query's variants by hand from
   * the console); with `values` for its `?` placeholders, prepared once and run as the figures run theirs.
   */
  async time(sql: string, runs = 1, values: Param[] = []): Promise<number[]> {
    const db = await engine();
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await db.query(sql, values);
      ms.push(performance.now() - t);
    }
    return ms;
  },
  /** The columns of a statement's result (an EXPLAIN ANALYZE's plan, say). */
  async rows(sql: string): Promise<Frame['columns']> {
    return (await (await engine()).query(sql)).columns;
  },
  /** Query the placements that pass a filter (nearly all) and write them as the Parquet file a download saves: milliseconds and bytes. */
  async parquet(): Promise<{ ms: number; queryMs: number; rows: number; bytes: number }> {
    const db = await engine();
    const spec = tableByName('placements');
    const text = `SELECT ${spec.columns.map((c) => c.name).join(', ')} FROM placements WHERE cost >= $min_cost ORDER BY placement_id`;
    const { sql, values } = bindSql(text, { min_cost: 0 });
    const t = performance.now();
    const frame = await db.query(sql, values);
    const queryMs = performance.now() - t;
    const prov = provenance({ query: 'bench', text, params: { min_cost: 0 }, version: db.manifest.version, rows: frame.length, generatedAt: new Date(0).toISOString(), spec });
    const blob = new Blob([parquetDownload(frame, prov, spec)], { type: 'application/vnd.apache.parquet' });
    return { ms: performance.now() - t, queryMs, rows: frame.length, bytes: blob.size };
  },
};

(window as unknown as { harness: typeof harness }).harness = harness;
document.body.dataset.ready = '';
