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
  it('runs queries started together on one connection, each with its own result (the build and the tests do)', async () => {
    const db = await openNodeEngine(':memory:', { threads: '2' });
    // DuckDB 1.4's Node API fails some of these when they overlap; twenty rounds make an overlap certain.
    for (let round = 0; round < 20; round++) {
      const sizes = [10 + round, 1, 2000, 300];
      const frames = await Promise.all(sizes.map((n) => db.query('SELECT count(*)::DOUBLE AS n, sum(i)::DOUBLE AS s FROM range(?) t(i)', [n])));
      expect(frames.map((f) => [f.columns.n[0], f.columns.s[0]])).toEqual(sizes.map((n) => [n, (n * (n - 1)) / 2]));
    }
    await expect(db.query('SELECT nonsense')).rejects.toThrow();
    expect((await db.query('SELECT 7 AS x')).columns.x).toEqual([7]);
    db.close();
  });
});
