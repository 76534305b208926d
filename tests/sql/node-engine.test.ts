import { describe, expect, it } from 'vitest';
import { openNodeEngine } from '../../src/lib/db/node.ts';

describe('the Node DuckDB adapter', () => {
  it('returns an empty frame, with its column names, for a query with no rows', async () => {
    const db = await openNodeEngine();
    const f = await db.query('SELECT 1 AS a, ? AS b WHERE false', ['x']);
    expect(f).toEqual({ names: ['a', 'b'], columns: { a: [], b: [] }, length: 0 });
    db.close();
  });
  it('turns BIGINT into exact numbers, and values beyond 2^53 into their digits', async () => {
    const db = await openNodeEngine();
    const f = await db.query(`SELECT 42::BIGINT AS small, 9007199254740993::BIGINT AS big, 18446744073709551615::UBIGINT AS top`);
    expect(f.columns).toEqual({ small: [42], big: ['9007199254740993'], top: ['18446744073709551615'] });
    db.close();
  });
});
