import { bound, type Statement } from '../../src/lib/byod/queries.ts';

export type Row = Record<string, unknown>;

/** A DuckDB-WASM connection's answers as plain rows (BigInt made a number, lists made arrays): Your data's statements, bound as the page binds them, and plain SQL. */
export function byodRows(conn: () => { query(sql: string): unknown; prepare(sql: string): { query(...values: unknown[]): unknown; close(): void } }) {
  const plain = (v: unknown) => (typeof v === 'bigint' ? Number(v) : v);
  const rowsOf = (table: unknown): Row[] =>
    (table as { toArray(): { toJSON(): Row }[] }).toArray().map((r) =>
      Object.fromEntries(Object.entries(r.toJSON()).map(([k, v]) => [k, v && typeof v === 'object' && 'toArray' in (v as object) ? Array.from((v as { toArray(): unknown[] }).toArray(), plain) : plain(v)])),
    );
  return {
    run(s: Statement): Row[] {
      const { sql, values } = bound(s);
      if (values.length === 0) return rowsOf(conn().query(sql));
      const st = conn().prepare(sql);
      try {
        return rowsOf(st.query(...values));
      } finally {
        st.close();
      }
    },
    select: (sql: string): Row[] => rowsOf(conn().query(sql)),
  };
}
