import type { Frame } from '../data/frame.ts';
import type { Param } from '../../sql/bind.ts';

/** What a figure needs of a database: run a statement, or a query with positional values. */
export interface Engine {
  exec(sql: string): Promise<void>;
  query(sql: string, values?: Param[]): Promise<Frame>;
}
