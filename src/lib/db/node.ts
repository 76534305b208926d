import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { Engine } from './engine.ts';
import type { Frame } from '../data/frame.ts';
import { plainValue } from '../data/frame.ts';
import type { Param } from '../../sql/bind.ts';

/**
 * DuckDB on Node (@duckdb/node-api): the build's engine (data step, pre-rendering) and the SQL
 * tests'. The browser's twin is ./browser.ts; both return frames of plain JavaScript values.
 */
export async function openNodeEngine(path = ':memory:', options: Record<string, string> = {}): Promise<Engine & { connection: DuckDBConnection; close(): void }> {
  const instance = await DuckDBInstance.create(path, { threads: '1', ...options });
  const connection = await instance.connect();
  // One statement at a time: DuckDB 1.4's Node API fails ("Failed to execute prepared statement")
  // when a second statement starts on a connection before the first has finished.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const next = queue.then(job, job);
    queue = next.catch(() => {});
    return next;
  };
  return {
    connection,
    async exec(sql) {
      await serial(() => connection.run(sql));
    },
    async query(sql, values: Param[] = []) {
      const reader = await serial(() => connection.runAndReadAll(sql, values as never));
      const names = reader.columnNames();
      // With no rows the reader has no columns to give: an empty frame still has its names.
      const raw = reader.currentRowCount > 0 ? reader.getColumnsJS() : [];
      const columns: Frame['columns'] = {};
      names.forEach((n, j) => {
        columns[n] = ((raw[j] ?? []) as unknown[]).map(plainValue);
      });
      return { names, columns, length: reader.currentRowCount };
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
